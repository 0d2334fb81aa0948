#include "db/Database.h"

#include "db/Connection.h"
#include "db/DatabaseWorker.h"
#include "db/Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcDatabase, "mhero.db")

namespace mhero {

namespace {
constexpr int kMaxReconnectDelayMs = 30'000;
} // namespace

// ---------------------------------------------------------------------------------------------
Database::Database(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<mhero::Status>();
    qRegisterMetaType<mhero::ConnectionState>();
    m_thread.setObjectName(QStringLiteral("mhero-db"));
    m_worker = new DatabaseWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DatabaseWorker::opened, this, &Database::opened);
    connect(m_worker, &DatabaseWorker::stateChanged, this, &Database::setState);
    connect(m_worker, &DatabaseWorker::reconnected, this, &Database::reconnected);
    connect(m_worker, &DatabaseWorker::notification, this, &Database::notification);
    m_thread.start();
}

Database::~Database()
{
    // Stop waiting on the server at once, then let the worker close its connection and finish.
    m_worker->cancelRunningStatement();
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::close, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Database::open(const ConnectionSettings& settings)
{
    m_settings = settings;
    setState(ConnectionState::Connecting, settings.describe());
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings] { worker->open(settings); }, Qt::QueuedConnection);
}

void Database::close()
{
    m_worker->cancelRunningStatement();
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::close, Qt::QueuedConnection);
    setState(ConnectionState::Disconnected, QString());
}

void Database::setHealthCheckInterval(int milliseconds)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, milliseconds] { worker->setHealthCheckInterval(milliseconds); },
        Qt::QueuedConnection);
}

void Database::setReconnectDelay(int milliseconds)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, milliseconds] { worker->setReconnectDelay(milliseconds); }, Qt::QueuedConnection);
}

void Database::listen(const QString& channel)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, channel] { worker->listen(channel); }, Qt::QueuedConnection);
}

void Database::post(std::function<void(QSqlDatabase&)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { worker->runJob(job); }, Qt::QueuedConnection);
}

void Database::setState(ConnectionState state, const QString& detail)
{
    if (m_state == state && state != ConnectionState::Reconnecting)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

// ---------------------------------------------------------------------------------------------
DatabaseWorker::DatabaseWorker()
    : m_healthTimer(this)
    , m_reconnectTimer(this)
{
    // The timers are children so that moveToThread() takes them along to the worker thread.
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("mhero-worker-%1").arg(++counter);
    m_healthTimer.setInterval(5000);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_healthTimer, &QTimer::timeout, this, &DatabaseWorker::checkHealth);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &DatabaseWorker::tryReconnect);
}

DatabaseWorker::~DatabaseWorker()
{
    close();
}

void DatabaseWorker::open(const ConnectionSettings& settings)
{
    m_settings = settings;
    m_wanted = true;
    m_reconnectTimer.stop();
    m_reconnectDelay = m_baseReconnectDelay;
    const Status status = connectNow();
    if (status) {
        Q_EMIT stateChanged(ConnectionState::Connected, settings.describe());
    } else {
        // A first connection that fails is reported to the sign-in dialog, not retried.
        m_wanted = false;
        Q_EMIT stateChanged(ConnectionState::Disconnected, status.error().message);
    }
    Q_EMIT opened(status);
}

void DatabaseWorker::close()
{
    const bool wasWanted = m_wanted;
    m_wanted = false;
    m_connected = false;
    m_healthTimer.stop();
    m_reconnectTimer.stop();
    dropCancelHandle();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (wasWanted)
        Q_EMIT stateChanged(ConnectionState::Disconnected, QString());
}

Status DatabaseWorker::connectNow()
{
    dropCancelHandle();
    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid())
        return Error{QStringLiteral("driver"), tr("The PostgreSQL driver for Qt (QPSQL) is not installed."), {}};
    Status status = openDatabase(m_db, m_settings);
    m_connected = status.ok();
    if (m_connected) {
        setCancelHandle();
        subscribeAll();
        m_healthTimer.start();
    }
    return status;
}

