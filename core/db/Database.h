#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace mhero {

enum class ConnectionState {
    Disconnected, ///< not signed in, or signed out
    Connecting, ///< first connection attempt under way
    Connected,
    Reconnecting, ///< the connection was lost; retrying with backoff
};

class DatabaseWorker;

/// The program's asynchronous door to PostgreSQL. Work runs on a thread of its own with its own
/// connection (Qt Sql allows a connection in one thread only), so the GUI thread never waits on
/// the database. It watches the connection, reconnects with backoff when the server goes away,
/// and forwards LISTEN/NOTIFY notifications.
///
/// Use run() from the thread the Database lives in: the job gets the worker's connection, and
/// its Result comes back to @p done in the caller's thread, unless @p context has been destroyed
/// meanwhile.
class Database final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Database)

public:
    explicit Database(QObject* parent = nullptr);
    ~Database() override;

    /// Starts connecting; opened() tells the outcome. Until then, and while reconnecting, jobs
    /// get a connection that is not open, so their queries fail with a clear error.
    void open(const ConnectionSettings& settings);
    /// Closes the connection (sign out). Jobs already queued still run, against no connection.
    void close();

    [[nodiscard]] ConnectionState state() const { return m_state; }
    [[nodiscard]] const ConnectionSettings& settings() const { return m_settings; }

    /// How often an idle connection is checked, so a dead server is noticed before the user acts.
    void setHealthCheckInterval(int milliseconds);
    /// First delay before reconnecting; it doubles up to 30 s.
    void setReconnectDelay(int milliseconds);

    /// LISTEN on @p channel, now and after every reconnection.
    void listen(const QString& channel);

    template<typename Job, typename Done> void run(QObject* context, Job&& job, Done&& done)
    {
        using R = std::invoke_result_t<Job&, QSqlDatabase&>;
        QPointer<QObject> guard(context);
        post([this, guard, job = std::forward<Job>(job), done = std::forward<Done>(done)](QSqlDatabase& db) mutable {
            auto result = std::make_shared<R>(job(db));
            // Back to this object's thread (where the caller lives); check the context there,
            // where it cannot be destroyed under our feet.
            QMetaObject::invokeMethod(
                this,
                [guard, result, done = std::move(done)]() mutable {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

    /// Runs @p job on the database thread, ignoring its result.
    void post(std::function<void(QSqlDatabase&)> job);

Q_SIGNALS:
    void opened(const mhero::Status& status);
    void stateChanged(mhero::ConnectionState state, const QString& detail);
    /// Emitted after a lost connection is back: views reload what they show.
    void reconnected();
    void notification(const QString& channel, const QString& payload);

private:
    void setState(ConnectionState state, const QString& detail);

    QThread m_thread;
    DatabaseWorker* m_worker = nullptr;
    ConnectionSettings m_settings;
    ConnectionState m_state = ConnectionState::Disconnected;
};

} // namespace mhero

Q_DECLARE_METATYPE(mhero::Status)
Q_DECLARE_METATYPE(mhero::ConnectionState)
