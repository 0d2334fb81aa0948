#include "admin/DemoData.h"

#include "admin/UserAdmin.h"
#include "channels/MediaStore.h"
#include "db/Sql.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QSqlDatabase>
#include <QVariant>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace mhero::demo {

namespace {
/// The picture of the demo's "expired RDT box" message, as the sync engine would have kept it
/// (the demo's channel is switched off, so nothing fetches it). Shapes only: no fonts, so it is
/// drawn the same by mhero-admin (no GUI) and the console.
QByteArray demoPicture()
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(0xC9, 0xB8, 0x96));
    const auto fill = [&image](const QRect& r, const QColor& c) {
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                image.setPixelColor(x, y, c);
    };
    fill(QRect(106, 86, 428, 308), QColor(0x6D, 0x5C, 0x43));
    fill(QRect(110, 90, 420, 300), QColor(0xF4, 0xF1, 0xEA));
    fill(QRect(150, 140, 340, 40), QColor(0x1E, 0x5A, 0x9C));
    fill(QRect(200, 250, 240, 36), QColor(0xB7, 0x1C, 0x1C));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 85);
    return jpeg;
}
/// The WhatsApp thread's picture: a fridge thermometer, shapes only like demoPicture().
QByteArray fridgePicture()
{
    QImage image(480, 640, QImage::Format_RGB32);
    image.fill(QColor(0xE8, 0xEC, 0xEE));
    const auto fill = [&image](const QRect& r, const QColor& c) {
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                image.setPixelColor(x, y, c);
    };
    fill(QRect(60, 40, 360, 560), QColor(0xFA, 0xFA, 0xFA)); // the fridge door
    fill(QRect(60, 40, 360, 6), QColor(0x90, 0xA4, 0xAE));
    fill(QRect(380, 200, 16, 180), QColor(0x90, 0xA4, 0xAE)); // handle
    fill(QRect(200, 120, 80, 400), QColor(0xFF, 0xFF, 0xFF)); // thermometer
    fill(QRect(232, 140, 16, 340), QColor(0xEC, 0xEF, 0xF1));
    fill(QRect(232, 300, 16, 180), QColor(0xC6, 0x28, 0x28)); // the column: too warm
    fill(QRect(222, 470, 36, 36), QColor(0xC6, 0x28, 0x28));
    for (int y = 150; y < 470; y += 32)
        fill(QRect(206, y, 20, 3), QColor(0x37, 0x47, 0x4F));
    fill(QRect(206, 380, 20, 3), QColor(0x1E, 0x88, 0xE5)); // the 8 °C mark
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 85);
    return jpeg;
}

