#include "db/Connection.h"

#include "db/Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QThread>

#include <utility>

namespace mhero {

namespace {
QString uniqueConnectionName(const QString& purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("mhero-%1-%2").arg(purpose.isEmpty() ? QStringLiteral("db") : purpose).arg(++counter);
}

} // namespace

ScopedConnection::~ScopedConnection()
{
    close();
}

ScopedConnection::ScopedConnection(ScopedConnection&& other) noexcept
    : m_name(std::exchange(other.m_name, {}))
    , m_db(std::exchange(other.m_db, {}))
{ }

ScopedConnection& ScopedConnection::operator=(ScopedConnection&& other) noexcept
{
    if (this != &other) {
        close();
        m_name = std::exchange(other.m_name, {});
        m_db = std::exchange(other.m_db, {});
    }
    return *this;
}

Result<ScopedConnection> ScopedConnection::open(const ConnectionSettings& settings, const QString& purpose)
{
    ScopedConnection connection;
    connection.m_name = uniqueConnectionName(purpose);
    connection.m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection.m_name);
    if (!connection.m_db.isValid())
        return Error{
            QStringLiteral("driver"),
            QCoreApplication::translate("mhero::Connection", "The PostgreSQL driver for Qt (QPSQL) is not installed."),
            QSqlDatabase::drivers().join(QLatin1String(", "))};
    if (Status status = openDatabase(connection.m_db, settings); !status)
        return status.error();
    return connection;
}

void ScopedConnection::close()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

Status openDatabase(QSqlDatabase& db, const ConnectionSettings& settings)
{
    if (db.isOpen())
        db.close();
    settings.applyTo(db);
    if (!db.open())
        return describeConnectError(db.lastError().databaseText() + QLatin1Char(' ') + db.lastError().driverText(),
                                    settings);
    // Our own session defaults: UTC on the wire, and no statement may hang a worker for ever.
    for (const char* statement :
         {"SET TIME ZONE 'UTC'", "SET statement_timeout = '60s'", "SET idle_in_transaction_session_timeout = '5min'"}) {
        if (auto result = sql::exec(db, QString::fromLatin1(statement)); !result) {
            db.close();
            return result.error();
        }
    }
    return {};
}

Error describeConnectError(const QString& libpqMessage, const ConnectionSettings& settings)
{
    const QString text = libpqMessage.simplified();
    const auto has = [&text](const char* needle) { return text.contains(QLatin1String(needle), Qt::CaseInsensitive); };
    const QString where = settings.host.isEmpty() ? QStringLiteral("localhost") : settings.host;

    if (has("password authentication failed") || has("no password supplied") || has("password is required")
        || (has("role \"") && has("does not exist")))
        return {QString(sql::state::InvalidPassword),
                QCoreApplication::translate("mhero::Connection", "Wrong user name or password."), text};
    if (has("not permitted to log in"))
        return {QString(sql::state::InvalidAuthorization),
                QCoreApplication::translate("mhero::Connection", "This account is disabled. Ask your administrator."),
                text};
    if (has("database \"") && has("does not exist"))
        return {QStringLiteral("3D000"),
                QCoreApplication::translate("mhero::Connection", "The database \"%1\" does not exist on the server.")
                    .arg(settings.database),
                text};
    if (has("no pg_hba.conf entry") || has("pg_hba.conf rejects"))
        return {
            QString(sql::state::InvalidAuthorization),
            QCoreApplication::translate(
                "mhero::Connection",
                "The server does not accept this user from this computer. Ask IT to check the server's access rules."),
            text};
    if (has("timeout expired"))
        return {QStringLiteral("08001"),
                QCoreApplication::translate("mhero::Connection", "The database server at %1 did not answer in time.")
                    .arg(where),
                text};
    if (has("ssl") || has("certificate"))
        return {
            QStringLiteral("08001"),
            QCoreApplication::translate("mhero::Connection", "The secure (TLS) connection to %1 failed.").arg(where),
            text};
    if (has("could not connect") || has("connection refused") || has("no such file or directory")
        || has("could not translate host name") || has("server closed the connection") || has("connection to server"))
        return {QStringLiteral("08001"),
                QCoreApplication::translate("mhero::Connection", "Cannot reach the database server at %1.").arg(where),
                text};
    return {QStringLiteral("08001"),
            QCoreApplication::translate("mhero::Connection", "Could not connect to the database."), text};
}

} // namespace mhero
