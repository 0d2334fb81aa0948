#include "sources/fhir/FhirPage.h"

#include "text/CleanText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace mhero::fhir {

using sources::DeletedRecord;
using sources::JobRecord;
using sources::kMaxPhonesPerPerson;
using sources::PersonRecord;
using sources::PlaceRecord;
using sources::RoleRecord;

namespace {
using json = nlohmann::json;

constexpr int kMaxDepth = 64; // FHIR resources nest a dozen levels; anything deeper is hostile
constexpr qsizetype kMaxText = 1024; // longer names, codes or ids are refused, not truncated

QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::fhir", text);
}

/// Thrown inside the mapping of one entry; the entry is skipped and the message recorded.
struct EntryProblem
{
    QString message;
};

QString text(const json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return {};
    const std::string& value = found->get_ref<const std::string&>();
    if (static_cast<qsizetype>(value.size()) > kMaxText)
        throw EntryProblem{
            tr("the field \"%1\" is longer than %2 characters").arg(QString::fromLatin1(key)).arg(kMaxText)};
    return QString::fromStdString(value).trimmed();
}

const json& member(const json& object, const char* key)
{
    static const json null;
    if (!object.is_object())
        return null;
    const auto found = object.find(key);
    return found == object.end() ? null : *found;
}

/// Iterates an array member; a missing member or one of another type yields nothing.
template<typename F> void forEach(const json& object, const char* key, F&& f)
{
    const json& array = member(object, key);
    if (!array.is_array())
        return;
    for (const json& item : array)
        f(item);
}

bool boolean(const json& object, const char* key, bool fallback)
{
    const json& value = member(object, key);
    return value.is_boolean() ? value.get<bool>() : fallback;
}

const QRegularExpression& idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9.\\-]{1,64}$"));
    return re;
}

/// "Practitioner/abc", "https://host/fhir/Practitioner/abc/_history/2" → "abc" (when the type
/// matches @p type, or any type when @p type is empty).
QString referenceId(const json& reference, QStringView type)
{
    const QString ref = text(reference, "reference");
    if (ref.isEmpty())
        return {};
    QStringList parts = ref.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype history = parts.indexOf(QLatin1String("_history"));
    if (history >= 0)
        parts = parts.mid(0, history);
    if (parts.size() < 2)
        return {};
    if (!type.isEmpty() && parts.at(parts.size() - 2) != type)
        return {};
    const QString id = parts.last();
    return idPattern().match(id).hasMatch() ? id : QString();
}

QStringList codesOf(const json& cc)
{
    QStringList codes;
    forEach(cc, "coding", [&](const json& coding) {
        const QString code = text(coding, "code");
        if (!code.isEmpty())
            codes.append(code.toLower());
    });
    return codes;
}

QString languageOf(const json& cc)
{
    QString code;
    forEach(cc, "coding", [&](const json& coding) {
        if (code.isEmpty())
            code = text(coding, "code");
    });
    if (code.isEmpty())
        code = text(cc, "text");
    code = code.section(QLatin1Char('-'), 0, 0).toLower();
    static const QRegularExpression re(QStringLiteral("^[a-z]{2,3}$"));
    return re.match(code).hasMatch() ? code : QString();
}

struct Common
{
    QString resourceType;
    QString id;
    QDateTime lastUpdated;
};

Common common(const json& resource)
{
    Common c;
    c.resourceType = text(resource, "resourceType");
    c.id = text(resource, "id");
    if (!idPattern().match(c.id).hasMatch())
        throw EntryProblem{tr("%1 has no valid id").arg(c.resourceType)};
    c.lastUpdated = parseInstant(text(member(resource, "meta"), "lastUpdated"));
    return c;
}

void mapNames(const json& resource, PersonRecord& person)
{
    const json* chosen = nullptr;
    forEach(resource, "name", [&](const json& name) {
        if (!name.is_object())
            return;
        const QString use = text(name, "use");
        if (use == QLatin1String("old") || use == QLatin1String("maiden"))
            return;
        if (!chosen || (use == QLatin1String("official") && text(*chosen, "use") != QLatin1String("official")))
            chosen = &name;
    });
    if (chosen) {
        QStringList given;
        forEach(*chosen, "given", [&](const json& g) {
            if (g.is_string()) {
                if (static_cast<qsizetype>(g.get_ref<const std::string&>().size()) > kMaxText)
                    throw EntryProblem{tr("a given name is longer than %1 characters").arg(kMaxText)};
                given.append(text::cleanName(QString::fromStdString(g.get<std::string>())));
            }
        });
        given.removeAll(QString());
        person.givenName = given.join(QLatin1Char(' '));
        // Control, bidi and zero-width characters out, on ingest: every view and search sees
        // the name as it reads.
        person.familyName = text::cleanName(text(*chosen, "family"));
        person.displayName = text::cleanName(text(*chosen, "text"));
        if (person.displayName.isEmpty())
            person.displayName = QStringList{person.givenName, person.familyName}.join(QLatin1Char(' ')).trimmed();
    }
    if (person.displayName.isEmpty())
        person.displayName = tr("Unnamed %1 %2").arg(person.resourceType, person.id);
}

