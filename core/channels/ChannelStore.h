#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace mhero::channels {

/// The sync engine's side of the conversation tables: storing what a platform reports (inbound
/// messages, contacts, statuses) as channel records, whatever the platform. The outbox protocol
/// is channels::OutboxStore's.
/// Blocking calls on the engine's own connection; never used on the GUI thread.
class ChannelStore final
{
public:
    explicit ChannelStore(QSqlDatabase& db)
        : m_db(db)
    { }

    /// Stores inbound messages (ingest_inbound()): new ones only, threaded by URN. Messages whose
    /// URN is unusable (empty) are quarantined and named in @p problems. Returns how many
    /// messages were new.
    Result<int> ingestInbound(int sourceId, const QList<channels::InboundMessage>& messages,
                              QStringList* problems = nullptr);
    Result<int> ingestContacts(int sourceId, const QList<channels::ContactUpdate>& contacts);
    /// Applies status changes of outgoing messages (unknown ones are ignored, unless
    /// @p keepEarly: then they are kept in mhero.early_status until the engine that sent the
    /// message stores its id — a platform that pushes statuses may be faster than our own
    /// record of the send; OutboxStore::recordAccepted() applies them).
    Result<int> applyStatuses(int sourceId, const QList<channels::StatusUpdate>& updates, bool keepEarly = false);

    /// When the oldest outgoing message whose status may still change was created (invalid: none).
    Result<QDateTime> unsettledSince(int sourceId);
    /// Replies sent as a one-person broadcast (no RapidPro contact was known, so RapidPro had to
    /// create it): message id → broadcast id, while the broadcast's message is not yet known.
    Result<QList<std::pair<qint64, qint64>>> pendingBroadcasts(int sourceId);
    /// The broadcast's message became known: the message takes its UUID and status.
    Status resolveBroadcast(qint64 messageId, const channels::ChannelMessage& message);

private:
    QSqlDatabase& m_db;
};

} // namespace mhero::channels
