#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace mhero::ui {

/// Where remembered passwords live: the OS keychain in the product (KeychainSecretStore), an
/// in-memory store in tests. Every call is asynchronous (a keychain may ask the user to unlock
/// it) and reports back on the caller's thread.
class SecretStore
{
public:
    using ReadCallback = std::function<void(std::optional<QString> secret, const QString& error)>;
    using DoneCallback = std::function<void(const QString& error)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString& key, QObject* context, ReadCallback done) = 0;
    virtual void write(const QString& key, const QString& secret, QObject* context, DoneCallback done) = 0;
    virtual void remove(const QString& key, QObject* context, DoneCallback done) = 0;
};

/// The OS keychain through QtKeychain (Windows Credential Manager, macOS Keychain, Secret Service
/// or KWallet on Linux). Never falls back to a plain-text file: if there is no keychain, the
/// password is simply not remembered, and the caller says so.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("mHero Console"));
    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QString& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

private:
    QString m_service;
};

/// Keeps secrets in memory only: for tests, and for sessions that must leave nothing behind.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QString& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;
    [[nodiscard]] bool contains(const QString& key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace mhero::ui
