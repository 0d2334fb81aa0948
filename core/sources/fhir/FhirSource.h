#pragma once

#include "Result.h"
#include "secrets/SealedSecrets.h"
#include "sources/SourceAdapter.h"
#include "sources/fhir/FhirSettings.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

#include <memory>

namespace mhero::fhir {

/// The front door of the FHIR source adapter: what the engine and mhero-admin include to add,
/// load and run FHIR sources. The client, the parser and the sync itself stay inside the folder.

/// A FHIR registry the directory is read from (a row of mhero.source with kind 'fhir').
struct FhirSource
{
    int id = 0;
    QString name;
    QUrl baseUrl;
    SourceKind kind = SourceKind::Generic;
    Credentials credentials;
    QString region; ///< default phone region, e.g. "LR"
    int pageSize = 500;
    bool patients = false; ///< also read Patient resources (OpenMRS sources always do)
    bool enabled = true;
    /// Pages one run may read before it stops with an error (config max_pages_per_run): a server
    /// whose `next` links never end cannot keep the sync busy for ever. Cursors move page by page,
    /// so the next run continues where this one stopped. 20,000 pages of 500 are ten million
    /// resources in one run.
    int maxPages = kDefaultMaxPages;
    static constexpr int kDefaultMaxPages = 20'000;
    std::optional<Error> secretError; ///< why the credentials cannot be used: nothing is sent at all
};

/// Adds a FHIR source (and its secret, through set_source_secret(), readable only by the sync
/// engine's role). Validates the URL, region and auth method; Error when the name is taken.
Status addFhirSource(QSqlDatabase& db, const FhirSource& source);

/// FHIR sources (all enabled ones, or the one named @p name), with their secrets opened with
/// @p key: only a connection allowed to read mhero.source_secret (the sync engine, the owner) can
/// load them. Credentials that cannot be used leave the secret empty and say why in `secretError`.
Result<QList<FhirSource>> loadFhirSources(QSqlDatabase& db, const QString& name = {},
                                          const secrets::EngineKey* key = nullptr);

/// One incremental sync of @p source (FhirSync), writing with @p db on the calling thread: start()
/// it, and wait for finished().
std::unique_ptr<sources::SourceAdapter> createSync(QSqlDatabase& db, FhirSource source);

} // namespace mhero::fhir
