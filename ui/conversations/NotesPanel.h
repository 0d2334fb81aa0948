#pragma once

#include "messaging/Notes.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Notes beside a conversation: what colleagues need to know ("called back on Monday, waiting
/// for payroll"), never sent to the health worker. Shows the conversation's notes and those on
/// the same person from other conversations; adds with Ctrl+Enter; edits one's own notes (F2
/// or the context menu: the text goes back into the input, Ctrl+Enter saves, Escape cancels)
/// and deletes them (Delete key or the context menu); the database refuses others'. Reloads on
/// the conversation's mhero_note notifications (reload()).
class NotesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesPanel)

public:
    explicit NotesPanel(Database& database, QWidget* parent = nullptr);

    /// Shows the notes of conversation @p id (0: none).
    void setConversation(qint64 id);
    [[nodiscard]] qint64 conversation() const { return m_conversation; }
    void reload();
    [[nodiscard]] const QList<messaging::Note>& notes() const { return m_notes; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    void notesLoaded();
    /// An add or delete finished; on refusal the reason is shown under the input.
    void changed(bool ok);

private:
    void add();
    void editSelected();
    void stopEditing();
    void deleteSelected();
    void showNotes();
    void setError(const QString& text);
    void updateCounter();

    Database& m_database;
    qint64 m_conversation = 0;
    qint64 m_editing = 0; ///< the note whose text is in the input, 0 when adding one
    int m_generation = 0;
    QList<messaging::Note> m_notes;
    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QLabel* m_counter = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace mhero::ui
