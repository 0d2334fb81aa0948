#pragma once

#include "messaging/ConversationQueries.h"

#include <QAbstractListModel>

#include <optional>

namespace mhero {
class Database;
}

namespace mhero::ui {

class MediaCache;

/// The timeline of one conversation, oldest message first. The newest page loads first; older
/// pages come with fetchMore() (the view asks when scrolled to the top). refresh() fetches only
/// what is new or may have changed (statuses of outgoing messages), on the conversation's
/// notifications, so the open thread stays live without reloading. Attachments come with their
/// state, and stored pictures with their thumbnail (Qt::DecorationRole: the first one), read
/// from the database (MediaCache).
class ThreadModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DirectionRole,
        TextRole,
        TimeRole,
        StatusRole,
        AuthorRole,
        /// QVariantList of QVariantMap {messageId, position, contentType, fileName, size, state
        /// (pending, stored, failed, too_large), error, and for stored images thumbnailState
        /// (loading, ready, none) and thumbnail (QPixmap) once read from the database}
        AttachmentsRole,
        ErrorRole,
        DaySeparatorRole, ///< the first message of its day (a "Today" / date line goes above it)
        DayLabelRole,
        /// For an outgoing message still waiting in the outbox, how its sending goes, in words:
        /// the channel switched off, or the attempts so far, the last error and the next try.
        /// Empty while there is nothing to say (a reply about to leave, or not waiting).
        SendingNoteRole,
        /// The message's status in words ("Waiting to be sent", "Delivered"…): what the ticks say.
        StatusTextRole,
    };

    explicit ThreadModel(Database& database, QObject* parent = nullptr);

    /// Shows conversation @p id (0: none).
    void setConversation(qint64 id);
    [[nodiscard]] qint64 conversation() const { return m_conversation; }
    void setPageSize(int rows) { m_pageSize = rows; }
    /// Fetches new messages and the changes of the ones whose status may still move.
    void refresh();
    /// Today's date, for the day lines (tests pin it).
    void setToday(const QDate& today) { m_today = today; }

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] const messaging::MessageRow& message(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOfMessage(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// "Today", "Yesterday", or the date.
    [[nodiscard]] QString dayLabel(const QDate& day) const;
    /// What SendingNoteRole says of @p message.
    [[nodiscard]] static QString sendingNote(const messaging::MessageRow& message);
    /// What StatusTextRole says of @p message.
    [[nodiscard]] static QString statusText(const messaging::MessageRow& message);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString& message);
    /// The newest page of a newly set conversation is in.
    void threadLoaded();
    /// Messages were added at the end (new ones), so a view at the bottom follows them.
    void messagesAppended();

private:
    void onPage(int generation, bool first, const Result<messaging::ThreadPage>& page);
    void onChanges(int generation, const Result<QList<messaging::MessageRow>>& rows);
    [[nodiscard]] bool isDayStart(int row) const;
    [[nodiscard]] QDate dayOf(int row) const;
    [[nodiscard]] QDate today() const;

    Database& m_database;
    MediaCache* m_media;
    qint64 m_conversation = 0;
    QList<messaging::MessageRow> m_rows;
    std::optional<messaging::ThreadCursor> m_older;
    QDate m_today;
    int m_pageSize = 50;
    int m_generation = 0;
    bool m_loading = false;
    bool m_atBeginning = true;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace mhero::ui
