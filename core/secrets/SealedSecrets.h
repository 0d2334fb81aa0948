#pragma once

#include "Result.h"

#include <QByteArray>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace mhero::secrets {

/// The origin of an http(s) URL as secrets are bound to it: "scheme://host:port", lower-case,
/// the default port written out (80, 443), IPv6 hosts in brackets. Empty for anything else.
/// mhero.url_origin() computes the same in SQL.
[[nodiscard]] QString originOf(const QUrl& url);

/// The sync engine's Curve25519 key pair (libsodium crypto_box). Source secrets are sealed to its
/// public half by whoever enters them; only the engine, which holds the private half in a file
/// of its own, opens them.
struct EngineKey
{
    QByteArray publicKey; ///< 32 bytes
    QByteArray secretKey; ///< 32 bytes

    /// First 8 bytes of SHA-256 of the public key, in hex: what mhero.engine_key.key_id holds.
    [[nodiscard]] QString id() const;
};

/// The key published in the database (mhero.engine_key), which secrets are sealed to.
struct PublishedKey
{
    QString id;
    QByteArray publicKey;
};

[[nodiscard]] QString keyIdOf(const QByteArray& publicKey);

/// A new random key pair.
[[nodiscard]] EngineKey generateKey();

/// Reads a key file written by writeKeyFile(). Refuses a file others can read (Unix), as ssh does.
[[nodiscard]] Result<EngineKey> readKeyFile(const QString& path);

/// Writes @p key to a new file (never over an existing one) readable only by this account (0600),
/// creating its folder (0700) if needed.
[[nodiscard]] Status writeKeyFile(const QString& path, const EngineKey& key);

/// Where the engine keeps its key unless told otherwise: @p option if set, else the environment
/// variable MHERO_ENGINE_KEY, else "mhero/engine.key" in the account's data folder
/// (~/.local/share/mhero/engine.key on Linux).
[[nodiscard]] QString keyPath(const QString& option = {});

/// The public key published in the database; nullopt when no engine has published one yet.
[[nodiscard]] Result<std::optional<PublishedKey>> publishedKey(QSqlDatabase& db);

/// Publishes @p key as the engine's key (mhero.publish_engine_key(), service role only). Refused
/// when another key is published, unless @p replace (which invalidates every stored secret).
[[nodiscard]] Status publishKey(QSqlDatabase& db, const EngineKey& key, bool replace = false);

/// What the engine does when it starts: reads the key file at @p path and publishes its public
/// key. When the file is absent and no key is published yet, and @p create, it makes the key pair
/// first. When a different key is published, it is an error that says what to do.
[[nodiscard]] Result<EngineKey> loadEngineKey(QSqlDatabase& db, const QString& path, bool create);

/// libsodium sealed box of @p plain to @p publicKey (anonymous sender).
[[nodiscard]] QByteArray seal(const QByteArray& publicKey, const QByteArray& plain);
/// Opens a sealed box; Error when it was not sealed to @p key or was altered.
[[nodiscard]] Result<QByteArray> open(const EngineKey& key, const QByteArray& sealed);

/// Seals @p secret for source @p source, whose URL is @p baseUrl, to the published engine key and
/// stores it (mhero.set_source_secret(), administrators only). The plain secret never leaves this
/// process: the statement carries only ciphertext. Error "no-engine-key" when no engine key is
/// published yet. An empty @p secret clears the source's secret.
[[nodiscard]] Status storeSourceSecret(QSqlDatabase& db, const QString& source, const QUrl& baseUrl,
                                       const QString& secret);

/// A source's secret as stored: what the engine reads from mhero.source_secret.
struct StoredSecret
{
    bool present = false; ///< a row exists
    QString sealed; ///< base64; empty when invalidated
    QString keyId;
    QString invalidReason; ///< 'upgrade', 'url_changed', 'key_replaced'
};

/// A secret the engine may use, and the one origin it may be sent to.
struct OpenSecret
{
    QString secret;
    QString origin;
};

/// Opens a source's stored secret for the engine and checks that it was entered for this source
/// and for the origin of @p baseUrl. Every refusal is an Error with code "secret-reenter" (or
/// "no-engine-key") and a message saying what to do; a source without a stored secret gives an
/// empty OpenSecret. @p key may be null (this program has no engine key).
[[nodiscard]] Result<OpenSecret> openSourceSecret(const EngineKey* key, const StoredSecret& stored,
                                                  const QString& source, const QUrl& baseUrl);

/// openSourceSecret() for a source that cannot work without a secret: a missing one is an
/// Error too ("secret-reenter", saying how to enter it).
[[nodiscard]] Result<OpenSecret> openRequiredSourceSecret(const EngineKey* key, const StoredSecret& stored,
                                                          const QString& source, const QUrl& baseUrl);

/// The engine's key, loaded once and shared by its jobs' threads (each with its own connection).
/// A failure is retried on the next call, so IT can fix the key file without a restart.
class EngineKeyring final
{
public:
    EngineKeyring(QString path, bool create)
        : m_path(std::move(path))
        , m_create(create)
    { }
    /// The key, loading (or creating and publishing) it through @p db the first time.
    [[nodiscard]] Result<std::shared_ptr<const EngineKey>> get(QSqlDatabase& db);
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QMutex m_mutex;
    QString m_path;
    bool m_create;
    std::shared_ptr<const EngineKey> m_key;
};

} // namespace mhero::secrets
