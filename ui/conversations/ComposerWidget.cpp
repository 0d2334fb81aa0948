#include "conversations/ComposerWidget.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextEdit>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*\\}\\}"));
    return pattern;
}
} // namespace

ComposerWidget::ComposerWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);

    auto* chipRow = new QHBoxLayout;
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
    chipRow->addStretch(1);
    layout->addLayout(chipRow);

    auto* row = new QHBoxLayout;
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("composerText"));
    m_editor->setPlaceholderText(tr("Write a reply…"));
    m_editor->setTabChangesFocus(true);
    m_editor->setFixedHeight(72);
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
    buttons->addWidget(m_send);
    buttons->addWidget(m_templateButton);
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("composerNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #6B5A00;"));
    layout->addWidget(m_note);

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
    updateState();
}

bool ComposerWidget::canSend() const
{
    return m_blockedReason.isEmpty() && !m_busy && !text().trimmed().isEmpty() && slashSearch().isEmpty()
        && !text().startsWith(QLatin1Char('/')) && (!m_templatesOnly || m_templateVersion > 0)
        && (m_templateVersion == 0 || remainingPlaceholders().isEmpty());
}

void ComposerWidget::send()
{
    if (canSend())
        Q_EMIT sendRequested(text(), m_templateVersion);
}

void ComposerWidget::updateState()
{
    const bool blocked = !m_blockedReason.isEmpty();
    m_editor->setReadOnly(blocked || m_busy);
    m_editor->setEnabled(!blocked);
    m_templateButton->setEnabled(!blocked && !m_busy);
    m_send->setEnabled(canSend());
    m_templateChip->setVisible(m_templateVersion > 0);
    m_clearTemplate->setVisible(m_templateVersion > 0);
    m_templateChip->setText(tr("Approved template"));
    if (blocked)
        m_note->setText(m_blockedReason);
    else if (const QStringList left = remainingPlaceholders(); m_templateVersion > 0 && !left.isEmpty())
        m_note->setText(tr("Fill in the highlighted parts before sending: %1.").arg(left.join(QStringLiteral(", "))));
    else if (m_templatesOnly && m_templateVersion == 0)
        m_note->setText(tr("This deployment sends approved templates only — type / or press Ctrl+T to choose one. "
                           "Notes for colleagues go under Notes, beside the thread."));
    else
        m_note->clear();
    m_note->setVisible(!m_note->text().isEmpty());
    highlightPlaceholders();
}

} // namespace mhero::ui
