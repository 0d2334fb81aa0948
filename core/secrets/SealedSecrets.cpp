#include "secrets/SealedSecrets.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sodium.h>

namespace mhero::secrets {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::secrets", text);
}

constexpr QByteArrayView kKeyFileTag{"mhero-engine-key-v1"};

void ensureSodium()
{
    // Thread-safe and idempotent; fails only when the system has no usable random source.
    if (sodium_init() < 0)
        qFatal("libsodium cannot be initialised (no random source)");
}

Error reenter(const QString& source, const QString& why)
{
    return Error{QStringLiteral("secret-reenter"),
                 tr("The secret of source \"%1\" must be entered again (mhero-admin source secret %1): %2")
                     .arg(source, why),
                 {}};
}
} // namespace

QString originOf(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    int defaultPort = 0;
    if (scheme == QLatin1String("http"))
        defaultPort = 80;
    else if (scheme == QLatin1String("https"))
        defaultPort = 443;
    else
        return {};
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(url.port(defaultPort));
}

QString keyIdOf(const QByteArray& publicKey)
{
    ensureSodium();
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(publicKey.constData()),
                       static_cast<unsigned long long>(publicKey.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), 8).toHex());
}

QString EngineKey::id() const
{
    return keyIdOf(publicKey);
}

EngineKey generateKey()
{
    ensureSodium();
    EngineKey key;
    key.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    key.secretKey.resize(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char*>(key.publicKey.data()),
                       reinterpret_cast<unsigned char*>(key.secretKey.data()));
    return key;
}

Result<EngineKey> readKeyFile(const QString& path)
{
    ensureSodium();
    QFile file(path);
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther;
    if (file.exists() && (file.permissions() & others))
        return Error{QStringLiteral("engine-key-permissions"),
                     tr("The sync engine key file %1 can be read by other accounts; make it readable only by the "
                        "sync engine's account (chmod 600).")
                         .arg(path),
                     {}};
#endif
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("engine-key-unreadable"), tr("Cannot read the sync engine key file %1.").arg(path),
                     file.errorString()};
    const QByteArray content = file.read(4096);
    for (const QByteArray& line : content.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.startsWith(QByteArray(kKeyFileTag.toByteArray() + ' ')))
            continue;
        const QByteArray secret = QByteArray::fromBase64(trimmed.mid(kKeyFileTag.size() + 1).trimmed());
        if (secret.size() != crypto_box_SECRETKEYBYTES)
            break;
        EngineKey key;
        key.secretKey = secret;
        key.publicKey.resize(crypto_box_PUBLICKEYBYTES);
        crypto_scalarmult_base(reinterpret_cast<unsigned char*>(key.publicKey.data()),
                               reinterpret_cast<const unsigned char*>(key.secretKey.constData()));
        return key;
    }
    return Error{QStringLiteral("engine-key-invalid"), tr("%1 is not a sync engine key file.").arg(path), {}};
}

Status writeKeyFile(const QString& path, const EngineKey& key)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath()))
            return Error{QStringLiteral("engine-key-unwritable"), tr("Cannot create the folder %1.").arg(dir.absolutePath()),
                         {}};
        QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile file(path);
    // NewOnly: never overwrite a key (secrets sealed to it would be lost); created 0600.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error{QStringLiteral("engine-key-unwritable"), tr("Cannot create the sync engine key file %1.").arg(path),
                     file.errorString()};
    const QByteArray text = "# mHero sync engine key " + key.id().toLatin1()
        + ". Keep it secret: it opens every source secret.\n"
          "# Readable only by the sync engine's account; every mhero-server of a deployment uses this same file.\n"
        + kKeyFileTag.toByteArray() + ' ' + key.secretKey.toBase64() + '\n';
    if (file.write(text) != text.size() || !file.flush()) {
        file.remove();
        return Error{QStringLiteral("engine-key-unwritable"), tr("Cannot write the sync engine key file %1.").arg(path),
                     file.errorString()};
    }
    return {};
}

