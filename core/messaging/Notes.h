#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mhero::messaging {

/// A note an agent left on a conversation or on the person: read by colleagues, never sent.
struct Note
{
    qint64 id = 0;
    qint64 conversationId = 0; ///< 0: a note on the person, not on a conversation
    QString author; ///< role name
    QString authorName; ///< display name
    QString body;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool own = false; ///< written by the signed-in person (only they may change or delete it)
    bool otherConversation = false; ///< from another conversation with the same person
};

/// Longest note the console accepts (the database allows 10,000 characters; notes are meant
/// to be short).
inline constexpr int kNoteMaxChars = 2000;

/// The notes shown beside conversation @p conversationId: its own, plus those on the same
/// health worker (from their other conversations or the directory), oldest first, at most
/// the newest 200.
Result<QList<Note>> loadNotes(QSqlDatabase& db, qint64 conversationId);
/// Adds a note to conversation @p conversationId (and to its health worker, when known).
/// Returns the note's id.
Result<qint64> addNote(QSqlDatabase& db, qint64 conversationId, const QString& body);
/// Replaces the text of note @p id (same limits as addNote()); row-level security lets only its
/// author do so, and the audit log keeps the text before.
Status editNote(QSqlDatabase& db, qint64 id, const QString& body);
/// Deletes note @p id; row-level security lets only its author do so.
Status deleteNote(QSqlDatabase& db, qint64 id);

} // namespace mhero::messaging
