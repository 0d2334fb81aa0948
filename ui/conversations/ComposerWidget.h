#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace mhero::ui {

/// Where an agent writes a reply: the text, the Send button (Ctrl+Enter), and what the deployment
/// allows. Under the "templates only" policy free text cannot be sent: Send waits for a template
/// (Ctrl+T asks for the picker, which calls setTemplateVersion()). A blocked composer (opted-out
/// person, resolved conversation) says why.
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

Q_SIGNALS:
    /// @p templateVersion 0: free text.
    void sendRequested(const QString& text, qint64 templateVersion);
    void templatePickerRequested();

private:
    void updateState();
    void highlightPlaceholders();
    void send();

    QPlainTextEdit* m_editor = nullptr;
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
