#include "common/SecretStore.h"

#include <QHash>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace mhero::ui {

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{ }

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* finished) {
        auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (readJob->error() == QKeychain::NoError)
            done(readJob->textData(), {});
        else if (readJob->error() == QKeychain::EntryNotFound)
            done(std::nullopt, {});
        else
            done(std::nullopt, readJob->errorString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QString& secret, QObject* context, DoneCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* finished) {
        done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* finished) {
        const bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(ok ? QString() : finished->errorString());
    });
    job->start();
}

void MemorySecretStore::read(const QString& key, QObject* context, ReadCallback done)
{
    const auto found = m_secrets.constFind(key);
    const std::optional<QString> secret = found == m_secrets.cend() ? std::nullopt : std::optional<QString>(*found);
    QTimer::singleShot(0, context, [done = std::move(done), secret] { done(secret, {}); });
}

void MemorySecretStore::write(const QString& key, const QString& secret, QObject* context, DoneCallback done)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, context, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    m_secrets.remove(key);
    QTimer::singleShot(0, context, [done = std::move(done)] { done({}); });
}

} // namespace mhero::ui
