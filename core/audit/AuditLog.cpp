#include "audit/AuditLog.h"

#include "db/Sql.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QVariant>

namespace mhero {

QStringList AuditEntry::changedFields() const
{
    QSet<QString> keys;
    for (auto it = before.begin(); it != before.end(); ++it)
        keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
        keys.insert(it.key());
    QStringList changed;
    for (const QString& key : std::as_const(keys))
        if (before.value(key) != after.value(key))
            changed.append(key);
    changed.sort();
    return changed;
}

namespace {
/// Newest first, with ids below @p beforeId or above @p afterId when given.
Result<QList<AuditEntry>> fetchAudit(QSqlDatabase& db, const QString& text, std::optional<qint64> beforeId,
                                     std::optional<qint64> afterId, int limit)
{
    const QString pattern = text.trimmed().isEmpty() ? QString()
                                                     : QLatin1Char('%')
            + QString(text.trimmed())
                  .replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                  .replace(QLatin1Char('%'), QLatin1String("\\%"))
                  .replace(QLatin1Char('_'), QLatin1String("\\_"))
            + QLatin1Char('%');
    auto query = sql::exec(db, QStringLiteral(R"(
        SELECT a.id, a.at, a.actor, u.display_name, a.action, a.table_name, a.row_key,
               a.before::text, a.after::text, a.application
        FROM mhero.audit_log a
        LEFT JOIN mhero.app_user u ON u.role_name = a.actor
        WHERE (?::bigint IS NULL OR a.id < ?::bigint)
          AND (?::bigint IS NULL OR a.id > ?::bigint)
          AND (?::text IS NULL OR a.actor ILIKE ? OR u.display_name ILIKE ? OR a.table_name ILIKE ?
               OR a.row_key ILIKE ? OR a.action ILIKE ?)
        ORDER BY a.id DESC
        LIMIT ?)"),
                           {beforeId ? QVariant(*beforeId) : QVariant(QMetaType(QMetaType::LongLong)),
                            beforeId ? QVariant(*beforeId) : QVariant(QMetaType(QMetaType::LongLong)),
                            afterId ? QVariant(*afterId) : QVariant(QMetaType(QMetaType::LongLong)),
                            afterId ? QVariant(*afterId) : QVariant(QMetaType(QMetaType::LongLong)),
                            pattern.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(pattern), pattern,
                            pattern, pattern, pattern, pattern, limit});
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.at = query->value(1).toDateTime();
        entry.actor = query->value(2).toString();
        entry.actorName = query->value(3).toString();
        entry.action = query->value(4).toString();
        entry.tableName = query->value(5).toString();
        entry.rowKey = query->value(6).toString();
        entry.before = QJsonDocument::fromJson(query->value(7).toString().toUtf8()).object();
        entry.after = QJsonDocument::fromJson(query->value(8).toString().toUtf8()).object();
        entry.application = query->value(9).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace

Result<QList<AuditEntry>> fetchAuditPage(QSqlDatabase& db, const QString& text, std::optional<qint64> beforeId,
                                         int limit)
{
    return fetchAudit(db, text, beforeId, std::nullopt, limit);
}

Result<QList<AuditEntry>> fetchAuditSince(QSqlDatabase& db, const QString& text, qint64 afterId, int limit)
{
    return fetchAudit(db, text, std::nullopt, afterId, limit);
}

} // namespace mhero
