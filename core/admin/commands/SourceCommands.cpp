// mhero-admin source add|secret|set-url|list|quarantine: where the directory and the
// conversations come from, and the secrets that open them.
#include "admin/commands/Command.h"

#include "admin/SourceAdmin.h"
#include "channels/meta/MetaSource.h"
#include "channels/rapidpro/RapidProSource.h"
#include "messaging/Quarantine.h"
#include "secrets/SealedSecrets.h"
#include "sources/fhir/FhirSource.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace mhero::cli {

namespace {
constexpr const char* kUsageLine{"Usage: mhero-admin source add fhir|rapidpro NAME --url URL … | "
                                 "source add whatsapp|messenger NAME … | source secret NAME | "
                                 "source set-url NAME --url URL | source list | source quarantine NAME [--clear]\n"};

int addRapidPro(CommandContext& c)
{
    rapidpro::RapidProSource source;
    source.name = c.word(3);
    source.baseUrl = QUrl(c.value(QStringLiteral("url")));
    if (source.name.isEmpty() || !c.isSet(QStringLiteral("url")))
        return c.usage("Usage: mhero-admin source add rapidpro NAME --url URL [--region LR] [--secret-env VAR]\n");
    source.region = c.value(QStringLiteral("region")).toUpper();
    source.token = c.readSecret();
    if (Status status = rapidpro::addRapidProSource(*c.db, source); !status)
        return c.fail(status.error());
    c.out << "Added RapidPro source \"" << source.name << "\" (" << source.baseUrl.toString() << ").\n";
    return kOk;
}

/// The three secrets of a WhatsApp or Messenger source: three lines of stdin, or of the variable
/// named by --secret-env.
QStringList readMetaSecrets(CommandContext& c)
{
    QStringList lines;
    if (c.isSet(QStringLiteral("secret-env"))) {
        lines = qEnvironmentVariable(c.value(QStringLiteral("secret-env")).toLocal8Bit().constData())
                    .split(QLatin1Char('\n'));
    } else {
        for (int i = 0; i < 3; ++i)
            lines << c.in.readLine();
    }
    lines.resize(3);
    return lines;
}

/// WhatsApp (a Business number on the Cloud API) or Messenger (a Facebook Page): three secrets,
/// one per line on stdin (or in the --secret-env variable): the access token, the app secret,
/// the webhook verify token.
int addMeta(CommandContext& c, meta::MetaSource::Platform platform)
{
    const bool whatsapp = platform == meta::MetaSource::Platform::WhatsApp;
    meta::MetaSource source;
    source.platform = platform;
    source.name = c.word(3);
    source.graphUrl = QUrl(c.isSet(QStringLiteral("graph-url")) ? c.value(QStringLiteral("graph-url"))
                                                                 : QString(meta::kDefaultGraphUrl));
    source.phoneNumberId = c.value(QStringLiteral("phone-number-id"));
    source.businessAccountId = c.value(QStringLiteral("waba-id"));
    source.pageId = c.value(QStringLiteral("page-id"));
    source.region = c.value(QStringLiteral("region")).toUpper();
    if (source.name.isEmpty() || c.words.size() != 4
        || (whatsapp ? source.phoneNumberId.isEmpty() || source.businessAccountId.isEmpty() : source.pageId.isEmpty()))
        return c.usage(whatsapp ? "Usage: mhero-admin source add whatsapp NAME --phone-number-id ID --waba-id ID "
                                  "[--graph-url URL] [--region LR] [--secret-env VAR]\n"
                                : "Usage: mhero-admin source add messenger NAME --page-id ID [--graph-url URL] "
                                  "[--region LR] [--secret-env VAR]\n");
    const QStringList secrets = readMetaSecrets(c);
    source.accessToken = secrets.at(0).trimmed();
    source.appSecret = secrets.at(1).trimmed();
    source.verifyToken = secrets.at(2).trimmed();
    if (Status status = meta::addMetaSource(*c.db, source); !status)
        return c.fail(status.error());
    c.out << "Added " << (whatsapp ? "WhatsApp" : "Messenger") << " source \"" << source.name << "\" ("
          << source.graphUrl.toString() << "). Webhook: https://<your server>/webhooks/" << source.kind() << "/"
          << source.name << " (mhero-server --webhook-listen, docs/meta-channels.md).\n";
    return kOk;
}

int addFhir(CommandContext& c)
{
    fhir::FhirSource source;
    source.name = c.word(3);
    source.baseUrl = QUrl(c.value(QStringLiteral("url")));
    const auto kind = fhir::sourceKindFromString(c.value(QStringLiteral("kind")));
    const auto method = fhir::authMethodFromString(c.value(QStringLiteral("auth")));
    if (c.word(2) != QLatin1String("fhir") || source.name.isEmpty() || !c.isSet(QStringLiteral("url")) || !kind
        || !method)
        return c.usage("Usage: mhero-admin source add fhir NAME --url URL [--kind ihris|openmrs|generic] "
                       "[--auth none|basic|bearer] [--region LR] [--secret-env VAR] [--patients] [--page-size N]\n"
                       "       mhero-admin source add rapidpro NAME --url URL [--region LR] [--secret-env VAR]\n");
    source.kind = *kind;
    source.credentials.method = *method;
    source.region = c.value(QStringLiteral("region")).toUpper();
    source.patients = c.isSet(QStringLiteral("patients"));
    source.pageSize = c.value(QStringLiteral("page-size")).toInt();
    if (source.pageSize < 10 || source.pageSize > 5000)
        return c.usage("--page-size must be between 10 and 5000.\n");
    if (*method != fhir::Credentials::Method::None)
        source.credentials.secret = c.readSecret();
    if (Status status = fhir::addFhirSource(*c.db, source); !status)
        return c.fail(status.error());
    c.out << "Added FHIR source \"" << source.name << "\" (" << fhir::toString(source.kind) << ", "
          << source.baseUrl.toString() << ").\n";
    return kOk;
}

int secret(CommandContext& c)
{
    const QString name = c.word(2);
    if (name.isEmpty() || c.words.size() != 3)
        return c.usage("Usage: mhero-admin source secret NAME [--secret-env VAR]   (the secret is read from stdin)\n");
    // Sealed for the URL the source has now: it will be sent nowhere else.
    auto url = sourceadmin::sourceUrl(*c.db, name);
    if (!url)
        return c.fail(url.error());
    auto kind = sourceadmin::sourceKind(*c.db, name);
    if (!kind)
        return c.fail(kind.error());
    QString secret;
    if (*kind == QLatin1String("whatsapp") || *kind == QLatin1String("messenger")) {
        // Three secrets sealed together; all three must be given again.
        const QStringList lines = readMetaSecrets(c);
        meta::MetaSource check;
        secret = meta::packSecrets(lines.at(0), lines.at(1), lines.at(2));
        if (Status complete = meta::unpackSecrets(secret, check); !complete)
            return c.fail(complete.error());
    } else {
        secret = c.readSecret();
    }
    if (secret.isEmpty())
        return c.fail(Error{QStringLiteral("missing-secret"), QStringLiteral("No secret was given."), {}});
    if (Status status = secrets::storeSourceSecret(*c.db, name, *url, secret); !status)
        return c.fail(status.error());
    c.out << "Stored the secret of \"" << name << "\", sealed to the sync engine's key; it is sent only to "
          << secrets::originOf(*url) << ".\n";
    return kOk;
}

int setUrl(CommandContext& c)
{
    const QString name = c.word(2);
    const QUrl url(c.value(QStringLiteral("url")));
    if (name.isEmpty() || !c.isSet(QStringLiteral("url")) || c.words.size() != 3)
        return c.usage("Usage: mhero-admin source set-url NAME --url URL\n");
    auto mustReenter = sourceadmin::setSourceUrl(*c.db, name, url);
    if (!mustReenter)
        return c.fail(mustReenter.error());
    c.out << "\"" << name << "\" now points to " << url.toString() << ".\n";
    if (*mustReenter)
        c.out << "Its secret must be entered again: mhero-admin source secret " << name << "\n";
    return kOk;
}

QString describeSecret(const sourceadmin::SourceListing& s)
{
    switch (s.secret) {
    case sourceadmin::SourceListing::Secret::None:
        return {};
    case sourceadmin::SourceListing::Secret::MustReenter:
        return QStringLiteral("must be entered again (%1): mhero-admin source secret %2")
            .arg(sourceadmin::invalidReasonText(s.invalidReason), s.name);
    case sourceadmin::SourceListing::Secret::Sealed:
        return QStringLiteral("sealed to engine key %1, sent only to %2").arg(s.keyId, s.origin);
    }
    return {};
}

int list(CommandContext& c)
{
    auto sources = sourceadmin::listSources(*c.db);
    if (!sources)
        return c.fail(sources.error());
    c.out << qSetFieldWidth(20) << Qt::left << "NAME" << qSetFieldWidth(10) << "KIND" << qSetFieldWidth(9) << "ENABLED"
          << qSetFieldWidth(18) << "LAST SYNC" << qSetFieldWidth(0) << "URL\n";
    for (const sourceadmin::SourceListing& s : std::as_const(*sources)) {
        const QString lastSync = s.lastSuccess.isValid()
            ? s.lastSuccess.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : QStringLiteral("never");
        c.out << qSetFieldWidth(20) << s.name << qSetFieldWidth(10) << s.kind << qSetFieldWidth(9)
              << (s.enabled ? "yes" : "no") << qSetFieldWidth(18) << lastSync << qSetFieldWidth(0) << s.baseUrl << "\n";
        if (const QString secret = describeSecret(s); !secret.isEmpty())
            c.out << "    secret: " << secret << "\n";
        if (!s.lastError.isEmpty())
            c.out << "    last error: " << s.lastError << "\n";
    }
    return kOk;
}

int quarantine(CommandContext& c)
{
    const QString name = c.word(2);
    auto entries = messaging::quarantinedEntries(*c.db, name);
    if (!entries)
        return c.fail(entries.error());
    if (entries->isEmpty()) {
        c.out << "Nothing from \"" << name << "\" was set aside.\n";
        return kOk;
    }
    for (const messaging::QuarantinedEntry& entry : std::as_const(*entries))
        c.out << entry.lastSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  " << entry.externalId
              << "  " << entry.reason << "\n    " << entry.entry << "\n";
    // Listing is for supervisors too; forgetting needs --clear and an administrator.
    if (!c.isSet(QStringLiteral("clear"))) {
        c.out << entries->size() << " entries set aside. Once dealt with (e.g. the contact fixed in "
              << "RapidPro): mhero-admin source quarantine " << name << " --clear\n";
        return kOk;
    }
    auto cleared = messaging::clearQuarantine(*c.db, name);
    if (!cleared)
        return c.fail(cleared.error());
    c.out << "Forgot " << *cleared << " entries.\n";
    return kOk;
}

int source(CommandContext& c)
{
    const QString sub = c.word(1);
    if (sub == QLatin1String("add"))
    {
        if (c.word(2) == QLatin1String("rapidpro"))
            return addRapidPro(c);
        if (c.word(2) == QLatin1String("whatsapp"))
            return addMeta(c, meta::MetaSource::Platform::WhatsApp);
        if (c.word(2) == QLatin1String("messenger"))
            return addMeta(c, meta::MetaSource::Platform::Messenger);
        return addFhir(c);
    }
    if (sub == QLatin1String("secret"))
        return secret(c);
    if (sub == QLatin1String("set-url"))
        return setUrl(c);
    if (sub == QLatin1String("list"))
        return list(c);
    if (sub == QLatin1String("quarantine") && c.words.size() == 3)
        return quarantine(c);
    return c.usage(kUsageLine);
}
} // namespace

