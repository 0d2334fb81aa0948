#pragma once

#include "Result.h"
#include "phone/PhoneNumbers.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace mhero::fhir {

/// What kind of server a source is: decides which resources are read and how they are mapped.
enum class SourceKind { Ihris, OpenMrs, Generic };
std::optional<SourceKind> sourceKindFromString(const QString& text);
QString toString(SourceKind kind);

inline constexpr QLatin1StringView kIhrisJobSystem{"http://ihris.org/fhir/CodeSystem/ihris-job"};
inline constexpr QLatin1StringView kIhrisCadreSystem{"http://ihris.org/fhir/CodeSystem/ihris-cadre"};

/// A person of the directory: a Practitioner (health worker) or a Patient (OpenMRS).
struct PersonRecord
{
    QString resourceType; ///< "Practitioner" or "Patient"
    QString id;
    QString givenName;
    QString familyName;
    QString displayName;
    QString gender; ///< male | female | other | unknown, or empty
    QString language; ///< two- or three-letter code from `communication`, or empty
    QString email;
    QString identifiersJson; ///< JSON array of {"system","value"}
    bool active = true;
    QDateTime lastUpdated;
    QList<phone::Normalized> phones;
    QStringList phoneUses; ///< ContactPoint.use for each phone ("mobile", "work"…), parallel to phones
    int phonesDropped = 0; ///< phone numbers beyond kMaxPhonesPerPerson, ignored
};

/// Phone numbers kept per person: a registry entry with thousands is an error, not a person.
inline constexpr int kMaxPhonesPerPerson = 20;

/// A PractitionerRole: the job a health worker holds at a facility.
struct RoleRecord
{
    QString id;
    QString practitionerId;
    QString jobSystem;
    QString jobCode;
    QString jobDisplay;
    QString locationId; ///< first `location` reference
    QString organizationId;
    bool active = true;
    QDate periodStart;
    QDate periodEnd;
    QDateTime lastUpdated;
};

/// A Location or Organization: a place in the facility hierarchy.
struct PlaceRecord
{
    QString resourceType; ///< "Location" or "Organization"
    QString id;
    QString name;
    QString partOfId; ///< Location.partOf / Organization.partOf
    QStringList typeCodes; ///< Location.type / Organization.type codes, lower case
    bool active = true;
    QDateTime lastUpdated;
};

/// A job from iHRIS's job CodeSystem, with its cadre.
struct JobRecord
{
    QString system;
    QString code;
    QString display;
    QString cadreCode;
    QString cadre; ///< display of the cadre when known, else its code
};

/// A resource the server reports as deleted (a DELETE entry of a history Bundle).
struct DeletedRecord
{
    QString resourceType;
    QString id;
};

/// One Bundle, parsed and mapped. Entries that cannot be used are skipped and explained in
/// `problems`; a Bundle that is not JSON, not a Bundle, or hostile in shape is an Error.
struct Page
{
    QString bundleType;
    QUrl next;
    std::optional<qint64> total;
    int entryCount = 0;
    QList<PersonRecord> people;
    QList<RoleRecord> roles;
    QList<PlaceRecord> places;
    QList<JobRecord> jobs;
    QList<DeletedRecord> deleted;
    QStringList problems;
    QDateTime maxLastUpdated; ///< newest meta.lastUpdated among the page's entries
    QDateTime minLastUpdated;
};

struct ParseOptions
{
    QString defaultRegion; ///< for phone numbers without a country code
    SourceKind kind = SourceKind::Generic;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
    bool fromFile = false; ///< errors speak of "the file", not of "the server"
};

/// Parses a FHIR R4 Bundle (searchset, history, transaction, batch, collection). Pure: no I/O.
Result<Page> parsePage(const QByteArray& body, const ParseOptions& options);

/// The message of an OperationOutcome body (its issues' diagnostics/details), or empty when
/// @p body is not one.
QString operationOutcomeText(const QByteArray& body);

/// Parses a FHIR instant/dateTime ("2026-11-25T06:47:00.123Z", "2026-11-25").
QDateTime parseInstant(const QString& text);
/// Formats an instant for `_lastUpdated=gt…` and `_since=`: UTC with milliseconds.
QString formatInstant(const QDateTime& instant);

} // namespace mhero::fhir
