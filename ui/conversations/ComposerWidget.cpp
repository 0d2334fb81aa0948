#include "conversations/ComposerWidget.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*\\}\\}"));
    return pattern;
}

/// "3 h 12 min", "57 min", "less than a minute": what is left of a window, rounded down (the
/// agent must not count on a minute the server will not give).
QString timeLeft(qint64 seconds)
{
    // lupdate files these under the namespace (a lambda in a free function): look them up there.
    const auto tr = [](const char* text) { return QCoreApplication::translate("mhero::ui", text); };
    if (seconds < 60)
        return tr("less than a minute");
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    if (hours == 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(hours).arg(minutes);
}

/// "24-hour", "7-day": a window's length as its rule names it.
QString windowLength(int seconds)
{
    if (seconds >= 2 * 86400 && seconds % 86400 == 0)
        return ComposerWidget::tr("%1-day").arg(seconds / 86400);
    return ComposerWidget::tr("%1-hour").arg(seconds / 3600);
}
} // namespace

int ComposerEdit::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return fontMetrics().lineSpacing() * lines + int(2 * document()->documentMargin()) + margins.top()
        + margins.bottom() + 2 * frameWidth();
}

QSize ComposerEdit::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), heightForLines(6)};
}

QSize ComposerEdit::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), heightForLines(3)};
}

bool ComposerEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasImage() || source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerEdit::insertFromMimeData(const QMimeData* source)
{
    // A copied file (a file manager's copy is a local URL) or image is an attachment, not text.
    if (source->hasUrls()) {
        for (const QUrl& url : source->urls())
            if (url.isLocalFile()) {
                Q_EMIT fileDropped(url.toLocalFile());
                return;
            }
    }
    if (source->hasImage()) {
        Q_EMIT imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

ComposerWidget::ComposerWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);

    m_window = new QLabel;
    m_window->setObjectName(QStringLiteral("composerWindow"));
    m_window->setWordWrap(true);
    m_window->hide();
    m_whatsAppTemplates = new QPushButton(tr("Choose an approved WhatsApp template"));
    m_whatsAppTemplates->setObjectName(QStringLiteral("whatsAppTemplateButton"));
    m_whatsAppTemplates->hide();
    layout->addWidget(m_window);
    // The countdown is redrawn from the deadline the server gave: no query per tick.
    m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    m_windowTimer = new QTimer(this);
    m_windowTimer->setObjectName(QStringLiteral("composerWindowTimer"));
    m_windowTimer->setInterval(30'000);
    connect(m_windowTimer, &QTimer::timeout, this, &ComposerWidget::refreshWindow);
    connect(m_whatsAppTemplates, &QPushButton::clicked, this, &ComposerWidget::templatePickerRequested);

    auto* chipRow = new QHBoxLayout;
    chipRow->addWidget(m_whatsAppTemplates);
    m_templateChip = new QLabel;
    m_templateChip->setObjectName(QStringLiteral("composerTemplate"));
    m_templateChip->setStyleSheet(
        QStringLiteral("background: #E3F2EC; color: #0B6E4F; border-radius: 8px; padding: 2px 8px;"));
    m_clearTemplate = new QToolButton;
    m_clearTemplate->setText(QStringLiteral("×"));
    m_clearTemplate->setToolTip(tr("Stop using this template"));
    m_clearTemplate->setAutoRaise(true);
    chipRow->addWidget(m_templateChip);
    chipRow->addWidget(m_clearTemplate);
    m_attachmentChip = new QLabel;
    m_attachmentChip->setObjectName(QStringLiteral("composerAttachment"));
    m_attachmentChip->setStyleSheet(
        QStringLiteral("background: #E8EEF7; color: #0B3D91; border-radius: 8px; padding: 2px 8px;"));
    m_removeAttachment = new QToolButton;
    m_removeAttachment->setObjectName(QStringLiteral("removeAttachment"));
    m_removeAttachment->setText(QStringLiteral("×"));
    m_removeAttachment->setToolTip(tr("Do not send this file"));
    m_removeAttachment->setAutoRaise(true);
    chipRow->addWidget(m_attachmentChip);
    chipRow->addWidget(m_removeAttachment);
    chipRow->addStretch(1);
    layout->addLayout(chipRow);

    auto* row = new QHBoxLayout;
    m_editor = new ComposerEdit;
    m_editor->setObjectName(QStringLiteral("composerText"));
    m_editor->setPlaceholderText(tr("Write a reply…"));
    m_editor->setTabChangesFocus(true);
    m_editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    row->addWidget(m_editor, 1);
    auto* buttons = new QVBoxLayout;
    m_send = new QPushButton(tr("Send"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setDefault(false);
    m_templateButton = new QToolButton;
    m_templateButton->setObjectName(QStringLiteral("templateButton"));
    m_templateButton->setText(tr("Template…"));
    m_templateButton->setToolTip(tr("Choose an approved template (Ctrl+T)"));
    m_attachButton = new QToolButton;
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachButton->setText(tr("Attach…"));
    m_attachButton->setToolTip(tr("Send a picture, a voice note or a PDF with the reply (or drop or paste it here)"));
    buttons->addWidget(m_send);
    buttons->addWidget(m_templateButton);
    buttons->addWidget(m_attachButton);
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("composerNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #6B5A00;"));
    layout->addWidget(m_note);
    m_attachmentError = new QLabel;
    m_attachmentError->setObjectName(QStringLiteral("composerAttachmentError"));
    m_attachmentError->setWordWrap(true);
    m_attachmentError->setStyleSheet(QStringLiteral("color: #C62828;"));
    m_attachmentError->hide();
    layout->addWidget(m_attachmentError);
    setAcceptDrops(true); // a file dropped beside the editor (on the buttons) attaches too

    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposerWidget::send);
    }
    auto* pick = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_T), this);
    pick->setContext(Qt::WidgetWithChildrenShortcut);
    connect(pick, &QShortcut::activated, this, &ComposerWidget::templatePickerRequested);
    connect(m_templateButton, &QToolButton::clicked, this, &ComposerWidget::templatePickerRequested);
    connect(m_send, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_clearTemplate, &QToolButton::clicked, this, &ComposerWidget::clearTemplate);
    connect(m_attachButton, &QToolButton::clicked, this, &ComposerWidget::attachRequested);
    connect(m_removeAttachment, &QToolButton::clicked, this, &ComposerWidget::removeAttachment);
    connect(m_editor, &ComposerEdit::fileDropped, this, [this](const QString& path) { attachFile(path); });
    connect(m_editor, &ComposerEdit::imagePasted, this, [this](const QImage& image) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (image.isNull() || !image.save(&buffer, "PNG")) {
            showAttachmentProblem(tr("The pasted picture could not be read."));
            return;
        }
        attachData(tr("pasted-picture.png"), png);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::updateState);
    // "/" at the start of an empty reply opens the template search, like chat tools do.
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_templateVersion == 0 && text() == QLatin1String("/"))
            Q_EMIT templatePickerRequested();
    });
    updateState();
}

