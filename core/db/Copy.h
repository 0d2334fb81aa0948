#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace mhero::sql {

/// Rows in PostgreSQL's COPY text format, built field by field with the format's escaping
/// (backslash, tab, newline, carriage return; \N for NULL).
class CopyBuffer final
{
public:
    CopyBuffer& add(const QString& value); ///< an empty QString (isNull) is NULL, "" is ""
    CopyBuffer& add(bool value);
    CopyBuffer& add(qint64 value);
    CopyBuffer& add(const QDateTime& value); ///< invalid → NULL
    CopyBuffer& add(const QDate& value); ///< invalid → NULL
    CopyBuffer& addArray(const QStringList& values); ///< a text[] literal
    CopyBuffer& addNull();
    void endRow();

    [[nodiscard]] const QByteArray& data() const { return m_data; }
    [[nodiscard]] int rows() const { return m_rows; }
    void clear();

private:
    void separator();
    QByteArray m_data;
    int m_rows = 0;
    bool m_rowStarted = false;
};

/// Runs `COPY table (columns) FROM STDIN` on @p db's libpq connection with @p rows. Inside the
/// caller's transaction when one is open.
Status copyIn(QSqlDatabase& db, const QString& copyStatement, const CopyBuffer& rows);

} // namespace mhero::sql
