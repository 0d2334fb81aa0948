#pragma once

#include "Result.h"
#include "sources/DirectoryStore.h"
#include "sources/SourceAdapter.h"
#include "sources/fhir/FhirSource.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QThread>
#include <QUrl>

#include <memory>

namespace mhero::fhir {

class FhirClient;

/// The FHIR source adapter (sources::SourceAdapter): one incremental sync of one FHIR source,
/// as an asynchronous sequence of passes:
///
/// 1. deletions — `Type/_history?_since=<last run>`; DELETE entries make rows inactive (skipped on
///    the first run, which reads everything anyway);
/// 2. iHRIS job and cadre CodeSystems;
/// 3. Locations and Organizations, then Practitioners (with `_revinclude` of their roles), then
///    PractitionerRoles changed on their own, then Patients — each a search sorted by
///    `_lastUpdated`, from the stored cursor (`_lastUpdated=ge…`), following `next` links.
///
/// A `next` link back to a page the pass already asked for stops the run with an error at once,
/// and so does reading more than the source's maxPages pages in one run: a broken server cannot
/// keep the sync looping.
///
/// Every page is one transaction that also advances the pass's cursor, so a failure loses nothing
/// and the next run resumes after the last good page. The next page is requested before the
/// current one is written, and it is downloaded and parsed on a reader thread of this object's
/// own, so downloading, parsing and writing overlap.
///
/// Writes on the thread it lives in, with a connection of that thread (blocking writes: use the
/// sync engine's thread or a command-line tool, never the GUI thread).
class FhirSync final : public sources::SourceAdapter
{
    Q_OBJECT
public:
    FhirSync(QSqlDatabase& db, FhirSource source, QObject* parent = nullptr);
    ~FhirSync() override;

    void start() override;
    /// For settings (timeouts, backoff; include sources/fhir/FhirClient.h) before start(); from then
    /// on it lives on the reader thread.
    [[nodiscard]] FhirClient& client() { return *m_client; }

private:
    struct Pass;
    struct Fetched;
    void planPasses();
    void startPass();
    void fetch(const QUrl& url);
    void onPage(const QUrl& url, Fetched fetched);
    void endPass();
    void finish(std::optional<Error> error);
    QString runStartCursor() const;
    [[nodiscard]] Error tooManyPages(const QUrl& url) const;

    QSqlDatabase& m_db;
    FhirSource m_source;
    QThread m_readerThread; ///< downloads and parses the pages (m_client lives there once started)
    std::unique_ptr<FhirClient> m_client;
    int m_retries = 0; ///< m_client->retries() as of the last page it delivered
    sources::DirectoryStore m_store;
    QList<Pass> m_passes;
    qsizetype m_current = -1;
    sources::SyncReport m_report;
    QElapsedTimer m_timer;
    QDateTime m_runStart;
    bool m_done = false;
    QStringList m_firstRunJobs; ///< cursors to start at this run's start
    bool m_clockKnown = false;
    bool m_serverClock = false; ///< m_runStart comes from the server's Date header
    bool m_changed = false;
    // per pass
    QString m_cursor; ///< cursor the pass started from
    QDateTime m_passMax; ///< newest lastUpdated of the pass's own resources so far
    bool m_sorted = true; ///< pages have come in _lastUpdated order so far
    int m_passPages = 0;
    QSet<QString> m_passSeen; ///< URLs of the pages this pass has asked for: a next link back to one is a loop
    int m_passResources = 0;
    QElapsedTimer m_idle; ///< since the last page was written: time spent waiting for the next one
    qint64 m_parseUs = 0;
    qint64 m_waitUs = 0;
};

} // namespace mhero::fhir