void ComposerWidget::setTemplatesOnly(bool templatesOnly)
{
    m_templatesOnly = templatesOnly;
    updateState();
}

void ComposerWidget::setBlockedReason(const QString& reason)
{
    m_blockedReason = reason;
    updateState();
}

void ComposerWidget::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ComposerWidget::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshWindow();
}

void ComposerWidget::setReplyWindow(const std::optional<messaging::ReplyWindow>& window)
{
    m_replyWindow = window;
    const QDateTime now = m_clock();
    if (window) {
        m_freeUntil = now.addSecs(window->freeSecondsLeft);
        m_agentUntil = now.addSecs(window->agentSecondsLeft);
    }
    if (window && window->hasWindow)
        m_windowTimer->start();
    else
        m_windowTimer->stop();
    refreshWindow();
}

void ComposerWidget::refreshWindow()
{
    const bool wasTemplatesOnly = m_whatsAppTemplatesOnly;
    m_whatsAppTemplatesOnly = false;
    m_windowBlockedReason.clear();
    QString line;
    bool warning = false;
    if (m_replyWindow && m_replyWindow->hasWindow) {
        const messaging::ReplyWindow& w = *m_replyWindow;
        const QDateTime now = m_clock();
        const qint64 freeLeft = w.personWrote ? now.secsTo(m_freeUntil) : 0;
        const qint64 agentLeft = w.personWrote ? now.secsTo(m_agentUntil) : 0;
        if (w.reengagementRefused && w.platformTemplates) {
            // Meta's clock is the one that counts: it has refused a reply as outside the window.
            m_whatsAppTemplatesOnly = true;
            line = tr("%1 refused the last reply: the %2 window has closed. Only approved %1 templates can be sent.")
                       .arg(w.platform, windowLength(w.freeWindowSeconds));
            warning = true;
        } else if (freeLeft > 0) {
            line = tr("Replies free for %1").arg(timeLeft(freeLeft));
            warning = freeLeft < 3600;
        } else if (agentLeft > 0) {
            // Messenger: past 24 hours a person may still answer, tagged HUMAN_AGENT, for 7 days.
            line = tr("Human agent reply — allowed until %1")
                       .arg(QLocale().toString(m_agentUntil.toLocalTime(), QLocale::ShortFormat));
            warning = agentLeft < 3600;
        } else if (w.platformTemplates) {
            m_whatsAppTemplatesOnly = true;
            line = w.personWrote
                ? tr("The %1 window has closed: only approved %2 templates can be sent")
                      .arg(windowLength(w.agentWindowSeconds), w.platform)
                : tr("The person has not written on %1 yet: only approved %1 templates can be sent").arg(w.platform);
            warning = true;
        } else {
            m_windowBlockedReason
                = tr("%1 allows replies only within %2 days of the person's last message: nothing can be sent until "
                     "they write again.")
                      .arg(w.platform)
                      .arg(std::max(1, w.agentWindowSeconds / 86400));
        }
    }
    m_window->setText(line);
    m_window->setVisible(!line.isEmpty());
    m_window->setProperty("warning", warning);
    m_window->setStyleSheet(warning ? QStringLiteral("color: #8A4B00; background: #FFF3E0; border-radius: 4px; "
                                                     "padding: 3px 8px; font-weight: bold;")
                                    : QStringLiteral("color: #0B5138; background: #E3F2EC; border-radius: 4px; "
                                                     "padding: 3px 8px;"));
    if (m_whatsAppTemplatesOnly && !wasTemplatesOnly && m_templateVersion == 0)
        m_attachment.reset(); // WhatsApp's templates go without a file
    updateState();
}

