#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"
#include "channels/MediaStore.h"

#include <QObject>
#include <QPair>
#include <QSet>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace mhero::channels {

/// What one run of the media fetcher did.
struct MediaReport
{
    int stored = 0; ///< kept, with a thumbnail when it is an image Qt can read
    int tooLarge = 0; ///< over media.max_inbound_bytes: listed with its size, not kept
    int retrying = 0; ///< failed for now, fetched again later
    int failed = 0; ///< failed for good (the reason is shown in the thread)
};

/// Fetches the inbound attachments of one source through its ChannelAdapter and keeps them in
/// PostgreSQL (mhero.media), so that consoles never talk to the platform: for each pending
/// attachment that is due, fetchMedia() with the inbound size cap, then store the bytes and a
/// thumbnail made once (MediaStore::makeThumbnail()), or record why not. A failure the platform
/// calls final (404, a link that is not one) marks it failed at once; others are tried again
/// with backoff up to media.max_attempts. Every state change NOTIFYs mhero_media (a trigger), so
/// consoles showing the thread redraw it.
///
/// Runs on the sync engine's thread, on its connection, one attachment at a time; one run() at a
/// time per object. The sync engine runs it after inbound polls and every few seconds.
class MediaFetcher final : public QObject
{
    Q_OBJECT
public:
    /// @p adapter must outlive the fetcher.
    MediaFetcher(ChannelAdapter& adapter, int sourceId, QSqlDatabase& db, QObject* parent = nullptr);

    /// Fetches what is due, until nothing is.
    void run(std::function<void(Result<MediaReport>)> done);

    /// How many rows one look-up takes.
    void setBatch(int rows) { m_batch = rows; }
    /// Overrides the delays of media.* retries (tests).
    void setBackoff(int firstDelaySeconds, int maxDelaySeconds)
    {
        m_firstDelaySeconds = firstDelaySeconds;
        m_maxDelaySeconds = maxDelaySeconds;
    }

private:
    struct RunState
    {
        MediaReport report;
        QSet<QPair<qint64, int>> tried; ///< each attachment once per run, however short its backoff
    };
    void fetchBatch(QList<PendingMedia> items, std::shared_ptr<RunState> state,
                    std::function<void(Result<MediaReport>)> done);
    Status record(const PendingMedia& item, const Result<QByteArray>& fetched, MediaReport& report);

    ChannelAdapter& m_adapter;
    int m_sourceId;
    MediaStore m_store;
    MediaPolicy m_policy;
    int m_batch = 20;
    int m_firstDelaySeconds = -1;
    int m_maxDelaySeconds = -1;
};

} // namespace mhero::channels