/// The WhatsApp thread's voice note: 1.6 s of a voice-like warble, 8 kHz 16-bit mono PCM in a
/// WAV file (no audio encoder is linked; any player opens it).
QByteArray voiceNote()
{
    constexpr int rate = 8000;
    constexpr int samples = rate * 16 / 10;
    QByteArray pcm;
    pcm.reserve(samples * 2);
    for (int i = 0; i < samples; ++i) {
        const double t = double(i) / rate;
        const double syllables = 0.5 + 0.5 * std::sin(2 * std::numbers::pi * 3.2 * t); // about three syllables a second
        const double pitch = 170 + 30 * std::sin(2 * std::numbers::pi * 0.7 * t);
        const double v = syllables
            * (0.6 * std::sin(2 * std::numbers::pi * pitch * t) + 0.3 * std::sin(4 * std::numbers::pi * pitch * t)
               + 0.1 * std::sin(6 * std::numbers::pi * pitch * t));
        const auto sample = qint16(std::lround(v * 9000));
        pcm.append(char(sample & 0xFF));
        pcm.append(char((sample >> 8) & 0xFF));
    }
    const auto le32 = [](quint32 v) {
        QByteArray b(4, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    const auto le16 = [](quint16 v) {
        QByteArray b(2, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    QByteArray wav;
    wav.append("RIFF").append(le32(quint32(36 + pcm.size()))).append("WAVEfmt ").append(le32(16));
    wav.append(le16(1)).append(le16(1)).append(le32(rate)).append(le32(rate * 2)).append(le16(2)).append(le16(16));
    wav.append("data").append(le32(quint32(pcm.size()))).append(pcm);
    return wav;
}

/// Keeps @p bytes as the stored media of the demo message @p externalId (its first attachment).
Status storeMedia(QSqlDatabase& db, const QString& externalId, const QByteArray& bytes, const QString& fileName,
                  bool picture)
{
    auto kept = sql::exec(
        db,
        QStringLiteral("UPDATE mhero.media SET state = 'stored', bytes = ?, size = ?, thumbnail = ?, "
                       "file_name = ?, fetched_at = now() WHERE message_id IN "
                       "(SELECT id FROM mhero.message WHERE external_id = ?)"),
        {bytes, qint64(bytes.size()),
         picture ? QVariant(channels::MediaStore::makeThumbnail(bytes)) : QVariant(QMetaType::fromType<QByteArray>()),
         fileName.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(fileName), externalId});
    if (!kept)
        return kept.error();
    return {};
}
} // namespace

Result<QString> load(QSqlDatabase& db)
{
    int accountsCreated = 0;
    for (const Account& account : kAccounts) {
        auto exists = sql::scalar(db, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"),
                                  {QString(account.name)});
        if (!exists)
            return exists.error();
        if (exists->toInt() > 0) {
            // Roles are cluster-wide, profiles are per database: another database of this
            // cluster may have created the account already.
            auto attached = sql::exec(db,
                                      QStringLiteral("INSERT INTO mhero.app_user (role_name, display_name, kind) "
                                                     "VALUES (?, ?, ?) ON CONFLICT (role_name) DO NOTHING"),
                                      {QString(account.name), QString(account.displayName), QString(account.kind)});
            if (!attached)
                return attached.error();
            continue;
        }
        const auto kind = userKindFromString(QString(account.kind));
        if (Status status = users::add(db, QString(account.name), *kind, QString(account.displayName),
                                       {QStringLiteral("en")}, QString(kPassword));
            !status)
            return status.error();
        ++accountsCreated;
    }

    auto people = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker"));
    if (!people)
        return people.error();
    if (people->toLongLong() > 0)
        return QStringLiteral(
                   "Demo data: the directory already has %1 people; left as it is (%2 demo accounts created).")
            .arg(people->toLongLong())
            .arg(accountsCreated);

    QFile file(QStringLiteral(":/demo/demo.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("demo"), QStringLiteral("The demo data set is missing from this build."), {}};
    const QByteArray script = file.readAll();
    const Status loaded = sql::inTransaction(db, [&db, &script]() -> Status {
        if (Status step = sql::execScript(db, script); !step)
            return step;
        const QByteArray picture = demoPicture();
        auto kept
            = sql::exec(db,
                        QStringLiteral("UPDATE mhero.media SET state = 'stored', bytes = ?, size = ?, thumbnail = ?, "
                                       "fetched_at = now() WHERE message_id IN (SELECT id FROM mhero.message "
                                       "WHERE external_id = 'demo-6-1')"),
                        {picture, qint64(picture.size()), channels::MediaStore::makeThumbnail(picture)});
        if (!kept)
            return kept.error();
        if (Status stored = storeMedia(db, QStringLiteral("demo-meta-1-1"), fridgePicture(), {}, true); !stored)
            return stored;
        if (Status stored = storeMedia(db, QStringLiteral("demo-meta-1-3"), voiceNote(), {}, false); !stored)
            return stored;
        return sql::execScript(db, "SELECT mhero.refresh_facets()"); // the directory page's filter choices
    });
    if (!loaded)
        return loaded.error();
    auto count = sql::scalar(db,
                             QStringLiteral("SELECT format('%s health workers, %s conversations, %s templates', "
                                            "(SELECT count(*) FROM mhero.health_worker), "
                                            "(SELECT count(*) FROM mhero.conversation), "
                                            "(SELECT count(*) FROM mhero.template))"));
    return QStringLiteral("Demo data loaded: %1; %2 demo accounts created (password \"%3\").")
        .arg(count ? count->toString() : QString())
        .arg(accountsCreated)
        .arg(kPassword);
}

} // namespace mhero::demo
