#include "conversations/NotesPanel.h"

#include "common/PageParts.h"
#include "db/Database.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace mhero::ui {

using messaging::Note;

namespace {
constexpr int kNoteIdRole = Qt::UserRole + 1;
constexpr int kOwnRole = Qt::UserRole + 2;
} // namespace

NotesPanel::NotesPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* heading = mutedLabel(tr("NOTES · NEVER SENT"));
    heading->setToolTip(tr("Notes are for colleagues: they are never sent to the health worker."));
    layout->addWidget(heading);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // notes wrap; never scroll sideways
    m_list->setSpacing(3);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->setStyleSheet(QStringLiteral("QListWidget#notesList { background: transparent; border: 0; }"
                                         "QListWidget#notesList::item { background: #FFF8DC; border: 1px solid #EEDC9A;"
                                         " border-radius: 4px; padding: 4px; color: #3B3A30; }"
                                         "QListWidget#notesList::item:selected { border-color: #B8962E; }"));
    // The context menu; the same keys work on the list (eventFilter).
    auto* edit = new QAction(tr("Edit my note (F2)"), m_list);
    edit->setObjectName(QStringLiteral("editNoteAction"));
    connect(edit, &QAction::triggered, this, &NotesPanel::editSelected);
    auto* remove = new QAction(tr("Delete my note (Delete)"), m_list);
    remove->setObjectName(QStringLiteral("deleteNoteAction"));
    connect(remove, &QAction::triggered, this, &NotesPanel::deleteSelected);
    for (QAction* action : {edit, remove}) {
        action->setEnabled(false);
        m_list->addAction(action);
        connect(m_list, &QListWidget::currentItemChanged, action,
                [action](QListWidgetItem* item) { action->setEnabled(item && item->data(kOwnRole).toBool()); });
    }
    layout->addWidget(m_list, 1);
    m_empty = mutedLabel(tr("No notes yet."));
    m_empty->setObjectName(QStringLiteral("notesEmpty"));
    layout->addWidget(m_empty);

    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("noteInput"));
    m_input->setPlaceholderText(tr("Add a note for colleagues…"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 12);
    layout->addWidget(m_input);
    auto* row = new QHBoxLayout;
    m_counter = mutedLabel();
    m_counter->setObjectName(QStringLiteral("noteCounter"));
    row->addWidget(m_counter, 1);
    m_addButton = new QPushButton(tr("Add note"));
    m_addButton->setObjectName(QStringLiteral("addNoteButton"));
    m_addButton->setToolTip(tr("Ctrl+Enter"));
    m_addButton->setEnabled(false);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelNoteEditButton"));
    m_cancelButton->setToolTip(tr("Escape"));
    m_cancelButton->hide();
    row->addWidget(m_cancelButton);
    row->addWidget(m_addButton);
    layout->addLayout(row);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("noteError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B02A37"));
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_addButton, &QPushButton::clicked, this, &NotesPanel::add);
    connect(m_cancelButton, &QPushButton::clicked, this, &NotesPanel::stopEditing);
    connect(m_input, &QPlainTextEdit::textChanged, this, &NotesPanel::updateCounter);
    m_input->installEventFilter(this);
    m_list->installEventFilter(this);
    updateCounter();
}

bool NotesPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+Enter adds (or saves) the note (Enter alone is a new line, as in the composer);
    // Escape gives up an edit. F2 edits and Delete deletes the selected note when it is one's own.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            add();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_editing != 0) {
            stopEditing();
            return true;
        }
    }
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Delete)) {
            deleteSelected();
            return true;
        }
        if (key->key() == Qt::Key_F2) {
            editSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NotesPanel::setConversation(qint64 id)
{
    if (id == m_conversation)
        return;
    m_conversation = id;
    m_notes.clear();
    stopEditing();
    m_input->clear();
    setError({});
    showNotes();
    reload();
}

void NotesPanel::reload()
{
    const int generation = ++m_generation;
    const qint64 id = m_conversation;
    if (id == 0)
        return;
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadNotes(db, id); },
        [this, generation](const Result<QList<Note>>& notes) {
            if (generation != m_generation)
                return; // another conversation meanwhile
            if (!notes) {
                setError(tr("The notes could not be loaded: %1").arg(notes.error().message));
                return;
            }
            m_notes = *notes;
            showNotes();
            Q_EMIT notesLoaded();
        });
}

