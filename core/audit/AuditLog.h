#pragma once

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace mhero {

/// One entry of the audit log: who did what to which row, with the row before and after.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor; ///< login role
    QString actorName; ///< display name, when the actor is an mHero user
    QString action; ///< insert, update, delete, or a named action such as set_secret
    QString tableName;
    QString rowKey;
    QJsonObject before;
    QJsonObject after;
    QString application;

    /// Fields whose value differs between before and after (all fields for insert/delete).
    [[nodiscard]] QStringList changedFields() const;
};

/// Reads the audit log newest first, a page at a time, by keyset (id), so that paging stays fast
/// however long the log grows. @p text filters on actor, table, key or action.
Result<QList<AuditEntry>> fetchAuditPage(QSqlDatabase& db, const QString& text, std::optional<qint64> beforeId,
                                         int limit);
/// The entries newer than @p afterId (the top row a page shows), newest first, at most @p limit,
/// with the same filter: what was written since, for a page that follows the log live.
Result<QList<AuditEntry>> fetchAuditSince(QSqlDatabase& db, const QString& text, qint64 afterId, int limit);

} // namespace mhero