void DatabaseWorker::runJob(const std::function<void(QSqlDatabase&)>& job)
{
    job(m_db);
    if (m_connected && !sql::isConnectionHealthy(m_db))
        connectionLost(m_db.lastError().text());
}

void DatabaseWorker::checkHealth()
{
    if (!m_connected)
        return;
    auto result = sql::exec(m_db, QStringLiteral("SELECT 1"));
    if (!result && sql::isConnectionLoss(m_db, result.error()))
        connectionLost(result.error().message);
}

void DatabaseWorker::connectionLost(const QString& detail)
{
    if (!m_connected)
        return;
    qCWarning(lcDatabase) << "connection lost:" << detail;
    m_connected = false;
    m_healthTimer.stop();
    dropCancelHandle();
    m_reconnectDelay = m_baseReconnectDelay;
    Q_EMIT stateChanged(ConnectionState::Reconnecting, tr("Connection lost. Reconnecting…"));
    m_reconnectTimer.start(m_reconnectDelay);
}

void DatabaseWorker::tryReconnect()
{
    if (!m_wanted)
        return;
    const Status status = connectNow();
    if (status) {
        qCInfo(lcDatabase) << "reconnected to" << m_settings.describe();
        m_reconnectDelay = m_baseReconnectDelay;
        Q_EMIT stateChanged(ConnectionState::Connected, m_settings.describe());
        Q_EMIT reconnected();
        return;
    }
    // Exponential backoff with jitter, so a hundred consoles do not hammer a server coming back.
    m_reconnectDelay = std::min(m_reconnectDelay * 2, kMaxReconnectDelayMs);
    const int delay = m_reconnectDelay / 2 + int(QRandomGenerator::global()->bounded(m_reconnectDelay / 2 + 1));
    Q_EMIT stateChanged(
        ConnectionState::Reconnecting,
        tr("Cannot reach the server (%1). Retrying in %2 s.").arg(status.error().message).arg((delay + 999) / 1000));
    m_reconnectTimer.start(delay);
}

void DatabaseWorker::listen(const QString& channel)
{
    m_channels.insert(channel);
    if (m_connected && m_db.driver() && !m_db.driver()->subscribedToNotifications().contains(channel))
        m_db.driver()->subscribeToNotification(channel);
}

void DatabaseWorker::subscribeAll()
{
    QSqlDriver* driver = m_db.driver();
    if (!driver)
        return;
    disconnect(driver, &QSqlDriver::notification, this, nullptr);
    connect(driver, &QSqlDriver::notification, this, &DatabaseWorker::onNotification);
    for (const QString& channel : std::as_const(m_channels))
        if (!driver->subscribedToNotifications().contains(channel))
            driver->subscribeToNotification(channel);
}

void DatabaseWorker::onNotification(const QString& name, QSqlDriver::NotificationSource, const QVariant& payload)
{
    Q_EMIT notification(name, payload.toString());
}

void DatabaseWorker::setHealthCheckInterval(int milliseconds)
{
    m_healthTimer.setInterval(milliseconds);
}

void DatabaseWorker::setReconnectDelay(int milliseconds)
{
    m_baseReconnectDelay = std::max(10, milliseconds);
    m_reconnectDelay = m_baseReconnectDelay;
}

void DatabaseWorker::setCancelHandle()
{
    PGconn* conn = sql::nativeHandle(m_db);
    QMutexLocker lock(&m_cancelMutex);
    m_cancel = conn ? PQgetCancel(conn) : nullptr;
}

void DatabaseWorker::dropCancelHandle()
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = nullptr;
}

void DatabaseWorker::cancelRunningStatement()
{
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel)
        return;
    char error[256];
    PQcancel(m_cancel, error, sizeof error);
}

} // namespace mhero