QString keyPath(const QString& option)
{
    if (!option.isEmpty())
        return option;
    const QString fromEnvironment = qEnvironmentVariable("MHERO_ENGINE_KEY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("mhero/engine.key"));
}

Result<std::optional<PublishedKey>> publishedKey(QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT key_id, public_key FROM mhero.engine_key"));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<PublishedKey>();
    PublishedKey key{query->value(0).toString(), QByteArray::fromBase64(query->value(1).toString().toLatin1())};
    if (key.publicKey.size() != crypto_box_PUBLICKEYBYTES || keyIdOf(key.publicKey) != key.id)
        return Error{QStringLiteral("engine-key-invalid"), tr("The sync engine key published in the database is damaged."),
                     key.id};
    return std::optional<PublishedKey>(key);
}

Status publishKey(QSqlDatabase& db, const EngineKey& key, bool replace)
{
    auto published = sql::scalar(db, QStringLiteral("SELECT mhero.publish_engine_key(?, ?)"),
                                 {QString::fromLatin1(key.publicKey.toBase64()), replace});
    if (!published)
        return published.error();
    return {};
}

Result<EngineKey> loadEngineKey(QSqlDatabase& db, const QString& path, bool create)
{
    auto published = publishedKey(db);
    if (!published)
        return published.error();
    if (QFileInfo::exists(path)) {
        auto key = readKeyFile(path);
        if (!key)
            return key.error();
        if (*published && (*published)->id != key->id())
            return Error{QStringLiteral("engine-key-mismatch"),
                         tr("This sync engine's key (%1, in %2) is not the key published in the database (%3). Copy "
                            "the key file of the engine that published %3 to %2, or replace the published key with "
                            "\"mhero-server --init-key --replace-key\" (every source secret must then be entered "
                            "again).")
                             .arg(key->id(), path, (*published)->id),
                         {}};
        if (!*published)
            if (Status status = publishKey(db, *key); !status)
                return status.error();
        return key;
    }
    if (*published)
        return Error{QStringLiteral("engine-key-missing"),
                     tr("There is no sync engine key file at %1, but the database expects the key %2. Copy the key "
                        "file of the engine that published it there (every mhero-server of a deployment shares one "
                        "key), or replace it with \"mhero-server --init-key --replace-key\" (every source secret must "
                        "then be entered again).")
                         .arg(path, (*published)->id),
                     {}};
    if (!create)
        return Error{QStringLiteral("engine-key-missing"),
                     tr("There is no sync engine key file at %1 and none is published yet: start mhero-server once "
                        "(or run \"mhero-server --init-key\").")
                         .arg(path),
                     {}};
    const EngineKey key = generateKey();
    if (Status written = writeKeyFile(path, key); !written)
        return written.error();
    if (Status status = publishKey(db, key); !status) {
        QFile::remove(path); // another engine published first: its key is the one to copy
        return status.error();
    }
    return key;
}

QByteArray seal(const QByteArray& publicKey, const QByteArray& plain)
{
    ensureSodium();
    QByteArray sealed(plain.size() + int(crypto_box_SEALBYTES), Qt::Uninitialized);
    crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                    reinterpret_cast<const unsigned char*>(plain.constData()),
                    static_cast<unsigned long long>(plain.size()),
                    reinterpret_cast<const unsigned char*>(publicKey.constData()));
    return sealed;
}

Result<QByteArray> open(const EngineKey& key, const QByteArray& sealed)
{
    ensureSodium();
    if (sealed.size() <= int(crypto_box_SEALBYTES) || key.publicKey.size() != crypto_box_PUBLICKEYBYTES
        || key.secretKey.size() != crypto_box_SECRETKEYBYTES)
        return Error{QStringLiteral("unseal"), tr("This is not a sealed secret."), {}};
    QByteArray plain(sealed.size() - int(crypto_box_SEALBYTES), Qt::Uninitialized);
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                             reinterpret_cast<const unsigned char*>(sealed.constData()),
                             static_cast<unsigned long long>(sealed.size()),
                             reinterpret_cast<const unsigned char*>(key.publicKey.constData()),
                             reinterpret_cast<const unsigned char*>(key.secretKey.constData()))
        != 0)
        return Error{QStringLiteral("unseal"), tr("The secret cannot be opened with this engine's key."), {}};
    return plain;
}

