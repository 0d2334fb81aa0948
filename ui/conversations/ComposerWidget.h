#pragma once

#include "messaging/ConversationQueries.h"
#include "messaging/MediaQueries.h"

#include <QPlainTextEdit>
#include <QWidget>

#include <optional>

class QLabel;
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
