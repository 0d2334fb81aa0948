#include "channels/MediaFetcher.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMedia, "mhero.media")

namespace mhero::channels {

MediaFetcher::MediaFetcher(ChannelAdapter& adapter, int sourceId, QSqlDatabase& db, QObject* parent)
    : QObject(parent)
    , m_adapter(adapter)
    , m_sourceId(sourceId)
    , m_store(db)
{ }

void MediaFetcher::run(std::function<void(Result<MediaReport>)> done)
{
    m_policy = m_store.policy();
    if (m_firstDelaySeconds >= 0)
        m_policy.firstDelaySeconds = m_firstDelaySeconds;
    if (m_maxDelaySeconds >= 0)
        m_policy.maxDelaySeconds = m_maxDelaySeconds;
    fetchBatch({}, std::make_shared<RunState>(), std::move(done));
}

void MediaFetcher::fetchBatch(QList<PendingMedia> items, std::shared_ptr<RunState> state,
                              std::function<void(Result<MediaReport>)> done)
{
    if (items.isEmpty()) {
        auto due = m_store.due(m_sourceId, m_batch + int(state->tried.size()));
        if (!due) {
            done(due.error());
            return;
        }
        for (const PendingMedia& candidate : std::as_const(*due))
            if (!state->tried.contains({candidate.messageId, candidate.position}))
                items.append(candidate);
        if (items.isEmpty()) {
            done(state->report);
            return;
        }
    }
    const PendingMedia item = items.takeFirst();
    state->tried.insert({item.messageId, item.position});
    MediaReport* report = &state->report;
    if (item.url.isEmpty()) {
        // Nothing to fetch from: final at once.
        Result<QByteArray> none = Error{QStringLiteral("media-bad-url"),
                                        tr("%1 gave no link for the attachment.").arg(m_adapter.platformName()),
                                        {}};
        if (Status s = record(item, none, *report); !s) {
            done(s.error());
            return;
        }
        fetchBatch(std::move(items), state, std::move(done));
        return;
    }
    m_adapter.fetchMedia(
        {item.contentType, item.url, {}}, m_policy.maxInboundBytes,
        [this, item, items = std::move(items), state, done = std::move(done)](Result<QByteArray> fetched) mutable {
            if (Status s = record(item, fetched, state->report); !s) {
                done(s.error()); // the database is gone: the rest waits for the next run
                return;
            }
            fetchBatch(std::move(items), state, std::move(done));
        });
}

Status MediaFetcher::record(const PendingMedia& item, const Result<QByteArray>& fetched, MediaReport& report)
{
    const QString what = QStringLiteral("attachment %1 of message %2").arg(item.position).arg(item.messageId);
    if (fetched && fetched->size() <= m_policy.maxInboundBytes) {
        // Images only: a thumbnail of a PDF or a voice note is not something Qt can make.
        const QByteArray thumbnail
            = item.contentType.startsWith(QLatin1String("image/")) ? MediaStore::makeThumbnail(*fetched) : QByteArray();
        if (item.contentType.startsWith(QLatin1String("image/")) && thumbnail.isEmpty())
            qCInfo(lcMedia).noquote() << what << "is not an image that can be read; stored without a thumbnail";
        ++report.stored;
        return m_store.store(item, *fetched, thumbnail);
    }
    if (fetched || fetched.error().code == QLatin1String("media-too-large")) {
        bool known = false;
        qint64 size = fetched ? fetched->size() : fetched.error().detail.toLongLong(&known);
        if (!fetched && !known)
            size = -1;
        ++report.tooLarge;
        qCInfo(lcMedia).noquote() << what << "is larger than" << m_policy.maxInboundBytes << "bytes; not kept";
        return m_store.tooLarge(item, size,
                                tr("Larger than %1 MB: not kept; open it on the messaging platform.")
                                    .arg(double(m_policy.maxInboundBytes) / (1024 * 1024), 0, 'f', 1));
    }
    const QString code = fetched.error().code;
    const bool permanent = code == QLatin1String("media-gone") || code == QLatin1String("media-bad-url")
        || code == QLatin1String("media-refused");
    const bool last = permanent || item.attempts + 1 >= m_policy.maxAttempts;
    ++(last ? report.failed : report.retrying);
    qCInfo(lcMedia).noquote() << what << (last ? "failed:" : "will be fetched again:") << fetched.error().toString();
    return m_store.failure(item, fetched.error().message, permanent, m_policy);
}

} // namespace mhero::channels
