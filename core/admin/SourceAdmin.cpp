#include "admin/SourceAdmin.h"

#include "db/Sql.h"
#include "secrets/SealedSecrets.h"

#include <QCoreApplication>

#include <utility>

namespace mhero::sourceadmin {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::sourceadmin", text);
}

Error noSource(const QString& name)
{
    return Error{QStringLiteral("no-source"), tr("There is no source named \"%1\".").arg(name), {}};
}

QString lockName(int sourceId)
{
    return QStringLiteral("mhero.sync.channel.%1").arg(sourceId);
}
} // namespace

Result<QList<SourceListing>> listSources(QSqlDatabase& db)
{
    // PostgreSQL checks privileges on every table a statement names, so a role that may not read
    // the secrets' state asks without them.
    auto secretsReadable
        = sql::scalar(db, QStringLiteral("SELECT has_any_column_privilege('mhero.source_secret', 'SELECT')"));
    if (!secretsReadable)
        return secretsReadable.error();
    const bool secretKnown = secretsReadable->toBool();
    // The job whose last run says whether a source works: a channel's inbound messages, else the
    // directory.
    const QString secretColumns = secretKnown
        ? QStringLiteral("k.source_id IS NOT NULL, coalesce(k.key_id, ''), coalesce(k.origin, ''), "
                         "coalesce(k.invalid_reason, '') ")
        : QStringLiteral("false, '', '', '' ");
    const QString secretJoin
        = secretKnown ? QStringLiteral("LEFT JOIN mhero.source_secret k ON k.source_id = s.id ") : QString();
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.name, s.kind, coalesce(s.base_url, ''), s.enabled, "
                                          "st.last_success_at, coalesce(st.last_error, ''), ")
                               + secretColumns
                               + QStringLiteral("FROM mhero.source s LEFT JOIN mhero.sync_state st "
                                                "ON st.source_id = s.id "
                                                "AND st.job = CASE s.kind WHEN 'rapidpro' THEN 'messages_in' "
                                                "ELSE 'directory' END ")
                               + secretJoin + QStringLiteral("ORDER BY s.name"));
    if (!query)
        return query.error();
    QList<SourceListing> sources;
    while (query->next()) {
        SourceListing s;
        s.name = query->value(0).toString();
        s.kind = query->value(1).toString();
        s.baseUrl = query->value(2).toString();
        s.enabled = query->value(3).toBool();
        s.lastSuccess = query->value(4).toDateTime();
        s.lastError = query->value(5).toString();
        s.keyId = query->value(7).toString();
        s.origin = query->value(8).toString();
        s.invalidReason = query->value(9).toString();
        s.secretKnown = secretKnown;
        if (!query->value(6).toBool())
            s.secret = SourceListing::Secret::None;
        else if (!s.invalidReason.isEmpty())
            s.secret = SourceListing::Secret::MustReenter;
        else
            s.secret = SourceListing::Secret::Sealed;
        sources.append(s);
    }
    return sources;
}

QString invalidReasonText(const QString& reason)
{
    if (reason == QLatin1String("url_changed"))
        return tr("the URL changed");
    if (reason == QLatin1String("upgrade"))
        return tr("stored before secrets were sealed");
    if (reason == QLatin1String("key_replaced"))
        return tr("the engine key was replaced");
    return reason;
}

Result<QUrl> sourceUrl(QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db, QStringLiteral("SELECT base_url FROM mhero.source WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return noSource(name);
    return QUrl(query->value(0).toString());
}

Result<bool> setSourceUrl(QSqlDatabase& db, const QString& name, const QUrl& url)
{
    if (secrets::originOf(url).isEmpty())
        return Error{QStringLiteral("invalid-url"), tr("The server address must be an http:// or https:// URL."),
                     url.toString()};
    // The trigger on mhero.source (migration 12) invalidates the secret in the same statement,
    // whoever changes the URL; this only reads what it did.
    auto updated = sql::exec(db,
                             QStringLiteral("UPDATE mhero.source SET base_url = ?, updated_at = now() "
                                            "WHERE name = ? RETURNING id"),
                             {url.toString(), name});
    if (!updated)
        return updated.error();
    if (!updated->next())
        return noSource(name);
    auto invalid = sql::exec(db, QStringLiteral("SELECT invalid_reason FROM mhero.source_secret WHERE source_id = ?"),
                             {updated->value(0)});
    if (!invalid)
        return invalid.error();
    return invalid->next() && !invalid->value(0).isNull();
}

Result<QString> sourceKind(QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db, QStringLiteral("SELECT kind FROM mhero.source WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return noSource(name);
    return query->value(0).toString();
}

Result<ChannelSourceLock> ChannelSourceLock::tryTake(QSqlDatabase& db, int sourceId)
{
    auto locked
        = sql::scalar(db, QStringLiteral("SELECT pg_try_advisory_lock(hashtextextended(?, 0))"), {lockName(sourceId)});
    if (!locked)
        return locked.error();
    ChannelSourceLock lock;
    if (locked->toBool()) {
        lock.m_db = &db;
        lock.m_sourceId = sourceId;
    }
    return lock;
}

ChannelSourceLock::ChannelSourceLock(ChannelSourceLock&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_sourceId(other.m_sourceId)
{ }

ChannelSourceLock& ChannelSourceLock::operator=(ChannelSourceLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_db = std::exchange(other.m_db, nullptr);
        m_sourceId = other.m_sourceId;
    }
    return *this;
}

ChannelSourceLock::~ChannelSourceLock()
{
    release();
}

void ChannelSourceLock::release()
{
    if (!m_db)
        return;
    // A failure here leaves the lock to the end of the session, which is soon (mhero-admin).
    (void)sql::scalar(*m_db, QStringLiteral("SELECT pg_advisory_unlock(hashtextextended(?, 0))"),
                      {lockName(m_sourceId)});
    m_db = nullptr;
}

} // namespace mhero::sourceadmin