CommandGroup sourceCommands()
{
    return {
        QLatin1StringView{
            "  source add fhir NAME --url URL [--kind ihris|openmrs|generic] [--auth none|basic|bearer]\n"
            "                    [--region LR] [--patients] [--page-size N]\n"
            "                               Add a FHIR registry. The secret (\"user:password\" for basic,\n"
            "                               the token for bearer) is read from stdin, or from the\n"
            "                               environment variable named by --secret-env.\n"
            "  source add rapidpro NAME --url URL [--region LR]\n"
            "                               Add a RapidPro workspace (its root URL, e.g. https://textit.in).\n"
            "                               The API token is read from stdin, or from the environment\n"
            "                               variable named by --secret-env.\n"
            "  source add whatsapp NAME --phone-number-id ID --waba-id ID [--graph-url URL] [--region LR]\n"
            "  source add messenger NAME --page-id ID [--graph-url URL]\n"
            "                               Add a WhatsApp Business number (Cloud API) or a Facebook Page.\n"
            "                               Three lines are read from stdin (or --secret-env): the access\n"
            "                               token, the app secret, the webhook verify token. --graph-url\n"
            "                               defaults to Meta's Graph API (pinned version).\n"
            "  source secret NAME           Enter a source's secret again (after its URL changed, after an\n"
            "                               upgrade, or to replace it). Read from stdin or --secret-env.\n"
            "  source set-url NAME --url URL\n"
            "                               Point a source at another URL. Its secret stops working until it\n"
            "                               is entered again (a secret is sent only where it was entered for).\n"
            "  source list                  List sources, their secrets' state and their last sync.\n"
            "  source quarantine NAME [--clear]\n"
            "                               Inbound messages of NAME set aside because mHero cannot store\n"
            "                               them (an unknown kind of address, an unreadable entry), with the\n"
            "                               reason; --clear forgets them once dealt with (administrators).\n"
            "\n"
            "                               Secrets are sealed here to the sync engine's public key before\n"
            "                               they reach the database: start mhero-server once (or run\n"
            "                               \"mhero-server --init-key\") before adding sources with secrets.\n"},
        {QCommandLineOption(QStringLiteral("url"), QStringLiteral("FHIR base URL."), QStringLiteral("url")),
         QCommandLineOption(QStringLiteral("kind"), QStringLiteral("ihris, openmrs or generic."),
                            QStringLiteral("kind"), QStringLiteral("generic")),
         QCommandLineOption(QStringLiteral("auth"), QStringLiteral("none, basic or bearer."), QStringLiteral("method"),
                            QStringLiteral("none")),
         QCommandLineOption(QStringLiteral("region"),
                            QStringLiteral("Default phone region (ISO country code), e.g. LR."),
                            QStringLiteral("code")),
         QCommandLineOption(QStringLiteral("secret-env"),
                            QStringLiteral("Read the source secret from this environment variable."),
                            QStringLiteral("variable")),
         QCommandLineOption(QStringLiteral("patients"), QStringLiteral("Also read Patient resources.")),
         QCommandLineOption(QStringLiteral("page-size"), QStringLiteral("Resources per page (_count)."),
                            QStringLiteral("n"), QStringLiteral("500")),
         QCommandLineOption(QStringLiteral("clear"), QStringLiteral("source quarantine: forget the entries listed.")),
         QCommandLineOption(QStringLiteral("graph-url"), QStringLiteral("Meta's Graph API (WhatsApp, Messenger)."),
                            QStringLiteral("url")),
         QCommandLineOption(QStringLiteral("phone-number-id"), QStringLiteral("WhatsApp: the business number's id."),
                            QStringLiteral("id")),
         QCommandLineOption(QStringLiteral("waba-id"), QStringLiteral("WhatsApp: the Business Account's id."),
                            QStringLiteral("id")),
         QCommandLineOption(QStringLiteral("page-id"), QStringLiteral("Messenger: the Facebook Page's id."),
                            QStringLiteral("id"))},
        {{QLatin1StringView("source"), true, source}}};
}

} // namespace mhero::cli