Status storeSourceSecret(QSqlDatabase& db, const QString& source, const QUrl& baseUrl, const QString& secret)
{
    if (secret.isEmpty()) {
        auto cleared = sql::exec(db, QStringLiteral("SELECT mhero.set_source_secret(?, NULL, NULL, NULL)"), {source});
        if (!cleared)
            return cleared.error();
        return {};
    }
    const QString origin = originOf(baseUrl);
    if (origin.isEmpty())
        return Error{QStringLiteral("invalid-url"), tr("The server address must be an http:// or https:// URL."),
                     baseUrl.toString()};
    auto published = publishedKey(db);
    if (!published)
        return published.error();
    if (!*published)
        return Error{QStringLiteral("no-engine-key"),
                     tr("No sync engine key is published yet, so the secret cannot be sealed. Start mhero-server once "
                        "(or run \"mhero-server --init-key\") where the sync engine runs, then try again."),
                     {}};
    // Source and origin travel inside the sealed text: moving the ciphertext to another source or
    // another URL needs the private key. Padding hides the secret's exact length.
    QByteArray plain = QJsonDocument(QJsonObject{{QStringLiteral("v"), 1},
                                                 {QStringLiteral("source"), source},
                                                 {QStringLiteral("origin"), origin},
                                                 {QStringLiteral("secret"), secret}})
                           .toJson(QJsonDocument::Compact);
    plain.append(QByteArray(127 - (plain.size() + 127) % 128, ' '));
    const QString sealed = QString::fromLatin1(seal((*published)->publicKey, plain).toBase64());
    auto stored = sql::exec(db, QStringLiteral("SELECT mhero.set_source_secret(?, ?, ?, ?)"),
                            {source, sealed, (*published)->id, origin});
    if (!stored)
        return stored.error();
    return {};
}

Result<OpenSecret> openSourceSecret(const EngineKey* key, const StoredSecret& stored, const QString& source,
                                    const QUrl& baseUrl)
{
    if (!stored.present)
        return OpenSecret{};
    if (stored.invalidReason == QLatin1String("upgrade"))
        return reenter(source, tr("secrets stored before this version of mHero were not sealed."));
    if (stored.invalidReason == QLatin1String("url_changed"))
        return reenter(source, tr("the source's URL changed after it was entered, so it is not sent anywhere."));
    if (stored.invalidReason == QLatin1String("key_replaced"))
        return reenter(source, tr("the sync engine's key was replaced."));
    if (!stored.invalidReason.isEmpty() || stored.sealed.isEmpty())
        return reenter(source, tr("it is not usable (%1).").arg(stored.invalidReason));
    if (!key)
        return Error{QStringLiteral("no-engine-key"),
                     tr("This program has no sync engine key, so it cannot open the secret of source \"%1\".").arg(source),
                     {}};
    if (stored.keyId != key->id())
        return reenter(source, tr("it is sealed to another engine key (%1; this engine's key is %2).")
                                   .arg(stored.keyId, key->id()));
    auto plain = open(*key, QByteArray::fromBase64(stored.sealed.toLatin1()));
    if (!plain)
        return reenter(source, plain.error().message);
    const QJsonObject payload = QJsonDocument::fromJson(*plain).object();
    const QString origin = payload.value(QStringLiteral("origin")).toString();
    const QString secret = payload.value(QStringLiteral("secret")).toString();
    if (payload.value(QStringLiteral("v")).toInt() != 1 || secret.isEmpty() || origin.isEmpty())
        return reenter(source, tr("its sealed text is not readable by this version."));
    if (payload.value(QStringLiteral("source")).toString() != source)
        return reenter(source, tr("it was entered for another source."));
    const QString now = originOf(baseUrl);
    if (origin != now)
        return reenter(source, tr("it was entered for %1, but the source now points to %2; it is not sent there.")
                                   .arg(origin, now.isEmpty() ? baseUrl.toString() : now));
    return OpenSecret{secret, origin};
}

Result<OpenSecret> openRequiredSourceSecret(const EngineKey* key, const StoredSecret& stored, const QString& source,
                                            const QUrl& baseUrl)
{
    auto opened = openSourceSecret(key, stored, source, baseUrl);
    if (opened && opened->secret.isEmpty())
        return Error{QStringLiteral("secret-reenter"),
                     tr("Source \"%1\" has no secret: enter it with mhero-admin source secret %1.").arg(source), {}};
    return opened;
}

Result<std::shared_ptr<const EngineKey>> EngineKeyring::get(QSqlDatabase& db)
{
    const QMutexLocker lock(&m_mutex);
    if (m_key)
        return m_key;
    auto key = loadEngineKey(db, m_path, m_create);
    if (!key)
        return key.error();
    m_key = std::make_shared<const EngineKey>(std::move(key.value()));
    return m_key;
}

} // namespace mhero::secrets