void NotesPanel::showNotes()
{
    const qint64 selected = m_list->currentItem() ? m_list->currentItem()->data(kNoteIdRole).toLongLong() : 0;
    m_list->clear();
    const QLocale locale;
    for (const Note& note : std::as_const(m_notes)) {
        QString by = tr("%1 · %2").arg(note.authorName, locale.toString(note.createdAt.toLocalTime(), QLocale::ShortFormat));
        if (note.otherConversation)
            by += QStringLiteral(" · ") + tr("earlier conversation");
        if (note.updatedAt > note.createdAt) // both now() of the insert until an edit
            by += QStringLiteral(" · ")
                + tr("edited %1").arg(locale.toString(note.updatedAt.toLocalTime(), QLocale::ShortFormat));
        auto* item = new QListWidgetItem(note.body + QStringLiteral("\n— ") + by, m_list);
        item->setData(kNoteIdRole, note.id);
        item->setData(kOwnRole, note.own);
        item->setToolTip(note.own ? tr("Your note. F2 edits it, Delete removes it.")
                                  : tr("Written by %1.").arg(note.authorName));
        if (note.id == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_notes.isEmpty() && !m_list->currentItem())
        m_list->scrollToBottom();
    m_empty->setVisible(m_notes.isEmpty());
    m_list->setVisible(!m_notes.isEmpty());
}

void NotesPanel::updateCounter()
{
    const auto length = m_input->toPlainText().trimmed().size();
    m_addButton->setEnabled(m_conversation != 0 && length > 0 && length <= messaging::kNoteMaxChars);
    m_counter->setText(length > messaging::kNoteMaxChars * 3 / 4
                           ? tr("%1 / %2").arg(length).arg(messaging::kNoteMaxChars)
                           : QString());
    m_counter->setStyleSheet(length > messaging::kNoteMaxChars ? QStringLiteral("color: #B02A37") : QString());
}

void NotesPanel::setError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void NotesPanel::editSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !item->data(kOwnRole).toBool())
        return;
    const qint64 noteId = item->data(kNoteIdRole).toLongLong();
    const auto note = std::find_if(m_notes.cbegin(), m_notes.cend(), [noteId](const Note& n) { return n.id == noteId; });
    if (note == m_notes.cend())
        return;
    m_editing = noteId;
    m_input->setPlainText(note->body);
    m_addButton->setText(tr("Save note"));
    m_cancelButton->show();
    setError({});
    m_input->setFocus();
    m_input->moveCursor(QTextCursor::End);
}

void NotesPanel::stopEditing()
{
    if (m_editing == 0)
        return;
    m_editing = 0;
    m_input->clear();
    m_addButton->setText(tr("Add note"));
    m_cancelButton->hide();
}

void NotesPanel::add()
{
    if (!m_addButton->isEnabled())
        return;
    const QString body = m_input->toPlainText();
    const qint64 id = m_conversation;
    const qint64 noteId = m_editing; // 0: a new note
    m_addButton->setEnabled(false);
    m_database.run(
        this,
        [id, noteId, body](QSqlDatabase& db) -> Status {
            if (noteId != 0)
                return messaging::editNote(db, noteId, body);
            if (auto added = messaging::addNote(db, id, body); !added)
                return added.error();
            return {};
        },
        [this, id, noteId](const Status& saved) {
            if (id != m_conversation || noteId != m_editing)
                return; // another conversation, or the edit given up, meanwhile
            if (!saved) {
                updateCounter();
                setError(tr("The note was not saved: %1").arg(saved.error().message));
                Q_EMIT changed(false);
                return;
            }
            setError({});
            stopEditing();
            m_input->clear();
            reload();
            Q_EMIT changed(true);
        });
}

void NotesPanel::deleteSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !item->data(kOwnRole).toBool())
        return;
    const qint64 noteId = item->data(kNoteIdRole).toLongLong();
    m_database.run(
        this, [noteId](QSqlDatabase& db) { return messaging::deleteNote(db, noteId); },
        [this](const Status& done) {
            if (!done) {
                setError(tr("The note was not deleted: %1").arg(done.error().message));
                Q_EMIT changed(false);
                return;
            }
            setError({});
            reload();
            Q_EMIT changed(true);
        });
}

} // namespace mhero::ui