QString ComposerWidget::effectiveBlockedReason() const
{
    return m_blockedReason.isEmpty() ? m_windowBlockedReason : m_blockedReason;
}

void ComposerWidget::setTemplateVersion(qint64 id, const QString& renderedText, const QStringList& unfilled)
{
    Q_UNUSED(unfilled) // the editor finds them itself, so they stay marked while the agent edits
    m_templateVersion = id;
    m_editor->setPlainText(renderedText);
    m_editor->setFocus();
    // Put the cursor on the first placeholder to fill.
    const QRegularExpressionMatch first = placeholderPattern().match(renderedText);
    if (first.hasMatch()) {
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(int(first.capturedStart()));
        cursor.setPosition(int(first.capturedEnd()), QTextCursor::KeepAnchor);
        m_editor->setTextCursor(cursor);
    }
    updateState();
}

QString ComposerWidget::slashSearch() const
{
    const QString t = text();
    return m_templateVersion == 0 && t.startsWith(QLatin1Char('/')) ? t.mid(1).trimmed() : QString();
}

QStringList ComposerWidget::remainingPlaceholders() const
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text());
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void ComposerWidget::highlightPlaceholders()
{
    QList<QTextEdit::ExtraSelection> marks;
    if (m_templateVersion > 0) {
        QTextCharFormat format;
        format.setBackground(QColor(0xFF, 0xE0, 0x82));
        format.setFontWeight(QFont::Bold);
        auto it = placeholderPattern().globalMatch(text());
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_editor->document());
            mark.cursor.setPosition(int(m.capturedStart()));
            mark.cursor.setPosition(int(m.capturedEnd()), QTextCursor::KeepAnchor);
            mark.format = format;
            marks.append(mark);
        }
    }
    m_editor->setExtraSelections(marks);
}

void ComposerWidget::clearTemplate()
{
    m_templateVersion = 0;
    updateState();
}

QString ComposerWidget::text() const
{
    return m_editor->toPlainText();
}

void ComposerWidget::setText(const QString& text)
{
    m_editor->setPlainText(text);
}

void ComposerWidget::clear()
{
    m_templateVersion = 0;
    m_editor->clear();
    m_attachment.reset();
    showAttachmentProblem({});
    updateState();
}

void ComposerWidget::focusEditor()
{
    m_editor->setFocus(Qt::OtherFocusReason);
}

void ComposerWidget::setMediaRules(const messaging::MediaRules& rules)
{
    m_mediaRules = rules;
    if (m_attachment) {
        const QString problem = rules.problem(m_attachment->contentType, m_attachment->bytes.size());
        if (!problem.isEmpty()) {
            m_attachment.reset();
            showAttachmentProblem(problem);
        }
    }
    updateState();
}

bool ComposerWidget::attachFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        showAttachmentProblem(tr("%1 cannot be read.").arg(info.fileName()));
        return false;
    }
    // Refused before reading a file far larger than the channel takes.
    if (m_mediaRules.maxBytes > 0 && info.size() > m_mediaRules.maxBytes) {
        showAttachmentProblem(tr("%1 is %2; %3 sends at most %4.")
                                  .arg(info.fileName(), messaging::formatSize(info.size()), m_mediaRules.platform,
                                       messaging::formatSize(m_mediaRules.maxBytes)));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showAttachmentProblem(tr("%1 cannot be read: %2").arg(info.fileName(), file.errorString()));
        return false;
    }
    return attachData(info.fileName(), file.readAll());
}

