#include "db/Sql.h"

#include <utility>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringList>
#include <QVariant>

#include <libpq-fe.h>

namespace mhero::sql {

Error toError(const QSqlError& error)
{
    QString code = error.nativeErrorCode();
    if (code.isEmpty())
        code = error.type() == QSqlError::ConnectionError ? QStringLiteral("connection") : QStringLiteral("sql");
    // QPSQL's text is libpq's: "ERROR:  message\nLINE 1: …\n(SQLSTATE)". Keep the message line
    // for people, the rest as detail.
    QStringList lines = error.databaseText().trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!lines.isEmpty() && lines.constLast().trimmed() == QLatin1Char('(') + code + QLatin1Char(')'))
        lines.removeLast();
    QString message = lines.isEmpty() ? error.driverText().trimmed() : lines.takeFirst().trimmed();
    for (const char* prefix : {"ERROR:", "FATAL:", "PANIC:"})
        if (message.startsWith(QLatin1String(prefix)))
            message = message.mid(int(qstrlen(prefix))).trimmed();
    return Error{code, message, lines.join(QLatin1Char('\n')).trimmed()};
}

Result<QSqlQuery> exec(QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        if (!query.exec(statement))
            return toError(query.lastError());
        return query;
    }
    if (!query.prepare(statement))
        return toError(query.lastError());
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return toError(query.lastError());
    return query;
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    auto query = exec(db, statement, values);
    if (!query)
        return query.error();
    if (!query->next())
        return Error{QStringLiteral("no-row"), QCoreApplication::translate("mhero::sql", "The query returned no rows."),
                     statement};
    return query->value(0);
}

pg_conn* nativeHandle(const QSqlDatabase& db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt registers the type as "PGconn*" or, depending on the version, as "pg_conn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.data());
}

Result<Transaction> Transaction::begin(QSqlDatabase& db)
{
    if (Status begun = execScript(db, "BEGIN"); !begun)
        return begun.error();
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{ }

Transaction::~Transaction()
{
    if (m_db)
        (void)execScript(*m_db, "ROLLBACK");
}

Status Transaction::commit()
{
    QSqlDatabase* db = std::exchange(m_db, nullptr);
    if (!db)
        return Error{
            QStringLiteral("no-transaction"), QStringLiteral("commit() of a transaction that is not open"), {}};
    return execScript(*db, "COMMIT");
}

Status execScript(QSqlDatabase& db, const QByteArray& script)
{
    PGconn* conn = nativeHandle(db);
    if (!conn)
        return Error{QStringLiteral("connection"),
                     QCoreApplication::translate("mhero::sql", "Not connected to PostgreSQL."),
                     {}};
    PGresult* result = PQexec(conn, script.constData());
    const ExecStatusType status = PQresultStatus(result);
    Status outcome;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        const char* sqlState = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
        const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
        const char* context = PQresultErrorField(result, PG_DIAG_CONTEXT);
        const char* position = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION);
        QString more;
        if (detail)
            more += QString::fromUtf8(detail);
        if (position) {
            // Report the line of the script where the failing statement is.
            const int offset = QByteArray(position).toInt();
            const int line = script.left(offset).count('\n') + 1;
            more += (more.isEmpty() ? QString() : QStringLiteral("; ")) + QStringLiteral("line %1").arg(line);
        }
        if (context)
            more += (more.isEmpty() ? QString() : QStringLiteral("; ")) + QString::fromUtf8(context).simplified();
        outcome = Error{sqlState ? QString::fromLatin1(sqlState) : QStringLiteral("connection"),
                        primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn)).trimmed(), more};
    }
    PQclear(result);
    return outcome;
}

bool isConnectionHealthy(const QSqlDatabase& db)
{
    PGconn* conn = nativeHandle(db);
    return db.isOpen() && conn && PQstatus(conn) == CONNECTION_OK;
}

bool isConnectionLoss(const QSqlDatabase& db, const Error& error)
{
    if (error.code.startsWith(QLatin1String("08")) || error.code == QLatin1String("connection")
        || error.code == QLatin1String("57P01") || error.code == QLatin1String("57P02")
        || error.code == QLatin1String("57P03"))
        return true;
    return !isConnectionHealthy(db);
}

QString quoteIdentifier(const QString& identifier)
{
    QString quoted = identifier;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString quoteLiteral(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace mhero::sql
