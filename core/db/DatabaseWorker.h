#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"
#include "db/Database.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

#include <functional>

struct pg_cancel;

namespace mhero {

/// Lives in Database's thread and owns its connection. Internal to Database.
class DatabaseWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseWorker)

public:
    DatabaseWorker();
    ~DatabaseWorker() override;

    void open(const ConnectionSettings& settings);
    void close();
    void runJob(const std::function<void(QSqlDatabase&)>& job);
    void listen(const QString& channel);
    void setHealthCheckInterval(int milliseconds);
    void setReconnectDelay(int milliseconds);

    /// Asks the server to cancel the statement running now; callable from any thread.
    void cancelRunningStatement();

Q_SIGNALS:
    void opened(const mhero::Status& status);
    void stateChanged(mhero::ConnectionState state, const QString& detail);
    void reconnected();
    void notification(const QString& channel, const QString& payload);

private:
    Status connectNow();
    void checkHealth();
    void connectionLost(const QString& detail);
    void tryReconnect();
    void subscribeAll();
    void onNotification(const QString& name, QSqlDriver::NotificationSource source, const QVariant& payload);
    void setCancelHandle();
    void dropCancelHandle();

    QString m_connectionName;
    QSqlDatabase m_db;
    ConnectionSettings m_settings;
    bool m_wanted = false; ///< the user wants to be connected
    bool m_connected = false;
    QSet<QString> m_channels;
    QTimer m_healthTimer;
    QTimer m_reconnectTimer;
    int m_baseReconnectDelay = 1000;
    int m_reconnectDelay = 1000;
    QMutex m_cancelMutex;
    pg_cancel* m_cancel = nullptr;
};

} // namespace mhero
