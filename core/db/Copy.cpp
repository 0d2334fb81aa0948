#include "db/Copy.h"

#include "db/Sql.h"

#include <QCoreApplication>

#include <libpq-fe.h>

namespace mhero::sql {

void CopyBuffer::separator()
{
    if (m_rowStarted)
        m_data.append('\t');
    m_rowStarted = true;
}

CopyBuffer& CopyBuffer::addNull()
{
    separator();
    m_data.append("\\N");
    return *this;
}

CopyBuffer& CopyBuffer::add(const QString& value)
{
    if (value.isNull())
        return addNull();
    separator();
    const QByteArray utf8 = value.toUtf8();
    m_data.reserve(m_data.size() + utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '\\':
            m_data.append("\\\\");
            break;
        case '\t':
            m_data.append("\\t");
            break;
        case '\n':
            m_data.append("\\n");
            break;
        case '\r':
            m_data.append("\\r");
            break;
        case '\0':
            break; // PostgreSQL text cannot hold NUL; FHIR JSON could (\u0000)
        default:
            m_data.append(c);
        }
    }
    return *this;
}

CopyBuffer& CopyBuffer::add(bool value)
{
    separator();
    m_data.append(value ? 't' : 'f');
    return *this;
}

CopyBuffer& CopyBuffer::add(qint64 value)
{
    separator();
    m_data.append(QByteArray::number(value));
    return *this;
}

CopyBuffer& CopyBuffer::add(const QDateTime& value)
{
    if (!value.isValid())
        return addNull();
    separator();
    m_data.append(value.toUTC().toString(Qt::ISODateWithMs).toLatin1());
    return *this;
}

CopyBuffer& CopyBuffer::add(const QDate& value)
{
    if (!value.isValid())
        return addNull();
    separator();
    m_data.append(value.toString(Qt::ISODate).toLatin1());
    return *this;
}

CopyBuffer& CopyBuffer::addArray(const QStringList& values)
{
    // Array literal {"a","b"} with its own quoting, then COPY's escaping on top (add() does it).
    QString literal = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            literal += QLatin1Char(',');
        QString element = values.at(i);
        element.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        literal += QLatin1Char('"') + element + QLatin1Char('"');
    }
    literal += QLatin1Char('}');
    return add(literal);
}

void CopyBuffer::endRow()
{
    m_data.append('\n');
    m_rowStarted = false;
    ++m_rows;
}

void CopyBuffer::clear()
{
    m_data.clear();
    m_rows = 0;
    m_rowStarted = false;
}

Status copyIn(QSqlDatabase& db, const QString& copyStatement, const CopyBuffer& rows)
{
    PGconn* conn = nativeHandle(db);
    if (!conn)
        return Error{QStringLiteral("connection"),
                     QCoreApplication::translate("mhero::sql", "Not connected to PostgreSQL."),
                     {}};
    const auto failure = [conn](PGresult* result) {
        const char* sqlState = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        const char* context = result ? PQresultErrorField(result, PG_DIAG_CONTEXT) : nullptr;
        Error error{sqlState ? QString::fromLatin1(sqlState) : QStringLiteral("connection"),
                    primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn)).trimmed(),
                    context ? QString::fromUtf8(context).simplified() : QString()};
        PQclear(result);
        return error;
    };
    PGresult* start = PQexec(conn, copyStatement.toUtf8().constData());
    if (PQresultStatus(start) != PGRES_COPY_IN)
        return failure(start);
    PQclear(start);
    const QByteArray& data = rows.data();
    constexpr qsizetype kChunk = 1 << 20;
    for (qsizetype offset = 0; offset < data.size(); offset += kChunk) {
        const int length = static_cast<int>(std::min(kChunk, data.size() - offset));
        if (PQputCopyData(conn, data.constData() + offset, length) != 1)
            return failure(nullptr);
    }
    if (PQputCopyEnd(conn, nullptr) != 1)
        return failure(nullptr);
    Status outcome;
    while (PGresult* result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && outcome.ok())
            outcome = failure(result);
        else
            PQclear(result);
    }
    return outcome;
}

} // namespace mhero::sql