void mapTelecom(const json& resource, PersonRecord& person, const ParseOptions& options)
{
    forEach(resource, "telecom", [&](const json& point) {
        const QString system = text(point, "system");
        const QString value = text(point, "value");
        if (value.isEmpty() || text(point, "use") == QLatin1String("old"))
            return;
        if (system == QLatin1String("email")) {
            if (person.email.isEmpty())
                person.email = value;
            return;
        }
        // OpenMRS writes a person attribute as telecom with no system: a phone if it looks like one.
        const bool phoneLike = system == QLatin1String("phone") || system == QLatin1String("sms")
            || (system.isEmpty() && phone::looksLikePhone(value));
        if (!phoneLike)
            return;
        for (const phone::Normalized& known : std::as_const(person.phones))
            if (known.raw == value)
                return;
        if (person.phones.size() >= kMaxPhonesPerPerson) {
            ++person.phonesDropped;
            return;
        }
        person.phones.append(phone::normalize(value, options.defaultRegion));
        person.phoneUses.append(text(point, "use"));
    });
}

PersonRecord mapPerson(const json& resource, const Common& c, const ParseOptions& options)
{
    PersonRecord person;
    person.resourceType = c.resourceType;
    person.id = c.id;
    person.lastUpdated = c.lastUpdated;
    mapNames(resource, person);
    person.gender = text(resource, "gender");
    static const QStringList genders{QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("other"),
                                     QStringLiteral("unknown")};
    if (!genders.contains(person.gender))
        person.gender.clear();
    person.active = boolean(resource, "active", true);
    if (c.resourceType == QLatin1String("Patient")) {
        const json& deceased = member(resource, "deceasedBoolean");
        if ((deceased.is_boolean() && deceased.get<bool>()) || !text(resource, "deceasedDateTime").isEmpty())
            person.active = false;
    }
    forEach(resource, "communication", [&](const json& comm) {
        if (!person.language.isEmpty())
            return;
        // Practitioner.communication is a CodeableConcept; Patient.communication has .language.
        person.language = languageOf(member(comm, "language").is_object() ? member(comm, "language") : comm);
    });
    json identifiers = json::array();
    forEach(resource, "identifier", [&](const json& identifier) {
        const QString value = text(identifier, "value");
        if (!value.isEmpty())
            identifiers.push_back(
                {{"system", text(identifier, "system").toStdString()}, {"value", value.toStdString()}});
    });
    person.identifiersJson = QString::fromStdString(identifiers.dump());
    mapTelecom(resource, person, options);
    return person;
}

RoleRecord mapRole(const json& resource, const Common& c)
{
    RoleRecord role;
    role.id = c.id;
    role.lastUpdated = c.lastUpdated;
    role.practitionerId = referenceId(member(resource, "practitioner"), u"Practitioner");
    role.active = boolean(resource, "active", true);
    // The job: iHRIS codes it in its job CodeSystem; other servers use whatever they have.
    forEach(resource, "code", [&](const json& cc) {
        forEach(cc, "coding", [&](const json& coding) {
            const QString system = text(coding, "system");
            const bool preferred = system == kIhrisJobSystem;
            if (role.jobCode.isEmpty() || (preferred && role.jobSystem != kIhrisJobSystem)) {
                role.jobSystem = system;
                role.jobCode = text(coding, "code");
                role.jobDisplay = text(coding, "display");
            }
        });
        if (role.jobDisplay.isEmpty())
            role.jobDisplay = text(cc, "text");
    });
    forEach(resource, "location", [&](const json& reference) {
        if (role.locationId.isEmpty())
            role.locationId = referenceId(reference, u"Location");
    });
    role.organizationId = referenceId(member(resource, "organization"), u"Organization");
    const json& period = member(resource, "period");
    role.periodStart = parseInstant(text(period, "start")).date();
    role.periodEnd = parseInstant(text(period, "end")).date();
    return role;
}

