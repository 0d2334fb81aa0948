#include "sources/fhir/FhirSync.h"

#include "sources/fhir/FhirClient.h"
#include "sources/fhir/FhirPage.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "mhero.sync")

namespace mhero::fhir {

namespace {
QString pageKey(const QUrl& url)
{
    return url.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}
} // namespace

struct FhirSync::Pass
{
    enum class Mode { Search, History, Codes };
    Mode mode = Mode::Search;
    QString job; ///< sync_state job name holding this pass's cursor (empty: no cursor)
    QString resourceType; ///< the pass's own resources (included ones do not move the cursor)
    QUrl url; ///< first page
    bool skip = false; ///< first run: nothing to do, only store the cursor at the end
    bool fromRunStart = false; ///< first run: search from the run's start (known once the server answered)
    QString endCursor; ///< cursor stored when the pass ends (history passes, skipped passes)
};

/// A page as the reader thread hands it over: parsed, or why not.
struct FhirSync::Fetched
{
    std::optional<Error> fetchError; ///< the request failed (HTTP status, network, timeout)
    Result<Page> page = Page{};
    QDateTime serverTime; ///< the client's lastServerTime() after this answer
    int retries = 0; ///< the client's retries() after this answer
    qint64 parseUs = 0;
};

FhirSync::FhirSync(QSqlDatabase& db, FhirSource source, QObject* parent)
    : SourceAdapter(parent)
    , m_db(db)
    , m_source(std::move(source))
    , m_client(std::make_unique<FhirClient>(m_source.baseUrl, m_source.credentials))
    , m_store(db)
{
    m_report.source = m_source.name;
    m_readerThread.setObjectName(QStringLiteral("fhir-sync-reader"));
}

FhirSync::~FhirSync()
{
    if (m_readerThread.isRunning()) {
        // Deleted on its own thread, which deletes it as it ends (with any reply in flight).
        m_client.release()->deleteLater();
        m_readerThread.quit();
        m_readerThread.wait();
    }
}

QString FhirSync::runStartCursor() const
{
    // The server's clock when the run began (HTTP Date, whole seconds), a little earlier for
    // safety: what changes while this run reads is read again next time rather than missed.
    return formatInstant(m_runStart.addSecs(m_serverClock ? -2 : -300));
}

void FhirSync::start()
{
    m_timer.start();
    if (m_source.secretError) {
        // Credentials that cannot be used (not entered again since the URL changed, sealed for
        // another origin…): no request at all, and the source says why.
        m_done = true;
        m_report.error = m_source.secretError;
        (void)m_store.recordRun(m_source.id, QStringLiteral("directory"), m_report.error->toString());
        QMetaObject::invokeMethod(
            this, [this]() { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
        return;
    }
    m_runStart = QDateTime::currentDateTimeUtc();
    if (!m_readerThread.isRunning()) {
        m_client->moveToThread(&m_readerThread);
        m_readerThread.start();
    }
    planPasses();
    if (m_done)
        return;
    // A first sync into an empty directory builds the search indexes once, at the end (finish());
    // any other run first rebuilds those an interrupted first sync left missing.
    if (m_firstRunJobs.contains(QStringLiteral("deletions"))) {
        if (auto deferred = m_store.deferIndexes(); !deferred) {
            finish(deferred.error());
            return;
        }
    } else if (Status restored = m_store.restoreIndexes(); !restored) {
        finish(restored.error());
        return;
    }
    startPass();
}

void FhirSync::planPasses()
{
    const auto cursorOf = [this](const QString& job) -> std::optional<QString> {
        auto cursor = m_store.cursor(m_source.id, job);
        if (!cursor) {
            finish(cursor.error());
            return std::nullopt;
        }
        return *cursor;
    };
    const QString count = QString::number(m_source.pageSize);
    const bool ihris = m_source.kind == SourceKind::Ihris;
    const bool openmrs = m_source.kind == SourceKind::OpenMrs;

    QStringList types;
    if (!openmrs)
        types << QStringLiteral("Location") << QStringLiteral("Organization") << QStringLiteral("Practitioner")
              << QStringLiteral("PractitionerRole");
    if (m_source.patients)
        types << QStringLiteral("Patient");

    // First run: everything is read, so deletions and role changes only matter from the run's
    // start (the server's clock, from its first answer: see onPage()).
    const auto startCursor = [&](const QString& job) -> std::optional<QString> {
        auto cursor = cursorOf(job);
        if (cursor && cursor->isEmpty())
            m_firstRunJobs.append(job);
        return cursor;
    };

    // 1. Deletions since the last run.
    const auto deletions = startCursor(QStringLiteral("deletions"));
    if (!deletions)
        return;
    for (const QString& type : std::as_const(types)) {
        Pass pass;
        pass.mode = Pass::Mode::History;
        pass.resourceType = type;
        pass.skip = deletions->isEmpty();
        pass.url
            = m_client->searchUrl(type + QLatin1String("/_history"),
                                  QUrlQuery{{QStringLiteral("_since"), *deletions}, {QStringLiteral("_count"), count}});
        m_passes.append(pass);
    }
    m_passes.last().job = QStringLiteral("deletions"); // stored once every history pass is done

    // 2. iHRIS codes.
    if (ihris) {
        for (QLatin1StringView system : {kIhrisCadreSystem, kIhrisJobSystem}) {
            Pass pass;
            pass.mode = Pass::Mode::Codes;
            pass.resourceType = QStringLiteral("CodeSystem");
            pass.url = m_client->searchUrl(QStringLiteral("CodeSystem"), QUrlQuery{{QStringLiteral("url"), system}});
            m_passes.append(pass);
        }
    }

    // 3. Searches from their cursors.
    const auto search = [&](const QString& type, const QString& job, QUrlQuery extra) -> bool {
        const auto cursor = cursorOf(job);
        if (!cursor)
            return false;
        Pass pass;
        pass.job = job;
        pass.resourceType = type;
        QUrlQuery query = std::move(extra);
        query.addQueryItem(QStringLiteral("_sort"), QStringLiteral("_lastUpdated"));
        query.addQueryItem(QStringLiteral("_count"), count);
        if (!cursor->isEmpty())
            query.addQueryItem(QStringLiteral("_lastUpdated"), QLatin1String("ge") + *cursor);
        pass.url = m_client->searchUrl(type, query);
        m_passes.append(pass);
        return true;
    };
    if (!openmrs) {
        if (!search(QStringLiteral("Location"), QStringLiteral("locations"), {})
            || !search(QStringLiteral("Organization"), QStringLiteral("organizations"), {})
            || !search(QStringLiteral("Practitioner"), QStringLiteral("practitioners"),
                       QUrlQuery{{QStringLiteral("_revinclude"), QStringLiteral("PractitionerRole:practitioner")}}))
            return;
        // Roles that changed without their practitioner. On the first run the Practitioner pass
        // brings every role along, so this pass starts from the run's start.
        const auto practitioners = m_store.cursor(m_source.id, QStringLiteral("practitioners"));
        if (!practitioners) {
            finish(practitioners.error());
            return;
        }
        if (practitioners->isEmpty() && !startCursor(QStringLiteral("roles")))
            return;
        if (!search(QStringLiteral("PractitionerRole"), QStringLiteral("roles"), {}))
            return;
        m_passes.last().fromRunStart = m_firstRunJobs.contains(QStringLiteral("roles"));
    }
    if (m_source.patients && !search(QStringLiteral("Patient"), QStringLiteral("patients"), {}))
        return;
}

void FhirSync::startPass()
{
    ++m_current;
    if (m_current >= m_passes.size()) {
        finish(std::nullopt);
        return;
    }
    Pass& pass = m_passes[m_current];
    m_passMax = {};
    m_sorted = true;
    m_passPages = 0;
    m_passResources = 0;
    m_passSeen.clear();
    if (pass.skip) {
        endPass();
        return;
    }
    if (pass.fromRunStart) {
        QUrlQuery query(pass.url);
        query.addQueryItem(QStringLiteral("_lastUpdated"), QLatin1String("ge") + runStartCursor());
        pass.url.setQuery(query);
    }
    if (m_report.pages >= m_source.maxPages) {
        finish(tooManyPages(pass.url));
        return;
    }
    qCDebug(lcSync).noquote() << m_source.name << "pass" << pass.url.toString();
    m_passSeen.insert(pageKey(pass.url));
    fetch(pass.url);
}

Error FhirSync::tooManyPages(const QUrl& url) const
{
    return Error{QStringLiteral("fhir-too-many-pages"),
                 tr("The sync of %1 stopped after %2 pages, the most one run may read (max_pages_per_run of the "
                    "source); the next run continues from there.")
                     .arg(m_source.name)
                     .arg(m_source.maxPages),
                 url.toString()};
}

void FhirSync::fetch(const QUrl& url)
{
    // Downloaded and parsed on the reader thread while this thread writes the previous page; the
    // parsed page comes back through this thread's event loop.
    const qsizetype passIndex = m_current;
    ParseOptions options;
    options.defaultRegion = m_source.region;
    options.kind = m_source.kind;
    FhirClient* client = m_client.get();
    QMetaObject::invokeMethod(client, [this, client, url, passIndex, options]() {
        client->get(url, [this, client, url, passIndex, options](Result<QByteArray> body) {
            Fetched fetched;
            if (body) {
                QElapsedTimer parseTimer;
                parseTimer.start();
                fetched.page = parsePage(*body, options);
                fetched.parseUs = parseTimer.nsecsElapsed() / 1000;
            } else {
                fetched.fetchError = body.error();
            }
            fetched.serverTime = client->lastServerTime();
            fetched.retries = client->retries();
            QMetaObject::invokeMethod(
                this,
                [this, url, passIndex, fetched = std::move(fetched)]() mutable {
                    m_retries = fetched.retries;
                    if (m_done || passIndex != m_current)
                        return;
                    onPage(url, std::move(fetched));
                },
                Qt::QueuedConnection);
        });
    });
}

void FhirSync::onPage(const QUrl& url, Fetched fetched)
{
    Pass& pass = m_passes[m_current];
    if (!m_clockKnown) {
        // The server's clock from its first answer (HTTP Date), else ours with a wide margin.
        m_clockKnown = true;
        if (fetched.serverTime.isValid()) {
            m_runStart = fetched.serverTime;
            m_serverClock = true;
        }
        // A first run: from now on deletions and role changes are followed by cursor.
        for (const QString& job : std::as_const(m_firstRunJobs)) {
            if (auto stored = m_store.apply(m_source.id, Page{}, job, runStartCursor()); !stored) {
                finish(stored.error());
                return;
            }
        }
    }
    if (fetched.fetchError) {
        // A server without type-level history cannot report deletions: say so, go on.
        const Error& error = *fetched.fetchError;
        const QString code = error.code;
        if (pass.mode == Pass::Mode::History
            && (code == QLatin1String("http-400") || code == QLatin1String("http-404")
                || code == QLatin1String("http-405") || code == QLatin1String("http-501"))) {
            m_report.problems.append(tr("%1 does not offer %2/_history, so deleted %2 resources are not "
                                        "detected: %3")
                                         .arg(m_source.name, pass.resourceType, error.detail));
            endPass();
            return;
        }
        finish(error);
        return;
    }
    if (m_idle.isValid())
        m_waitUs += m_idle.nsecsElapsed() / 1000;
    m_parseUs += fetched.parseUs;
    auto& parsed = fetched.page;
    if (!parsed) {
        Error error = parsed.error();
        error.detail = url.toString() + (error.detail.isEmpty() ? QString() : QLatin1String(": ") + error.detail);
        finish(error);
        return;
    }
    Page page = std::move(parsed.value());
    for (const QString& problem : std::as_const(page.problems))
        m_report.problems.append(tr("%1: %2").arg(url.toString(), problem));

    if (pass.mode == Pass::Mode::History) {
        // Older versions of resources are history, not the present: only deletions count here.
        page.people.clear();
        page.roles.clear();
        page.places.clear();
        page.jobs.clear();
    }

    // Where the pass's own resources reached; included ones (roles with practitioners) do not count.
    QDateTime pageMin;
    QDateTime pageMax;
    const auto note = [&](const QString& type, const QDateTime& t) {
        if (type != pass.resourceType || !t.isValid())
            return;
        if (!pageMin.isValid() || t < pageMin)
            pageMin = t;
        if (!pageMax.isValid() || t > pageMax)
            pageMax = t;
    };
    for (const auto& p : std::as_const(page.people))
        note(p.resourceType, p.lastUpdated);
    for (const auto& r : std::as_const(page.roles))
        note(QStringLiteral("PractitionerRole"), r.lastUpdated);
    for (const auto& p : std::as_const(page.places))
        note(p.resourceType, p.lastUpdated);
    if (pageMin.isValid() && m_passMax.isValid() && pageMin < m_passMax)
        m_sorted = false; // the server ignores _sort: the cursor may only move at the end
    if (pageMax.isValid() && (!m_passMax.isValid() || pageMax > m_passMax))
        m_passMax = pageMax;

    // Ask for the next page now; it downloads while this one is written. A link back to a page
    // already asked for, or one page too many, ends the run here; this page is still written.
    QUrl next = page.next;
    std::optional<Error> stop;
    if (!next.isEmpty() && m_passSeen.contains(pageKey(next))) {
        stop = Error{QStringLiteral("fhir-next-loop"),
                     tr("%1 sent a next link back to a page already read; the sync stopped so that it cannot "
                        "loop. The FHIR server (or a proxy in front of it) needs attention.")
                         .arg(m_source.name),
                     next.toString()};
        next.clear();
    } else if (!next.isEmpty() && m_report.pages + 1 >= m_source.maxPages) {
        stop = tooManyPages(next);
        next.clear();
    }
    if (!next.isEmpty()) {
        m_passSeen.insert(pageKey(next));
        fetch(next);
    }

    std::optional<QString> cursor;
    if (pass.mode == Pass::Mode::Search && m_sorted && m_passMax.isValid())
        cursor = formatInstant(m_passMax);
    auto applied = m_store.apply(m_source.id, page, pass.job, pass.job.isEmpty() ? std::nullopt : cursor);
    if (!applied) {
        finish(applied.error());
        return;
    }
    ++m_report.pages;
    ++m_passPages;
    m_report.people += applied->people;
    m_report.roles += applied->roles;
    m_report.places += applied->places;
    m_report.codes += applied->codes;
    m_report.deleted += applied->deleted;
    m_report.invalidPhones += applied->invalidPhones;
    m_passResources += page.entryCount;
    if (page.entryCount > 0 || !page.deleted.isEmpty())
        m_changed = true;
    Q_EMIT progress(pass.resourceType, m_passPages, m_passResources);
    m_idle.start();
    if (stop)
        finish(std::move(stop));
    else if (next.isEmpty())
        endPass();
}

void FhirSync::endPass()
{
    const Pass& pass = m_passes[m_current];
    std::optional<QString> cursor;
    if (pass.mode == Pass::Mode::History && !pass.job.isEmpty() && !pass.skip)
        cursor = runStartCursor();
    else if (pass.mode == Pass::Mode::Search && !m_sorted && m_passMax.isValid())
        cursor = formatInstant(m_passMax);
    if (cursor) {
        auto stored = m_store.apply(m_source.id, Page{}, pass.job, cursor);
        if (!stored) {
            finish(stored.error());
            return;
        }
    }
    startPass();
}

void FhirSync::finish(std::optional<Error> error)
{
    if (m_done)
        return;
    m_done = true;
    m_report.error = std::move(error);
    m_report.retries = m_retries;
    // Also after a failed run: the search should not stay without its indexes until the next one.
    if (Status status = m_store.restoreIndexes(); !status && !m_report.error)
        m_report.error = status.error();
    if (Status status = m_store.finishRun(); !status && !m_report.error)
        m_report.error = status.error();
    if (m_changed) {
        if (Status status = m_store.refreshFacets(); !status && !m_report.error)
            m_report.error = status.error();
    }
    (void)m_store.recordRun(m_source.id, QStringLiteral("directory"),
                            m_report.error ? m_report.error->toString() : QString());
    m_report.elapsedMs = m_timer.elapsed();
    m_report.phaseMicroseconds = m_store.phaseMicroseconds();
    m_report.phaseMicroseconds.insert(QStringLiteral("parse (reader thread, overlaps the writes)"), m_parseUs);
    m_report.phaseMicroseconds.insert(QStringLiteral("waiting for the next page"), m_waitUs);
    // Queued: the caller may delete this object from its slot.
    QMetaObject::invokeMethod(
        this, [this]() { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

} // namespace mhero::fhir
