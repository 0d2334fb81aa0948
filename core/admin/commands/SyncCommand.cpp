// mhero-admin sync --once [NAME]: every job of every enabled source (or of NAME) once, by hand.
#include "admin/commands/Command.h"

#include "Await.h"
#include "admin/SourceAdmin.h"
#include "channels/ChannelRegistry.h"
#include "channels/MediaFetcher.h"
#include "db/LocalCluster.h"
#include "secrets/SealedSecrets.h"
#include "sources/SyncProgress.h"
#include "sources/fhir/FhirSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTextStream>

namespace mhero::cli {

namespace {
/// What a channel's poll did, in the words of the lines IT (and scripts) read.
QString pollLabel(const QString& job)
{
    if (job == QLatin1String("inbound"))
        return QStringLiteral("new inbound messages");
    if (job == QLatin1String("statuses"))
        return QStringLiteral("delivery statuses changed");
    if (job == QLatin1String("contacts"))
        return QStringLiteral("contacts changed");
    return job + QLatin1String(" changed");
}

/// Runs each poll of one channel source once, in the order the source lists them, and its outbox
/// and its media fetcher once right after the inbound poll (replies to what just came in go out,
/// and its attachments are kept, before the slower polls), or after the polls for a platform
/// without one. Under the engine's lock: a running mhero-server that serves the source is left
/// to it.
int runChannelOnce(CommandContext& c, const channels::LoadedSource& source)
{
    const auto failed = [&c](const Error& error) {
        c.err << "error: " << error.toString() << "\n";
        return kFailed;
    };
    auto lock = sourceadmin::ChannelSourceLock::tryTake(*c.db, source.entry.id);
    if (!lock)
        return failed(lock.error());
    if (!lock->held()) {
        c.out << "\"" << source.entry.name << "\" is served by a running sync engine (mhero-server); skipped.\n";
        return kOk;
    }
    const auto url = sourceadmin::sourceUrl(*c.db, source.entry.name);
    c.out << "Syncing \"" << source.entry.name << "\" (" << source.entry.kind;
    if (url)
        c.out << " at " << url->toString();
    c.out << ") …\n";
    c.out.flush();
    const std::unique_ptr<channels::ChannelSource> channel
        = source.make(*c.db, QStringLiteral("mhero-admin:%1").arg(QCoreApplication::applicationPid()));

    int exitCode = kOk;
    const auto report = [&](const QString& what, const auto& result, const auto& describe) {
        if (result) {
            c.out << "  " << what << ": " << describe(*result) << "\n";
        } else {
            c.out << "  " << what << ": failed\n";
            failed(result.error());
            exitCode = kFailed;
        }
        c.out.flush();
    };
    const auto sendOutbox = [&] {
        report(QStringLiteral("outbox"), await<channels::SendReport>([&](auto done) { channel->sendOutbox(done); }),
               [](const channels::SendReport& r) {
                   return QStringLiteral("%1 sent, %2 found already sent, %3 to retry, %4 failed, %5 throttled")
                       .arg(r.sent)
                       .arg(r.adopted)
                       .arg(r.retrying)
                       .arg(r.failed)
                       .arg(r.throttled);
               });
    };
    channels::MediaFetcher media(channel->adapter(), source.entry.id, *c.db);
    const auto afterInbound = [&] {
        sendOutbox();
        report(QStringLiteral("media"), await<channels::MediaReport>([&](auto done) { media.run(done); }),
               [](const channels::MediaReport& r) {
                   return QStringLiteral("%1 stored, %2 too large, %3 to retry, %4 failed")
                       .arg(r.stored)
                       .arg(r.tooLarge)
                       .arg(r.retrying)
                       .arg(r.failed);
               });
    };
    bool inboundPolled = false;
    for (const channels::ChannelSource::Poll& poll : channel->polls()) {
        report(pollLabel(poll.job), await<int>([&](auto done) { channel->poll(poll.job, done); }),
               [](int n) { return QString::number(n); });
        if (poll.job == QLatin1String("inbound")) {
            afterInbound();
            inboundPolled = true;
        }
    }
    if (!inboundPolled)
        afterInbound();
    return exitCode;
}

/// Reads one FHIR source into the directory, saying how far it got as it goes.
int runFhirOnce(CommandContext& c, const fhir::FhirSource& source)
{
    c.out << "Syncing \"" << source.name << "\" from " << source.baseUrl.toString() << " …\n";
    c.out.flush();
    QEventLoop loop;
    sources::SyncReport report;
    const auto job = fhir::createSync(*c.db, source);
    sources::SyncProgress progress(*c.db, source.id);
    QObject::connect(job.get(), &sources::SourceAdapter::progress, &loop,
                     [&](const QString& pass, int pages, int resources) {
                         if (progress.report(pass, pages, resources)) {
                             c.out << "  " << pass << ": " << pages << " pages, " << resources << " resources so far\n";
                             c.out.flush();
                         }
                     });
    QObject::connect(job.get(), &sources::SourceAdapter::finished, &loop, [&](const sources::SyncReport& r) {
        progress.clear();
        report = r;
        loop.quit();
    });
    job->start();
    loop.exec();
    c.out << "  " << report.pages << " pages: " << report.people << " people, " << report.roles << " roles, "
          << report.places << " places, " << report.codes << " codes, " << report.deleted << " deleted, "
          << report.invalidPhones << " invalid phone numbers; " << report.retries << " retries; "
          << QString::number(report.elapsedMs / 1000.0, 'f', 1) << " s\n";
    for (const QString& problem : std::as_const(report.problems).mid(0, 20))
        c.out << "  warning: " << problem << "\n";
    if (report.problems.size() > 20)
        c.out << "  … and " << report.problems.size() - 20 << " more warnings\n";
    if (report.error) {
        c.fail(*report.error);
        return kFailed;
    }
    return kOk;
}

int syncOnce(CommandContext& c)
{
    if (!c.isSet(QStringLiteral("once"))) {
        c.err << "mhero-admin runs one sync with --once; the scheduled sync is mhero-server's job.\n";
        return kUsage;
    }
    // A named source is of one kind; without a name, every enabled source of every kind.
    const QString name = c.word(1);
    QString kind;
    if (!name.isEmpty()) {
        auto found = sourceadmin::sourceKind(*c.db, name);
        if (!found)
            return c.fail(found.error());
        kind = *found;
    }
    // The engine's key opens the secrets; without it, sources with secrets say why and fail.
    QString keyFile = c.value(QStringLiteral("engine-key"));
    if (keyFile.isEmpty() && qEnvironmentVariableIsEmpty("MHERO_ENGINE_KEY") && !c.databaseNamed
        && c.isSet(QStringLiteral("local")))
        keyFile = QDir(c.cluster.baseDir()).filePath(QStringLiteral("engine.key"));
    auto engineKey = secrets::loadEngineKey(*c.db, secrets::keyPath(keyFile), false);
    const secrets::EngineKey* key = engineKey ? &engineKey.value() : nullptr;
    const std::optional<Error> keyError = engineKey ? std::nullopt : std::optional<Error>(engineKey.error());

    int exitCode = kOk;
    for (const channels::ChannelKind& channelKind : channels::channelKinds()) {
        if (!kind.isEmpty() && channelKind.kind != kind)
            continue;
        auto sources = channelKind.load(*c.db, key, keyError);
        if (!sources)
            return c.fail(sources.error());
        bool named = false;
        for (const channels::LoadedSource& source : std::as_const(*sources)) {
            if (!name.isEmpty() && source.entry.name != name)
                continue;
            named = true;
            if (runChannelOnce(c, source) != kOk)
                exitCode = kFailed;
        }
        if (!name.isEmpty()) {
            if (!named) // the kind lists enabled sources only
                return c.fail(Error{QStringLiteral("source-disabled"),
                                    QStringLiteral("\"%1\" is disabled: only enabled sources are synced.").arg(name),
                                    {}});
            return exitCode;
        }
    }

    auto fhirSources = fhir::loadFhirSources(*c.db, name, key);
    if (!fhirSources)
        return c.fail(fhirSources.error());
    for (fhir::FhirSource& source : *fhirSources)
        if (!engineKey && source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
            source.secretError = engineKey.error(); // what IT needs to read
    if (fhirSources->isEmpty() && kind.isEmpty()) {
        c.out << "No FHIR sources are configured (mhero-admin source add fhir …).\n";
        return exitCode;
    }
    for (const fhir::FhirSource& source : std::as_const(*fhirSources))
        if (runFhirOnce(c, source) != kOk)
            exitCode = kFailed;
    return exitCode;
}
} // namespace

CommandGroup syncCommand()
{
    return {QLatin1StringView{
                "  sync --once [NAME]           Run every job of every enabled source (or of NAME) once: FHIR\n"
                "                               directory sync; RapidPro inbound messages, outbox, media,\n"
                "                               delivery statuses, contacts. Prints what each did. Opens the sources'\n"
                "                               secrets with the engine key file (--engine-key FILE, else\n"
                "                               MHERO_ENGINE_KEY, else the local cluster's with --local, else\n"
                "                               mhero/engine.key in the account's data folder).\n"},
            {QCommandLineOption(QStringLiteral("once"), QStringLiteral("sync: run once and exit.")),
             QCommandLineOption(QStringLiteral("engine-key"), QStringLiteral("sync: the sync engine's key file."),
                                QStringLiteral("file"))},
            {{QLatin1StringView("sync"), true, syncOnce}}};
}

} // namespace mhero::cli
