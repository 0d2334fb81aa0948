#include "sources/SyncProgress.h"

#include "db/Sql.h"
#include "db/Notifications.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSyncProgress, "mhero.sync.progress")

namespace mhero::sources {

SyncProgress::SyncProgress(QSqlDatabase& db, int sourceId)
    : m_db(db)
    , m_sourceId(sourceId)
{
}

bool SyncProgress::report(const QString& pass, int pages, int resources)
{
    if (m_sinceWrite.isValid() && m_sinceWrite.elapsed() < kIntervalMs)
        return false;
    m_sinceWrite.start();
    const QJsonObject progress{{QStringLiteral("pass"), pass},
                               {QStringLiteral("pages"), pages},
                               {QStringLiteral("resources"), resources}};
    if (Status written = write(QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact)));
        !written) {
        // Progress is a courtesy: a failure to show it never stops the sync.
        qCWarning(lcSyncProgress).noquote() << "cannot record the sync's progress:" << written.error().toString();
    }
    return true;
}

void SyncProgress::clear()
{
    if (Status written = write({}); !written)
        qCWarning(lcSyncProgress).noquote() << "cannot clear the sync's progress:" << written.error().toString();
}

Status SyncProgress::write(const QString& progressJson)
{
    // progress_at goes with progress: set with it, cleared with it.
    auto done = sql::exec(
        m_db,
        QStringLiteral("WITH v(p) AS (SELECT ?::jsonb), "
                       "w AS (INSERT INTO mhero.sync_state (source_id, job, progress, progress_at) "
                       "      SELECT ?, 'directory', v.p, CASE WHEN v.p IS NULL THEN NULL ELSE now() END FROM v "
                       "      ON CONFLICT (source_id, job) DO UPDATE SET progress = EXCLUDED.progress, "
                       "      progress_at = EXCLUDED.progress_at RETURNING source_id) "
                       "SELECT pg_notify(?, source_id::text) FROM w"),
        {progressJson.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(progressJson), m_sourceId,
         QString(notify::kSync)});
    if (!done)
        return done.error();
    return {};
}

Result<QList<RunningSync>> loadRunningSyncs(QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT s.name, st.progress ->> 'pass', (st.progress ->> 'pages')::int, "
                                              "(st.progress ->> 'resources')::int, st.progress_at "
                                              "FROM mhero.sync_state st JOIN mhero.source s ON s.id = st.source_id "
                                              "WHERE st.job = 'directory' AND st.progress IS NOT NULL "
                                              "AND st.progress_at > now() - interval '5 minutes' ORDER BY s.name"));
    if (!query)
        return query.error();
    QList<RunningSync> running;
    while (query->next())
        running.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toInt(),
                        query->value(3).toInt(), query->value(4).toDateTime()});
    return running;
}

} // namespace mhero::sources
