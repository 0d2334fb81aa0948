#pragma once

#include "messaging/ConversationQueries.h"
#include "session/UserProfile.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QTimer;
class QToolButton;

namespace mhero {
class Database;
}

namespace mhero::ui {

class ComposerWidget;
class SuggestionStrip;
class TemplatePicker;
class ConversationListModel;
class MediaOpener;
class NotesPanel;
class Notifier;
class ThreadDelegate;
class ThreadModel;

/// The agents' workplace: the queues on the left (Unassigned, Mine, All open, Resolved, with
/// counts), the open thread on the right with the person's card, the actions (claim, release,
/// assign, resolve, reopen) and the composer. Everything runs through the database thread; the
/// page LISTENs on mhero_conversation and mhero_message and re-reads only what changed.
class ConversationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationsPage)

public:
    ConversationsPage(Database& database, const SessionInfo& session, QWidget* parent = nullptr);
    ~ConversationsPage() override;

    [[nodiscard]] ConversationListModel* listModel() const { return m_list; }
    [[nodiscard]] ThreadModel* threadModel() const { return m_thread; }
    [[nodiscard]] ComposerWidget* composer() const { return m_composer; }
    [[nodiscard]] NotesPanel* notesPanel() const { return m_notesPanel; }
    [[nodiscard]] const messaging::QueueCounts& counts() const { return m_counts; }
    [[nodiscard]] qint64 currentConversation() const { return m_current ? m_current->id : 0; }
    [[nodiscard]] MediaOpener* mediaOpener() const { return m_opener; }

    /// Not owned; nullptr: no desktop notifications. The page starts with a tray notifier.
    void setNotifier(Notifier* notifier) { m_notifier = notifier; }
    void setView(messaging::QueueView view);
    /// Opens conversation @p id ready to write: its row selected and scrolled into view (the
    /// queue that holds it is shown when the current one would hide it) and the keyboard in the
    /// composer. The directory's Message (Ctrl+M) comes here.
    void openConversation(qint64 id);
    /// Shows all open conversations and opens the newest one (screenshots, demos).
    void showExample();
    /// Opens the newest open conversation on a @p sourceKind source whose free reply window is
    /// open (@p windowOpen) or closed (screenshots, demos); nothing when there is none.
    void showExampleOn(const QString& sourceKind, bool windowOpen);
    [[nodiscard]] TemplatePicker* templatePicker() const { return m_picker; }

Q_SIGNALS:
    /// Conversations waiting for this user: unread in their queue or unassigned (sidebar badge).
    void unreadCountChanged(int count);
    /// The composer asks for the template picker (Ctrl+T) for conversation @p id.
    void templatePickerRequested(qint64 conversationId);

private:
    QWidget* buildQueuePanel();
    QWidget* buildThreadPanel();
    QWidget* buildCardPanel();
    void onNotification(const QString& channel, const QString& payload);
    void onConversationRefreshed(const messaging::ConversationRow& row);
    void showConversation(const messaging::ConversationRow& row);
    void updateHeader();
    void loadCard();
    void loadCounts();
    void loadPolicy();
    void markReadIfNeeded();
    void selectCurrentInQueue();
    /// Shows the open conversation in the queue: the queue it belongs to, pages loaded until its
    /// row is in, the row selected and scrolled to (m_revealing until then).
    void revealInQueue();
    void continueReveal();
    void showMessage(const QString& text, bool error = true);
    void clearMessage();
    /// Runs an action on the current conversation: buttons off meanwhile, errors in the bar.
    void runAction(const std::function<Status(QSqlDatabase&)>& job, const QString& done = {});
    void claim();
    void showAssignMenu();
    void sendReply(const QString& text, qint64 templateVersion);
    void chooseAttachment();
    void loadMediaRules();
    void retryMessage(qint64 messageId);
    void linkContact();
    void liftOptOut();
    void loadReplyWindow();
    void writeBySms();
    [[nodiscard]] bool isMine(const messaging::ConversationRow& row) const;

    Database& m_database;
    SessionInfo m_session;
    ConversationListModel* m_list = nullptr;
    ThreadModel* m_thread = nullptr;
    MediaOpener* m_opener = nullptr;
    ThreadDelegate* m_threadDelegate = nullptr;
    Notifier* m_notifier = nullptr;
    std::unique_ptr<Notifier> m_trayNotifier;

    QButtonGroup* m_viewButtons = nullptr;
    QListView* m_queueView = nullptr;
    QLabel* m_queueEmpty = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_assigneeLabel = nullptr;
    QPushButton* m_claimButton = nullptr;
    QPushButton* m_releaseButton = nullptr;
    QPushButton* m_assignButton = nullptr;
    QPushButton* m_resolveButton = nullptr;
    QPushButton* m_reopenButton = nullptr;
    QLabel* m_messageBar = nullptr;
    QListView* m_threadView = nullptr;
    ComposerWidget* m_composer = nullptr;
    TemplatePicker* m_picker = nullptr;
    SuggestionStrip* m_suggestions = nullptr; ///< suggested answers for the latest inbound message
    QWidget* m_threadPanel = nullptr;
    QLabel* m_placeholder = nullptr;
    QFrame* m_card = nullptr;
    QLabel* m_cardName = nullptr;
    QLabel* m_cardDetails = nullptr;
    QPushButton* m_linkButton = nullptr;
    QPushButton* m_liftOptOutButton = nullptr;
    NotesPanel* m_notesPanel = nullptr;
    QTimer* m_countsTimer = nullptr;
    QFrame* m_smsBanner = nullptr;
    QPushButton* m_writeBySms = nullptr;
    std::optional<messaging::ReplyWindow> m_replyWindow;
    int m_windowGeneration = 0;

    std::optional<messaging::ConversationRow> m_current;
    std::optional<messaging::ContactCard> m_cardData;
    messaging::QueueCounts m_counts;
    QHash<qint64, int> m_knownUnread; ///< for notifying only about new inbound messages
    bool m_templatesOnly = true;
    bool m_busy = false;
    bool m_liveUpdate = false; ///< rows are moving under the selection
    int m_cardGeneration = 0;
    qint64 m_threadAnchor = 0; ///< the message kept in place while older ones load
    qint64 m_revealing = 0; ///< the conversation revealInQueue() is still looking for
    bool m_threadFollow = true; ///< the thread view follows new messages
};

} // namespace mhero::ui
