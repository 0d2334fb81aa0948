#include "messaging/Notes.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace mhero::messaging {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::messaging", text); // lupdate's context for tr() here
}

/// The note's text as stored, or why it cannot be.
Result<QString> checkedBody(const QString& body)
{
    const QString text = body.trimmed();
    if (text.isEmpty())
        return Error{QStringLiteral("invalid"), tr("The note is empty."), {}};
    if (text.size() > kNoteMaxChars)
        return Error{QStringLiteral("invalid"),
                     tr("A note holds at most %1 characters; this one has %2.").arg(kNoteMaxChars).arg(text.size()),
                     {}};
    return text;
}
} // namespace

Result<QList<Note>> loadNotes(QSqlDatabase& db, qint64 conversationId)
{
    auto query = sql::exec(
        db,
        QStringLiteral(
            "WITH c AS (SELECT c.id, u.health_worker_id FROM mhero.conversation c "
            "             JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE c.id = ?) "
            "SELECT * FROM ("
            "  SELECT n.id, coalesce(n.conversation_id, 0), n.author, coalesce(a.display_name, n.author::text), "
            "         n.body, n.created_at, n.updated_at, n.author = session_user, "
            "         n.conversation_id IS DISTINCT FROM c.id "
            "    FROM c JOIN mhero.note n ON n.conversation_id = c.id OR n.health_worker_id = c.health_worker_id "
            "    LEFT JOIN mhero.app_user a ON a.role_name = n.author "
            "   ORDER BY n.created_at DESC, n.id DESC LIMIT 200) newest "
            "ORDER BY 6, 1"),
        {conversationId});
    if (!query)
        return query.error();
    QList<Note> notes;
    while (query->next()) {
        Note note;
        note.id = query->value(0).toLongLong();
        note.conversationId = query->value(1).toLongLong();
        note.author = query->value(2).toString();
        note.authorName = query->value(3).toString();
        note.body = query->value(4).toString();
        note.createdAt = query->value(5).toDateTime();
        note.updatedAt = query->value(6).toDateTime();
        note.own = query->value(7).toBool();
        note.otherConversation = query->value(8).toBool();
        notes << note;
    }
    return notes;
}

Result<qint64> addNote(QSqlDatabase& db, qint64 conversationId, const QString& body)
{
    const auto checked = checkedBody(body);
    if (!checked)
        return checked.error();
    const QString& text = *checked;
    auto id = sql::scalar(db,
                          QStringLiteral("INSERT INTO mhero.note (conversation_id, health_worker_id, body) "
                                         "SELECT c.id, u.health_worker_id, ? FROM mhero.conversation c "
                                         "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE c.id = ? RETURNING id"),
                          {text, conversationId});
    if (!id && id.error().code == QLatin1String("no-row"))
        return Error{QStringLiteral("no-row"), tr("This conversation no longer exists."), {}};
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status editNote(QSqlDatabase& db, qint64 id, const QString& body)
{
    const auto checked = checkedBody(body);
    if (!checked)
        return checked.error();
    auto edited = sql::scalar(db,
                              QStringLiteral("WITH e AS (UPDATE mhero.note SET body = ?, updated_at = now() "
                                             "           WHERE id = ? RETURNING 1) "
                                             "SELECT count(*) FROM e"),
                              {*checked, id});
    if (!edited)
        return edited.error();
    if (edited->toInt() == 0)
        return Error{QStringLiteral("no-row"), tr("Only the note's author can change it."), {}};
    return {};
}

Status deleteNote(QSqlDatabase& db, qint64 id)
{
    auto deleted = sql::scalar(db, QStringLiteral("WITH d AS (DELETE FROM mhero.note WHERE id = ? RETURNING 1) "
                                                  "SELECT count(*) FROM d"),
                               {id});
    if (!deleted)
        return deleted.error();
    if (deleted->toInt() == 0)
        return Error{QStringLiteral("no-row"), tr("Only the note's author can delete it."), {}};
    return {};
}

} // namespace mhero::messaging
