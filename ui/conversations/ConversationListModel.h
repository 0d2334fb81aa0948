#pragma once

#include "messaging/ConversationQueries.h"

#include <QAbstractListModel>
#include <QHash>

#include <optional>

namespace mhero {
class Database;
}

namespace mhero::ui {

/// One queue of conversations (Unassigned, Mine, All open, Resolved) as a lazy list: pages of
/// about a hundred rows by keyset as the view scrolls. Live updates re-read one conversation
/// (refreshConversation()) and insert, move, update or remove just that row.
class ConversationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UrnRole,
        SchemeRole,
        ContactRole,
        KnownContactRole,
        PreviewRole,
        DirectionRole,
        LastActivityRole,
        UnreadRole,
        AssigneeRole,
        AssigneeNameRole,
        StatusRole,
        OptedOutRole,
        FacilityRole,
        /// The source the person wrote through (its name): with the channel icon, what tells two
        /// conversations of one person apart.
        SourceNameRole,
        /// "SMS · RapidPro Liberia": channelText() of the row.
        ChannelRole,
    };

    /// "SMS", "WhatsApp", "Messenger", "Telegram": the channel of an address scheme.
    [[nodiscard]] static QString channelLabel(const QString& scheme);
    /// The channel and the source a conversation goes through ("SMS · RapidPro Liberia"): a
    /// person who wrote by SMS and by WhatsApp, or to two numbers, has a conversation on each,
    /// and this is what tells them apart in the queue and the thread's header.
    [[nodiscard]] static QString channelText(const QString& scheme, const QString& source);

    /// @p me: the signed-in role name (decides the Mine queue).
    ConversationListModel(Database& database, const QString& me, QObject* parent = nullptr);

    void setView(messaging::QueueView view);
    [[nodiscard]] messaging::QueueView view() const { return m_view; }
    void setPageSize(int rows) { m_pageSize = rows; }
    void reload();
    /// Re-reads conversation @p id and puts it where it now belongs in this queue (or takes it out).
    void refreshConversation(qint64 id);

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] const messaging::ConversationRow& conversation(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString& message);
    /// Every re-read conversation, whether or not it belongs to this queue (notifications).
    void conversationRefreshed(const mhero::messaging::ConversationRow& row);
    /// A conversation that was re-read no longer exists.
    void conversationGone(qint64 id);
    /// Around a live update's row moves: views keep their selection on the same conversation
    /// rather than following the row that slid under it.
    void liveUpdateStarted();
    void liveUpdateFinished();

private:
    void onPage(int generation, const Result<messaging::QueuePage>& page);
    void onRefreshed(qint64 id, const std::optional<messaging::ConversationRow>& row);
    int insertPosition(const messaging::ConversationRow& row) const;

    Database& m_database;
    QString m_me;
    messaging::QueueView m_view = messaging::QueueView::Unassigned;
    QList<messaging::ConversationRow> m_rows;
    std::optional<messaging::QueueCursor> m_next;
    QHash<qint64, int> m_refreshSerial; ///< drops a re-read overtaken by a newer one
    int m_pageSize = 100;
    int m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace mhero::ui
