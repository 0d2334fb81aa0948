#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

class QSqlDatabase;

/// What IT does to the sources (rows of mhero.source, of every kind) beyond adding them: their
/// URL, their secret's state, their last sync. Adding a source is its kind's business
/// (rapidpro::addRapidProSource, fhir::addFhirSource); running its jobs is the engine's.
namespace mhero::sourceadmin {

/// A source as `mhero-admin source list` shows it.
struct SourceListing
{
    enum class Secret {
        None, ///< none stored (a source without authentication, or not entered yet)
        Sealed, ///< sealed to the engine key keyId, sent only to origin
        MustReenter, ///< invalidated (invalidReason): nothing is sent until it is entered again
    };

    QString name;
    QString kind;
    QString baseUrl;
    bool enabled = true;
    QDateTime lastSuccess; ///< of its main job (inbound messages, or the directory); invalid: never
    QString lastError; ///< of that job; empty when it last succeeded
    Secret secret = Secret::None;
    /// False when the signed-in role may not read the secrets' state (supervisors): then
    /// secret, keyId, origin and invalidReason say nothing.
    bool secretKnown = true;
    QString keyId;
    QString origin;
    QString invalidReason; ///< url_changed, upgrade, key_replaced, …
};

/// Every source, by name. Administrators (and the engine) may read the secrets' state; it never
/// holds a secret. Others who may read the sources (supervisors) get them without it
/// (SourceListing::secretKnown false) rather than a refusal.
[[nodiscard]] Result<QList<SourceListing>> listSources(QSqlDatabase& db);

/// Why a secret must be entered again, in words, for an invalid_reason of mhero.source_secret.
[[nodiscard]] QString invalidReasonText(const QString& reason);

/// The URL of source @p name: a secret entered again is sealed for its origin. Fails with
/// "no-source" when there is none of that name.
[[nodiscard]] Result<QUrl> sourceUrl(QSqlDatabase& db, const QString& name);

/// Points source @p name at @p url (http or https). The database then invalidates the source's
/// secret, whoever changes the URL (a secret is sent only where it was entered for); returns
/// whether the source has a secret that must now be entered again.
[[nodiscard]] Result<bool> setSourceUrl(QSqlDatabase& db, const QString& name, const QUrl& url);

/// The kind of source @p name (fhir, rapidpro, …): which jobs it has. Fails with "no-source".
[[nodiscard]] Result<QString> sourceKind(QSqlDatabase& db, const QString& name);

/// The session-level advisory lock a sync engine holds while it runs a channel source's jobs
/// (engine/ChannelSyncService.cpp takes the same key): whoever holds it is the only one who
/// polls the source and sends its outbox, so a run by hand never races a running engine.
/// Released when this object goes (or the session ends).
class ChannelSourceLock final
{
public:
    /// Takes the lock of source @p sourceId on @p db if nobody holds it; held() then says
    /// whether it was free. @p db must outlive the lock.
    static Result<ChannelSourceLock> tryTake(QSqlDatabase& db, int sourceId);

    ChannelSourceLock(ChannelSourceLock&& other) noexcept;
    ChannelSourceLock& operator=(ChannelSourceLock&& other) noexcept;
    ChannelSourceLock(const ChannelSourceLock&) = delete;
    ChannelSourceLock& operator=(const ChannelSourceLock&) = delete;
    ~ChannelSourceLock();

    [[nodiscard]] bool held() const { return m_db != nullptr; }

private:
    ChannelSourceLock() = default;
    void release();

    QSqlDatabase* m_db = nullptr;
    int m_sourceId = 0;
};

} // namespace mhero::sourceadmin
