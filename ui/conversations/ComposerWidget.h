#pragma once

#include "messaging/ConversationQueries.h"
#include "messaging/MediaQueries.h"

#include <QPlainTextEdit>
#include <QWidget>

#include <QDateTime>

#include <functional>
#include <optional>

class QLabel;
class QTimer;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace mhero::ui {

/// The composer's editor: a file dropped on it, or an image or file pasted into it, becomes the
/// reply's attachment instead of text.
class ComposerEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerEdit)
public:
    using QPlainTextEdit::QPlainTextEdit;

    /// Six lines when the window has room, three at least: a reply of a few sentences is read
    /// whole before it goes (a fixed 72 px box showed four, and cut them at larger fonts).
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    /// The height that shows @p lines lines of text.
    [[nodiscard]] int heightForLines(int lines) const;

Q_SIGNALS:
    void fileDropped(const QString& path);
    void imagePasted(const QImage& image);

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
};

/// Where an agent writes a reply: the text, the Send button (Ctrl+Enter), and what the deployment
/// allows. Under the "templates only" policy free text cannot be sent: Send waits for a template
/// (Ctrl+T asks for the picker, which calls setTemplateVersion()). A blocked composer (opted-out
/// person, resolved conversation) says why. One file may go with the reply (the Attach button,
/// drag and drop, paste): its type and size are checked against the channel's rules at once
/// (setMediaRules()), and again by the database when the reply is queued.
///
/// On a channel with a reply window (WhatsApp, Messenger; setReplyWindow()) a line above the
/// editor counts down the free window ("Replies free for 3 h 12 min", every 30 s from the time
/// the server gave, without asking it again), warns in its last hour, says when a Messenger
/// reply goes with Meta's HUMAN_AGENT tag, and once WhatsApp's window has closed (or WhatsApp
/// refused a reply with 131047) lets only an approved WhatsApp template be sent: free typing and
/// attachments off, the picker filtered by the page (whatsAppTemplatesOnly()). When even that is
/// over (Messenger after 7 days) nothing can be sent, and it says so.
class ComposerWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerWidget)

public:
    explicit ComposerWidget(QWidget* parent = nullptr);

    /// True under messaging.free_text_policy = templates_only.
    void setTemplatesOnly(bool templatesOnly);
    [[nodiscard]] bool templatesOnly() const { return m_templatesOnly; }
    /// Non-empty: nothing can be sent, for this reason (shown in place of the policy note).
    void setBlockedReason(const QString& reason);
    /// While a send is under way.
    void setBusy(bool busy);

    /// The conversation's reply window as the server counted it just now; nullopt: none known.
    void setReplyWindow(const std::optional<messaging::ReplyWindow>& window);
    /// Outside WhatsApp's window: only the number's approved WhatsApp templates can be sent.
    [[nodiscard]] bool whatsAppTemplatesOnly() const { return m_whatsAppTemplatesOnly; }
    /// Re-reads the clock and redraws the countdown (the 30-second timer calls it).
    void refreshWindow();
    /// Where the countdown reads the time (tests move it); the system clock by default.
    void setClock(std::function<QDateTime()> clock);

    /// A template was chosen: its version and the text rendered for this person (editable only
    /// where the template allows; the server checks the wording).
    /// Puts a template's text (rendered for this person) in the editor. Placeholders nobody could
    /// fill stay as {{name}}, highlighted; Send waits until the agent has replaced them all.
    void setTemplateVersion(qint64 id, const QString& renderedText, const QStringList& unfilled = {});
    /// What the agent typed after a leading "/" (the template search), or empty.
    [[nodiscard]] QString slashSearch() const;
    /// Placeholders still in the text ("reference", …).
    [[nodiscard]] QStringList remainingPlaceholders() const;
    void clearTemplate();
    [[nodiscard]] qint64 templateVersion() const { return m_templateVersion; }

    [[nodiscard]] QString text() const;
    void setText(const QString& text);
    /// After a successful send: empties the text and forgets the template.
    void clear();
    /// Puts the keyboard in the text box: the conversation was opened to write in it.
    void focusEditor();
    [[nodiscard]] bool canSend() const;

    /// What the conversation's channel accepts as attachments (empty rules: none).
    void setMediaRules(const messaging::MediaRules& rules);
    /// Attaches the file at @p path (what the Attach button, and a drop, do). False, with the
    /// reason shown under the editor, when the channel cannot send it.
    bool attachFile(const QString& path);
    /// Attaches bytes (a pasted image). False, with the reason shown, when refused.
    bool attachData(const QString& fileName, const QByteArray& bytes);
    void removeAttachment();
    /// The file to send with the reply (no thumbnail yet), if any.
    [[nodiscard]] const std::optional<messaging::OutgoingAttachment>& attachment() const { return m_attachment; }
    /// The last refusal of an attachment, or empty.
    [[nodiscard]] QString attachmentProblem() const;

Q_SIGNALS:
    /// @p templateVersion 0: free text.
    void sendRequested(const QString& text, qint64 templateVersion);
    void templatePickerRequested();
    /// The Attach button was pressed: the page asks for a file (a dialog tests can answer).
    void attachRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void updateState();
    void highlightPlaceholders();
    void send();

    void showAttachmentProblem(const QString& problem);
    [[nodiscard]] QString effectiveBlockedReason() const;

    QLabel* m_window = nullptr;
    QPushButton* m_whatsAppTemplates = nullptr;
    QTimer* m_windowTimer = nullptr;
    std::function<QDateTime()> m_clock;
    std::optional<messaging::ReplyWindow> m_replyWindow;
    QDateTime m_freeUntil; ///< local clock time the free window closes
    QDateTime m_agentUntil; ///< local clock time a person's reply is refused
    QString m_windowBlockedReason; ///< the window allows nothing at all
    bool m_whatsAppTemplatesOnly = false;

    ComposerEdit* m_editor = nullptr;
    QToolButton* m_attachButton = nullptr;
    QLabel* m_attachmentChip = nullptr;
    QToolButton* m_removeAttachment = nullptr;
    QLabel* m_attachmentError = nullptr;
    messaging::MediaRules m_mediaRules;
    std::optional<messaging::OutgoingAttachment> m_attachment;
    QPushButton* m_send = nullptr;
    QToolButton* m_templateButton = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_templateChip = nullptr;
    QToolButton* m_clearTemplate = nullptr;
    QString m_blockedReason;
    qint64 m_templateVersion = 0;
    bool m_templatesOnly = true;
    bool m_busy = false;
};

} // namespace mhero::ui
