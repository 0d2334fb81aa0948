#include "sources/fhir/FhirFileSource.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"
#include "sources/fhir/FhirPage.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::fhir {

Result<sources::ApplyCounts> importBundleFile(QSqlDatabase& db, const QString& sourceName, const QString& region,
                                              const QByteArray& body, QStringList* problems)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("mhero::fhir", text); };
    if (!region.isEmpty() && !phone::isKnownRegion(region))
        return Error{
            QStringLiteral("invalid-region"), tr("\"%1\" is not a country code libphonenumber knows.").arg(region), {}};
    // Parse first: a malformed file touches nothing, not even the source list.
    ParseOptions options;
    options.defaultRegion = region;
    options.maxBodyBytes = qsizetype(1) << 31;
    options.fromFile = true;
    auto page = parsePage(body, options);
    if (!page)
        return page.error();
    if (problems)
        *problems = page->problems;
    if (page->isEmpty())
        return Error{QStringLiteral("file-nothing-usable"),
                     page->entryCount == 0
                         ? tr("The file holds no entries; nothing was imported.")
                         : tr("The file holds %1 entries, and none of them could be used; nothing was imported.")
                               .arg(page->entryCount),
                     {}};
    auto existing = sql::exec(db, QStringLiteral("SELECT id, kind, config->>'region' FROM mhero.source WHERE name = ?"),
                              {sourceName});
    if (!existing)
        return existing.error();
    int sourceId = 0;
    if (existing->next()) {
        if (existing->value(1).toString() != QLatin1String("file"))
            return Error{QStringLiteral("source-kind"),
                         tr("The source \"%1\" is a live %2 source; import files under another name.")
                             .arg(sourceName, existing->value(1).toString()),
                         {}};
        sourceId = existing->value(0).toInt();
        if (region.isEmpty() && !existing->value(2).toString().isEmpty()) { // numbers read in the source's region
            options.defaultRegion = existing->value(2).toString();
            page = parsePage(body, options);
            if (!page)
                return page.error();
            if (problems)
                *problems = page->problems;
        }
    } else {
        const QJsonObject config{{QStringLiteral("region"), region}};
        auto created = sql::scalar(
            db,
            QStringLiteral("INSERT INTO mhero.source (name, kind, config) VALUES (?, 'file', ?::jsonb) RETURNING id"),
            {sourceName, QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
        if (!created)
            return created.error();
        sourceId = created->toInt();
    }
    sources::DirectoryStore store(db);
    auto applied = store.apply(sourceId, *page, {}, std::nullopt);
    if (!applied)
        return applied.error();
    if (Status status = store.refreshFacets(); !status)
        return status.error();
    (void)store.recordRun(sourceId, QStringLiteral("directory"), {}); // "last synced" on the page
    return applied;
}

} // namespace mhero::fhir
