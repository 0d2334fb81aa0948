#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"

#include <QSqlDatabase>
#include <QString>

namespace mhero {

/// A QPSQL connection owned by one thread, removed from Qt's registry when it goes out of scope.
/// Qt Sql requires one connection per thread; this makes the rule hard to break.
class ScopedConnection final
{
public:
    ScopedConnection() = default;
    ~ScopedConnection();
    ScopedConnection(ScopedConnection&& other) noexcept;
    ScopedConnection& operator=(ScopedConnection&& other) noexcept;
    ScopedConnection(const ScopedConnection&) = delete;
    ScopedConnection& operator=(const ScopedConnection&) = delete;

    /// Opens a new connection (blocking: call it from a worker thread or a command-line tool).
    static Result<ScopedConnection> open(const ConnectionSettings& settings, const QString& purpose = {});

    [[nodiscard]] QSqlDatabase& db() { return m_db; }
    [[nodiscard]] const QString& name() const { return m_name; }
    void close();

private:
    QString m_name;
    QSqlDatabase m_db;
};

/// Turns a failed connection attempt into a message a person understands (wrong password,
/// server unreachable, database missing, TLS failure…), with libpq's text as detail.
Error describeConnectError(const QString& libpqMessage, const ConnectionSettings& settings);

/// Opens (or reopens) a QPSQL connection with @p settings; the connection name must be unused
/// or belong to the calling thread.
Status openDatabase(QSqlDatabase& db, const ConnectionSettings& settings);

} // namespace mhero
