#include "admin/UserAdmin.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariant>

#include <libpq-fe.h>

namespace mhero {

QString toString(UserKind kind)
{
    switch (kind) {
    case UserKind::Agent:
        return QStringLiteral("agent");
    case UserKind::Supervisor:
        return QStringLiteral("supervisor");
    case UserKind::Admin:
        return QStringLiteral("admin");
    case UserKind::Service:
        return QStringLiteral("service");
    }
    return {};
}

std::optional<UserKind> userKindFromString(const QString& text)
{
    for (UserKind kind : {UserKind::Agent, UserKind::Supervisor, UserKind::Admin, UserKind::Service})
        if (toString(kind) == text)
            return kind;
    return std::nullopt;
}

namespace users {

QString generatePassword(int length)
{
    static const QLatin1StringView alphabet{"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"};
    QString password;
    auto* random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        password += alphabet.at(int(random->bounded(alphabet.size())));
    return password;
}

Result<QString> scramVerifier(QSqlDatabase& db, const QString& user, const QString& password)
{
    PGconn* conn = sql::nativeHandle(db);
    if (!conn)
        return Error{QStringLiteral("connection"), QCoreApplication::translate("mhero::users", "Not connected."), {}};
    char* verifier
        = PQencryptPasswordConn(conn, password.toUtf8().constData(), user.toUtf8().constData(), "scram-sha-256");
    if (!verifier)
        return Error{QStringLiteral("password"),
                     QCoreApplication::translate("mhero::users", "Could not compute the password verifier."),
                     QString::fromUtf8(PQerrorMessage(conn)).trimmed()};
    QString result = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return result;
}

Status add(QSqlDatabase& db, const QString& name, UserKind kind, const QString& displayName,
           const QStringList& languages, const QString& password)
{
    if (password.size() < 8)
        return Error{QStringLiteral("22023"),
                     QCoreApplication::translate("mhero::users", "The password must have at least 8 characters."),
                     {}};
    auto verifier = scramVerifier(db, name, password);
    if (!verifier)
        return verifier.error();
    // QPSQL binds a QStringList as text; build the array literal through PostgreSQL instead.
    auto result
        = sql::exec(db, QStringLiteral("SELECT mhero.create_user(?, ?, ?, string_to_array(nullif(?, ''), ','), ?)"),
                    {name, toString(kind), displayName, languages.join(QLatin1Char(',')), *verifier});
    if (!result)
        return result.error();
    return {};
}

Status setActive(QSqlDatabase& db, const QString& name, bool active)
{
    auto result = sql::exec(db, QStringLiteral("SELECT mhero.set_user_active(?, ?)"), {name, active});
    if (!result)
        return result.error();
    return {};
}

Result<QList<UserRecord>> list(QSqlDatabase& db)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT role_name, display_name, kind, array_to_string(languages, ','), "
                                          "active, created_at FROM mhero.app_user ORDER BY role_name"));
    if (!query)
        return query.error();
    QList<UserRecord> records;
    while (query->next()) {
        UserRecord record;
        record.name = query->value(0).toString();
        record.displayName = query->value(1).toString();
        record.kind = userKindFromString(query->value(2).toString()).value_or(UserKind::Agent);
        record.languages = query->value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        record.active = query->value(4).toBool();
        record.createdAt = query->value(5).toDateTime();
        records.append(record);
    }
    return records;
}

} // namespace users
} // namespace mhero
