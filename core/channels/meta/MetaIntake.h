#pragma once

#include "Result.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace mhero::meta {

/// Webhook events on their way in (mhero.webhook_event). The webhook server stores each verified
/// body first and answers Meta only then, so a crash after the answer loses nothing; processing
/// reads the stored bodies into the conversation tables afterwards, each event in a transaction
/// of its own: an event is used completely or not at all, and is never used twice.
///
/// Blocking calls on the engine's connection; never on the GUI thread.
class MetaIntake final
{
public:
    explicit MetaIntake(QSqlDatabase& db)
        : m_db(db)
    { }

    /// Keeps @p body exactly as it arrived for source @p sourceId. True when it is new; false
    /// when Meta delivered the same body before (kept once).
    Result<bool> store(int sourceId, const QByteArray& body);

    struct Report
    {
        int events = 0; ///< events processed (used, or given up with their reason)
        int messages = 0; ///< new inbound messages
        int statuses = 0; ///< statuses that moved
        int reads = 0; ///< messages marked read by a Messenger watermark
        int templates = 0; ///< WhatsApp template status changes seen
        int problems = 0; ///< entries left out (named in the event's error)
        int failed = 0; ///< events that failed for now and will be tried again
    };
    /// Processes stored events not processed yet, oldest first, at most @p limit of them. An event
    /// that fails (the database said no) is tried again later, and given up with its error after
    /// kMaxAttempts; an event whose body cannot be read at all is given up at once.
    Result<Report> processPending(int limit = 100);
    static constexpr int kMaxAttempts = 5;
    static constexpr int kBatch = 100; ///< events processed in one transaction

    /// Forgets processed events older than @p days (they are for diagnosis only).
    Result<int> purgeProcessed(int days);

private:
    /// Up to @p limit events in one transaction; Error (nothing kept) when the database refused.
    Result<Report> processBatch(int limit);

    QSqlDatabase& m_db;
};

} // namespace mhero::meta
