#include "admin/DemoData.h"

#include "admin/UserAdmin.h"
#include "channels/MediaStore.h"
#include "db/Sql.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QSqlDatabase>
#include <QVariant>

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