PlaceRecord mapPlace(const json& resource, const Common& c)
{
    PlaceRecord place;
    place.resourceType = c.resourceType;
    place.id = c.id;
    place.lastUpdated = c.lastUpdated;
    place.name = text::cleanName(text(resource, "name"));
    if (place.name.isEmpty())
        place.name = c.id;
    place.partOfId = referenceId(member(resource, "partOf"), c.resourceType);
    forEach(resource, "type", [&](const json& cc) { place.typeCodes += codesOf(cc); });
    place.typeCodes += codesOf(member(resource, "physicalType"));
    if (c.resourceType == QLatin1String("Location"))
        place.active = text(resource, "status") != QLatin1String("inactive");
    else
        place.active = boolean(resource, "active", true);
    return place;
}

/// The cadre of an iHRIS job is a property of its cc: valueCoding, valueCode or valueString.
void mapCodeSystem(const json& resource, QList<JobRecord>& jobs)
{
    const QString system = text(resource, "url");
    if (system.isEmpty())
        return;
    forEach(resource, "concept", [&](const json& cc) {
        JobRecord job;
        job.system = system;
        job.code = text(cc, "code");
        job.display = text(cc, "display");
        if (job.code.isEmpty())
            return;
        forEach(cc, "property", [&](const json& property) {
            if (!text(property, "code").contains(QLatin1String("cadre"), Qt::CaseInsensitive))
                return;
            const json& coding = member(property, "valueCoding");
            if (coding.is_object()) {
                job.cadreCode = text(coding, "code");
                job.cadre = text(coding, "display");
            } else {
                job.cadreCode = text(property, "valueCode");
                if (job.cadreCode.isEmpty())
                    job.cadreCode = text(property, "valueString");
            }
        });
        jobs.append(job);
    });
}

void noteTimes(Page& page, const QDateTime& lastUpdated)
{
    if (!lastUpdated.isValid())
        return;
    if (!page.maxLastUpdated.isValid() || lastUpdated > page.maxLastUpdated)
        page.maxLastUpdated = lastUpdated;
    if (!page.minLastUpdated.isValid() || lastUpdated < page.minLastUpdated)
        page.minLastUpdated = lastUpdated;
}

/// Maps one entry; resources of kinds we do not read (OperationOutcome, Basic…) are ignored.
void mapEntry(const json& entry, Page& page, const ParseOptions& options)
{
    const json& request = member(entry, "request");
    const json& resource = member(entry, "resource");
    if (text(request, "method") == QLatin1String("DELETE")) {
        QStringList parts = text(request, "url").split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() >= 2 && idPattern().match(parts.at(1)).hasMatch()) {
            page.deleted.append({parts.at(0), parts.at(1)});
        } else {
            page.problems.append(tr("a DELETE entry has no usable request.url"));
        }
        return;
    }
    if (!resource.is_object()) {
        page.problems.append(tr("an entry has no resource"));
        return;
    }
    const Common c = common(resource);
    if (text(member(entry, "search"), "mode") == QLatin1String("outcome"))
        return;
    noteTimes(page, c.lastUpdated);
    if (c.resourceType == QLatin1String("Practitioner") || c.resourceType == QLatin1String("Patient")) {
        page.people.append(mapPerson(resource, c, options));
        if (const int dropped = page.people.constLast().phonesDropped; dropped > 0)
            page.problems.append(tr("%1/%2 lists %3 more phone numbers than the %4 kept; the rest were ignored")
                                     .arg(c.resourceType, c.id)
                                     .arg(dropped)
                                     .arg(kMaxPhonesPerPerson));
    } else if (c.resourceType == QLatin1String("PractitionerRole"))
        page.roles.append(mapRole(resource, c));
    else if (c.resourceType == QLatin1String("Location") || c.resourceType == QLatin1String("Organization"))
        page.places.append(mapPlace(resource, c));
    else if (c.resourceType == QLatin1String("CodeSystem"))
        mapCodeSystem(resource, page.jobs);
}
} // namespace

std::optional<SourceKind> sourceKindFromString(const QString& text)
{
    if (text == QLatin1String("ihris"))
        return SourceKind::Ihris;
    if (text == QLatin1String("openmrs"))
        return SourceKind::OpenMrs;
    if (text == QLatin1String("generic"))
        return SourceKind::Generic;
    return std::nullopt;
}

QString toString(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Ihris:
        return QStringLiteral("ihris");
    case SourceKind::OpenMrs:
        return QStringLiteral("openmrs");
    case SourceKind::Generic:
        break;
    }
    return QStringLiteral("generic");
}