bool ComposerWidget::attachData(const QString& fileName, const QByteArray& bytes)
{
    if (m_whatsAppTemplatesOnly) {
        showAttachmentProblem(
            tr("Outside the reply window only an approved template's words can be sent, without a file."));
        return false;
    }
    const QString type = messaging::contentTypeOf(fileName, bytes);
    if (const QString problem = m_mediaRules.problem(type, bytes.size()); !problem.isEmpty()) {
        showAttachmentProblem(problem);
        return false;
    }
    m_attachment = messaging::OutgoingAttachment{type, fileName, bytes, {}};
    showAttachmentProblem({});
    updateState();
    return true;
}

void ComposerWidget::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (effectiveBlockedReason().isEmpty() && !m_whatsAppTemplatesOnly && !urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void ComposerWidget::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        attachFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

void ComposerWidget::removeAttachment()
{
    m_attachment.reset();
    updateState();
}

QString ComposerWidget::attachmentProblem() const
{
    return m_attachmentError->isVisible() || !m_attachmentError->text().isEmpty() ? m_attachmentError->text()
                                                                                  : QString();
}

void ComposerWidget::showAttachmentProblem(const QString& problem)
{
    m_attachmentError->setText(problem);
    m_attachmentError->setVisible(!problem.isEmpty());
}

bool ComposerWidget::canSend() const
{
    const bool hasContent = !text().trimmed().isEmpty() || m_attachment.has_value();
    return effectiveBlockedReason().isEmpty() && !m_busy && hasContent && slashSearch().isEmpty()
        && !text().startsWith(QLatin1Char('/')) && (!m_templatesOnly || m_templateVersion > 0)
        && (!m_whatsAppTemplatesOnly || (m_templateVersion > 0 && !m_attachment))
        && (m_templateVersion == 0 || remainingPlaceholders().isEmpty());
}

void ComposerWidget::send()
{
    if (canSend())
        Q_EMIT sendRequested(text(), m_templateVersion);
}

void ComposerWidget::updateState()
{
    const QString blockedReason = effectiveBlockedReason();
    const bool blocked = !blockedReason.isEmpty();
    // Outside WhatsApp's window the words are a template's: typed only to fill its placeholders.
    const bool noFreeText = m_whatsAppTemplatesOnly && m_templateVersion == 0;
    m_editor->setReadOnly(blocked || m_busy || noFreeText);
    m_editor->setEnabled(!blocked);
    m_editor->setPlaceholderText(noFreeText ? tr("Choose an approved WhatsApp template (Ctrl+T)")
                                            : tr("Write a reply…"));
    m_templateButton->setEnabled(!blocked && !m_busy);
    m_whatsAppTemplates->setVisible(m_whatsAppTemplatesOnly && !blocked && m_templateVersion == 0);
    m_whatsAppTemplates->setEnabled(!m_busy);
    m_send->setEnabled(canSend());
    m_templateChip->setVisible(m_templateVersion > 0);
    m_clearTemplate->setVisible(m_templateVersion > 0);
    m_templateChip->setText(tr("Approved template"));
    m_attachButton->setEnabled(!blocked && !m_busy && !m_whatsAppTemplatesOnly && !m_mediaRules.mediaTypes.isEmpty());
    m_attachmentChip->setVisible(m_attachment.has_value());
    m_removeAttachment->setVisible(m_attachment.has_value() && !m_busy);
    if (m_attachment)
        m_attachmentChip->setText(
            QStringLiteral("📎 %1 · %2").arg(m_attachment->fileName, messaging::formatSize(m_attachment->bytes.size())));
    if (blocked)
        m_note->setText(blockedReason);
    else if (const QStringList left = remainingPlaceholders(); m_templateVersion > 0 && !left.isEmpty())
        m_note->setText(tr("Fill in the highlighted parts before sending: %1.").arg(left.join(QStringLiteral(", "))));
    else if (m_templatesOnly && m_templateVersion == 0 && !m_whatsAppTemplatesOnly)
        m_note->setText(tr("This deployment sends approved templates only — type / or press Ctrl+T to choose one. "
                           "Notes for colleagues go under Notes, beside the thread."));
    else
        m_note->clear();
    m_note->setVisible(!m_note->text().isEmpty());
    highlightPlaceholders();
}

} // namespace mhero::ui
