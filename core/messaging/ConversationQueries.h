#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>

namespace mhero::messaging {

/// The four queues of the Conversations page.
enum class QueueView { Unassigned, Mine, Open, Resolved };

/// One line of a queue: what the list shows and what the page needs to act on it.
struct ConversationRow
{
    qint64 id = 0;
    qint64 urnId = 0;
    QString urn; ///< tel:+231…, whatsapp:231…
    QString scheme; ///< tel, whatsapp, telegram, facebook…
    QString contactName; ///< health worker, else the platform's contact name, else the raw URN
    qint64 healthWorkerId = 0; ///< 0: unknown contact
    QString cadre;
    QString facility;
    QString assignee; ///< role name, empty when unassigned
    QString assigneeName; ///< display name of the assignee
    QString status; ///< open, pending, resolved
    QString lastMessageText;
    QString lastMessageDirection; ///< in, out
    QDateTime lastActivityAt;
    QString activityKey; ///< exact keyset value of last_activity_at (microseconds, UTC)
    int unreadCount = 0;
    QDateTime windowEndsAt;
    bool optedOut = false;
    QString optOutStatus; ///< stopped, blocked
    QString channelName; ///< the source's name

    [[nodiscard]] bool known() const { return healthWorkerId != 0; }
};

/// Where the next queue page starts (exclusive): last_activity_at DESC, id DESC.
struct QueueCursor
{
    QString activityKey;
    qint64 id = 0;
};

struct QueuePage
{
    QList<ConversationRow> rows;
    std::optional<QueueCursor> next; ///< empty at the end
};

/// The SQL of one queue page, with its bind values (for EXPLAIN in tests and benchmarks).
struct QueueQuery
{
    QString sql;
    QVariantList values;
};
QueueQuery buildQueueQuery(QueueView view, const std::optional<QueueCursor>& after, int limit);

/// One page of a queue, newest activity first. Blocking: run it on the database thread.
Result<QueuePage> loadQueue(QSqlDatabase& db, QueueView view, const std::optional<QueueCursor>& after, int limit);
/// One conversation by id (live refresh); empty when it does not exist.
Result<std::optional<ConversationRow>> loadConversation(QSqlDatabase& db, qint64 id);
/// Whether @p row belongs to @p view for the user @p me.
bool belongsTo(const ConversationRow& row, QueueView view, const QString& me);
/// True when @p a sorts before @p b in a queue (newer activity first, then higher id).
bool queueOrderBefore(const ConversationRow& a, const ConversationRow& b);

/// The counts next to each queue (conversation_counts()).
struct QueueCounts
{
    qint64 unassigned = 0;
    qint64 mine = 0;
    qint64 open = 0;
    qint64 resolved = 0;
    qint64 mineUnread = 0; ///< unread conversations the user should look at: theirs and unassigned ones
};
Result<QueueCounts> loadCounts(QSqlDatabase& db);

/// An attachment as a thread lists it (mhero.media without its bytes, which are read on
/// demand through MediaQueries).
struct Attachment
{
    int position = 0;
    QString contentType;
    QString fileName;
    qint64 size = -1; ///< bytes, -1 when not known
    /// pending (the engine has yet to fetch it), stored, failed, too_large
    QString state;
    QString error; ///< why it failed or was not kept
};

/// One message of a thread.
struct MessageRow
{
    qint64 id = 0;
    QString direction; ///< in, out
    QString text;
    QList<Attachment> attachments;
    QString author; ///< role name (outgoing)
    QString authorName;
    QString status; ///< received, queued, sent, delivered, read, failed
    QString error; ///< the platform's or the sender's reason for a failure
    QDateTime createdAt;
    QString createdKey; ///< exact keyset value of created_at
    QDateTime sentAt;
    QDateTime deliveredAt;
    QDateTime readAt;
    QDateTime failedAt;
    qint64 templateVersionId = 0;
    /// Set when the platform delivered nothing mHero can show (a sticker, an unsupported media
    /// type): the platform's type of the message; text and attachments are then empty.
    QString unsupportedType;
    // While an outgoing message waits in the outbox (status queued), how its sending goes, so
    // the thread can tell a reply about to leave from one failing or held by a switched-off
    // channel (mhero.outbox, migration 20).
    int attempts = 0; ///< tries so far (a try in flight counts)
    QString lastError; ///< the reason the last try failed, empty when none has
    QDateTime nextAttemptAt; ///< when the sender tries again (invalid: not waiting)
    bool channelOff = false; ///< the message's source is switched off: nothing is tried
    QString channelName; ///< the source's name
};

/// Where the next (older) thread page starts (exclusive).
struct ThreadCursor
{
    QString createdKey;
    qint64 id = 0;
};

struct ThreadPage
{
    QList<MessageRow> rows; ///< oldest first, for display
    std::optional<ThreadCursor> older; ///< empty when the thread's beginning is loaded
};

/// The newest @p limit messages older than @p before (or the newest of all).
Result<ThreadPage> loadThread(QSqlDatabase& db, qint64 conversationId, const std::optional<ThreadCursor>& before,
                              int limit);
/// Messages inserted after @p afterId, and the messages @p recheck (whose status may still change),
/// oldest first: what a live refresh of an open thread needs.
Result<QList<MessageRow>> loadThreadChanges(QSqlDatabase& db, qint64 conversationId, qint64 afterId,
                                            const QList<qint64>& recheck);

/// Who the person behind a conversation is, for the card next to the thread.
struct ContactCard
{
    qint64 urnId = 0;
    QString urn;
    qint64 healthWorkerId = 0; ///< 0: unknown contact
    QString name;
    QString givenName; ///< for templates ({{given_name}}, {{family_name}})
    QString familyName;
    QString conversationLanguage; ///< the conversation's language, else empty
    QString platformName; ///< the messaging platform's contact name
    QString cadre;
    QString job;
    QString facility;
    QString district;
    QStringList phones;
    QString language;
    QString source;
    bool active = true;
    QString optOutStatus;
};
Result<ContactCard> loadContactCard(QSqlDatabase& db, qint64 conversationId);

/// The deployment's free-text policy (setting messaging.free_text_policy): "templates_only"
/// (the default) or "free_text".
Result<QString> loadFreeTextPolicy(QSqlDatabase& db);

/// The platform's reply window of a conversation and what its newest failure says, for the
/// composer (channel_kind's windows, conversation.last_inbound_at, message.error_code). Times are
/// seconds left as the server counts them, so a workstation's wrong clock cannot open a window
/// the database will refuse.
struct ReplyWindow
{
    qint64 conversationId = 0;
    int sourceId = 0;
    QString kind; ///< the source's kind: whatsapp, messenger, rapidpro…
    QString platform; ///< "WhatsApp", "Messenger" (channel_kind.platform)
    bool hasWindow = false; ///< the channel has a reply window at all
    bool platformTemplates = false; ///< the platform's own approved templates may go outside it
    bool personWrote = false; ///< there is an inbound message to count from
    int freeWindowSeconds = 0; ///< channel_kind.reply_window_seconds (WhatsApp, Messenger: 24 h)
    int agentWindowSeconds = 0; ///< channel_kind.agent_window_seconds (Messenger: 7 days), else = free
    qint64 freeSecondsLeft = 0; ///< until the free window closes (<= 0: closed)
    qint64 agentSecondsLeft = 0; ///< until a person's reply is refused (<= 0: closed)
    /// The newest outbound message failed with WhatsApp's 131047 (re-engagement: the window has
    /// closed as Meta counts it) and the person has not written since.
    bool reengagementRefused = false;
    /// The newest outbound message failed with WhatsApp's 131026: the number cannot receive
    /// WhatsApp messages.
    bool notOnWhatsApp = false;
};
/// Blocking: run it on the database thread.
Result<ReplyWindow> loadReplyWindow(QSqlDatabase& db, qint64 conversationId);

/// People a supervisor may assign a conversation to: role name and display name.
struct Assignable
{
    QString roleName;
    QString displayName;
};
Result<QList<Assignable>> loadAssignable(QSqlDatabase& db);

// Actions. They call the server's definer functions; refusals come back as Errors whose message
// is ready to show ("Alice Doe has this conversation.") and whose detail is the server's hint
// ("assigned:alice", "opted-out", "templates-only", "conversation:42").

struct ClaimOutcome
{
    QString assignee; ///< who has the conversation afterwards
    QString assigneeName;
    bool claimed = false; ///< the caller has it
};
Result<ClaimOutcome> claim(QSqlDatabase& db, qint64 conversationId);
Status release(QSqlDatabase& db, qint64 conversationId);
Status assign(QSqlDatabase& db, qint64 conversationId, const QString& roleName);
Status resolve(QSqlDatabase& db, qint64 conversationId);
Status reopen(QSqlDatabase& db, qint64 conversationId);
Status markRead(QSqlDatabase& db, qint64 conversationId);
/// Queues a reply; returns the new message's id. @p templateVersionId 0: free text.
Result<qint64> reply(QSqlDatabase& db, qint64 conversationId, const QString& text, qint64 templateVersionId = 0);
/// A file an agent sends with a reply.
struct OutgoingAttachment
{
    QString contentType;
    QString fileName;
    QByteArray bytes;
    QByteArray thumbnail; ///< JPEG made by the console for images (optional)
};
/// Queues a reply with one attachment (mhero.reply_with_media): the database checks its type and
/// size against the channel and stores the bytes with the message. @p text may be empty.
Result<qint64> replyWithMedia(QSqlDatabase& db, qint64 conversationId, const QString& text, qint64 templateVersionId,
                              const OutgoingAttachment& attachment);
Status retry(QSqlDatabase& db, qint64 messageId);
Status linkContact(QSqlDatabase& db, qint64 urnId, qint64 healthWorkerId);
/// Lifts the opt-out of the person behind @p urnId (mhero.lift_opt_out): refused until they have
/// written again after opting out.
Status liftOptOut(QSqlDatabase& db, qint64 urnId);
/// The directory's "Message": the person's open conversation on the messaging channel, or a new
/// one (assigned to the caller) on the address they last wrote from, else their first valid
/// mobile number. Returns the conversation's id. Refused for people who opted out or have no
/// valid number, with words for the agent.
Result<qint64> startConversation(QSqlDatabase& db, qint64 healthWorkerId);

/// "Write by SMS" for a WhatsApp conversation (mhero.start_sms_conversation): the same number's
/// open SMS conversation through the RapidPro source, or a new one assigned to the caller.
/// Returns its id.
Result<qint64> startSmsConversation(QSqlDatabase& db, qint64 whatsAppConversationId);

/// The newest open conversation on a source of kind @p sourceKind ("whatsapp", "messenger") in
/// which the person has written, whose free reply window is open (@p windowOpen) or closed; 0
/// when there is none. For screenshots and demos.
Result<qint64> exampleConversation(QSqlDatabase& db, const QString& sourceKind, bool windowOpen);

/// The server's HINT of an error (the "HINT:" line libpq appends), or empty.
QString errorHint(const Error& error);

} // namespace mhero::messaging