QDateTime parseInstant(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() && text.size() == 10)
        parsed = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    else if (!parsed.isValid() && text.size() == 7) // "2026-11": FHIR allows partial dates
        parsed = QDateTime(QDate::fromString(text + QLatin1String("-01"), Qt::ISODate), QTime(0, 0), Qt::UTC);
    else if (!parsed.isValid() && text.size() == 4)
        parsed = QDateTime(QDate(text.toInt(), 1, 1), QTime(0, 0), Qt::UTC);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QString formatInstant(const QDateTime& instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

QString operationOutcomeText(const QByteArray& body)
{
    const json document = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!document.is_object() || document.value("resourceType", json()) != "OperationOutcome")
        return {};
    QStringList parts;
    try {
        forEach(document, "issue", [&](const json& issue) {
            QString part = text(issue, "diagnostics");
            if (part.isEmpty())
                part = text(member(issue, "details"), "text");
            if (part.isEmpty())
                part = text(issue, "code");
            if (!part.isEmpty())
                parts.append(part);
        });
    } catch (const EntryProblem& problem) {
        parts.append(problem.message);
    }
    return parts.join(QLatin1String("; "));
}

Result<Page> parsePage(const QByteArray& body, const ParseOptions& options)
{
    if (body.size() > options.maxBodyBytes)
        return Error{
            QStringLiteral("fhir-too-large"),
            (options.fromFile ? tr("The file is larger than %1 MB.") : tr("The server sent a page larger than %1 MB."))
                .arg(options.maxBodyBytes / (1024 * 1024)),
            {}};
    bool tooDeep = false;
    const json::parser_callback_t limitDepth = [&tooDeep](int depth, json::parse_event_t, json&) {
        if (depth > kMaxDepth) {
            tooDeep = true;
            return false;
        }
        return true;
    };
    const json document = json::parse(body.constData(), body.constData() + body.size(), limitDepth, false);
    if (document.is_discarded())
        return Error{QStringLiteral("fhir-malformed"),
                     options.fromFile ? tr("The file is not valid JSON.")
                                      : tr("The server sent a page that is not valid JSON."),
                     QString::fromUtf8(body.left(200))};
    if (tooDeep)
        return Error{QStringLiteral("fhir-malformed"),
                     (options.fromFile ? tr("The file is nested deeper than %1 levels.")
                                       : tr("The server sent a page nested deeper than %1 levels."))
                         .arg(kMaxDepth),
                     {}};
    Page page;
    try {
        if (const QString type = text(document, "resourceType"); type != QLatin1String("Bundle")) {
            const QString outcome = type == QLatin1String("OperationOutcome") ? operationOutcomeText(body) : QString();
            const QString what = type.isEmpty() ? tr("document") : type;
            return Error{QStringLiteral("fhir-not-bundle"),
                         options.fromFile ? tr("The file holds a %1, not a FHIR Bundle.").arg(what)
                                          : tr("The server sent a %1 where a Bundle was expected.").arg(what),
                         outcome};
        }
        page.bundleType = text(document, "type");
        const json& total = member(document, "total");
        if (total.is_number_integer())
            page.total = total.get<qint64>();
        forEach(document, "link", [&](const json& link) {
            if (text(link, "relation") == QLatin1String("next"))
                page.next = QUrl(text(link, "url"));
        });
        if (!page.next.isEmpty() && (!page.next.isValid() || page.next.isRelative()))
            return Error{QStringLiteral("fhir-malformed"), tr("The page's next link is not an absolute URL."),
                         page.next.toString()};
    } catch (const EntryProblem& problem) {
        return Error{QStringLiteral("fhir-malformed"), tr("The Bundle is malformed: %1.").arg(problem.message), {}};
    }
    const json& entries = member(document, "entry");
    if (!entries.is_null() && !entries.is_array())
        return Error{QStringLiteral("fhir-malformed"), tr("The Bundle's entries are not a list."), {}};
    if (entries.is_array()) {
        for (const json& entry : entries) {
            ++page.entryCount;
            try {
                mapEntry(entry, page, options);
            } catch (const EntryProblem& problem) {
                page.problems.append(tr("entry %1 skipped: %2").arg(page.entryCount).arg(problem.message));
            } catch (const json::exception& e) {
                page.problems.append(tr("entry %1 skipped: %2").arg(page.entryCount).arg(QString::fromUtf8(e.what())));
            }
        }
    }
    return page;
}

} // namespace mhero::fhir
