#pragma once

#include "phone/PhoneNumbers.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mhero::sources {

/// The directory's own records: what every source adapter (FHIR registry, FHIR file, one day a
/// CSV file or another registry) turns its input into, and all DirectoryStore accepts. They hold
/// no wire types, so the store never depends on a source's format. Ids are the source's own ids,
/// unique per source and kind. The kinds ("Practitioner", "Patient", "PractitionerRole",
/// "Location", "Organization") are the directory's vocabulary as stored in the database: the
/// names come from FHIR, the first source, and any other adapter maps its rows onto them.

/// A person of the directory: a health worker, or a patient (OpenMRS).
struct PersonRecord
{
    QString resourceType; ///< "Practitioner" (health worker) or "Patient": the kind stored with the row
    QString id;
    QString givenName;
    QString familyName;
    QString displayName;
    QString gender; ///< male | female | other | unknown, or empty
    QString language; ///< two- or three-letter code, or empty
    QString email;
    QString identifiersJson; ///< JSON array of {"system","value"}
    bool active = true;
    QDateTime lastUpdated;
    QList<phone::Normalized> phones;
    QStringList phoneUses; ///< use of each phone ("mobile", "work"…), parallel to phones
    int phonesDropped = 0; ///< phone numbers beyond kMaxPhonesPerPerson, ignored
};

/// Phone numbers kept per person: a registry entry with thousands is an error, not a person.
inline constexpr int kMaxPhonesPerPerson = 20;

/// A role: the job a health worker holds at a facility.
struct RoleRecord
{
    QString id;
    QString practitionerId;
    QString jobSystem;
    QString jobCode;
    QString jobDisplay;
    QString locationId;
    QString organizationId;
    bool active = true;
    QDate periodStart;
    QDate periodEnd;
    QDateTime lastUpdated;
};

/// A place in the facility hierarchy (a location or an organization).
struct PlaceRecord
{
    QString resourceType; ///< "Location" or "Organization"
    QString id;
    QString name;
    QString partOfId; ///< the place this one is part of
    QStringList typeCodes; ///< type codes, lower case
    bool active = true;
    QDateTime lastUpdated;
};

/// A job of a job code system, with its cadre.
struct JobRecord
{
    QString system;
    QString code;
    QString display;
    QString cadreCode;
    QString cadre; ///< display of the cadre when known, else its code
};

/// A record the source reports as deleted: its row becomes inactive.
struct DeletedRecord
{
    QString resourceType; ///< any of the kinds above
    QString id;
};

/// One batch of records from a source, written by DirectoryStore::apply() in one transaction.
struct RecordBatch
{
    QList<PersonRecord> people;
    QList<RoleRecord> roles;
    QList<PlaceRecord> places;
    QList<JobRecord> jobs;
    QList<DeletedRecord> deleted;

    [[nodiscard]] bool isEmpty() const
    {
        return people.isEmpty() && roles.isEmpty() && places.isEmpty() && jobs.isEmpty() && deleted.isEmpty();
    }
};

} // namespace mhero::sources
