// mhero-admin import FILE.json: a FHIR Bundle file into the directory, without a live server.
#include "admin/commands/Command.h"

#include "sources/fhir/FhirFileSource.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace mhero::cli {

namespace {
int importFile(CommandContext& c)
{
    const QString path = c.word(1);
    if (path.isEmpty())
        return c.usage("Usage: mhero-admin import FILE.json [--source NAME] [--region LR]\n");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return c.fail(Error{QStringLiteral("file"), QStringLiteral("Cannot read %1").arg(path), file.errorString()});
    const QString source = c.value(QStringLiteral("source"));
    QStringList skipped;
    auto imported
        = fhir::importBundleFile(*c.db, source, c.value(QStringLiteral("region")).toUpper(), file.readAll(), &skipped);
    // Every entry left out is named, with why, whether or not the rest could be imported.
    for (const QString& problem : std::as_const(skipped))
        c.err << path << ": " << problem << "\n";
    if (!imported)
        return c.fail(imported.error());
    c.out << "Imported " << path << " as source \"" << source << "\": " << imported->people << " people, "
          << imported->roles << " roles, " << imported->places << " places, " << imported->codes << " codes, "
          << imported->deleted << " deleted, " << imported->invalidPhones << " invalid phone numbers";
    if (!skipped.isEmpty())
        c.out << "; " << skipped.size() << " problems (listed above)";
    c.out << ".\n";
    return kOk;
}
} // namespace

CommandGroup importCommand()
{
    return {QLatin1StringView{
                "  import FILE.json [--source NAME] [--region LR]\n"
                "                               Load a FHIR Bundle file (transaction, batch, searchset or\n"
                "                               collection) into the directory, as source NAME (default \"file\").\n"},
            {QCommandLineOption(QStringLiteral("source"), QStringLiteral("import: source name."),
                                QStringLiteral("name"), QStringLiteral("file")),
             QCommandLineOption(QStringLiteral("region"),
                                QStringLiteral("Default phone region (ISO country code), e.g. LR."),
                                QStringLiteral("code"))},
            {{QLatin1StringView("import"), true, importFile}}};
}

} // namespace mhero::cli
