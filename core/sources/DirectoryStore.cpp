#include "sources/DirectoryStore.h"

#include "db/Copy.h"
#include "db/Sql.h"
#include "sources/SyncState.h"

#include <QSet>
#include <QSqlQuery>

namespace mhero::sources {

namespace {
// ON COMMIT DELETE ROWS: the staging rows vanish with each page's transaction.
constexpr const char* kStaging = R"sql(
CREATE TEMP TABLE IF NOT EXISTS stage_person (
    resource_type text, resource_id text, given_name text, family_name text, display_name text,
    gender text, language text, email text, identifiers jsonb, active boolean,
    source_updated_at timestamptz) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_phone (
    resource_type text, resource_id text, raw text, e164 text, use text, problem text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_role (
    resource_id text, practitioner_id text, job_system text, job_code text, job_display text,
    location_id text, organization_id text, active boolean, period_start date, period_end date,
    source_updated_at timestamptz) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_place (
    resource_type text, resource_id text, name text, part_of_id text, type_codes text[], active boolean,
    source_updated_at timestamptz) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_code (
    system text, code text, display text, cadre_code text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_deleted (resource_type text, resource_id text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_person_id (
    id bigint PRIMARY KEY, resource_type text, resource_id text, display_name text, active boolean) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_affected (id text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_freed_urn (id bigint) ON COMMIT DELETE ROWS;
-- What this page changed that others depend on: 'place' (type, id), 'location' (id: its
-- facility/district/region changed), 'code' and 'job' (system, code), 'role' (id): only the
-- roles and workers resolved from those are resolved again.
CREATE TEMP TABLE IF NOT EXISTS stage_changed (kind text, a text, b text) ON COMMIT DELETE ROWS;
)sql";

// Each statement takes the source id as $1 (written in with %1: they run as one script).
constexpr const char* kMergePlaces = R"sql(
WITH merged AS (
INSERT INTO mhero.directory_place AS p
       (source_id, resource_type, resource_id, name, part_of_id, type_codes, active, source_updated_at, deleted_at)
SELECT DISTINCT ON (resource_type, resource_id)
       %1, resource_type, resource_id, name, part_of_id, type_codes, active, source_updated_at, NULL
FROM stage_place ORDER BY resource_type, resource_id, source_updated_at DESC NULLS LAST
ON CONFLICT (source_id, resource_type, resource_id) DO UPDATE
   SET name = EXCLUDED.name, part_of_id = EXCLUDED.part_of_id, type_codes = EXCLUDED.type_codes,
       active = EXCLUDED.active, source_updated_at = EXCLUDED.source_updated_at, deleted_at = NULL
 WHERE (p.name, p.part_of_id, p.type_codes, p.active, p.source_updated_at, p.deleted_at)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.part_of_id, EXCLUDED.type_codes, EXCLUDED.active,
                         EXCLUDED.source_updated_at, NULL)
RETURNING p.resource_type, p.resource_id)
INSERT INTO stage_changed SELECT 'place', resource_type, resource_id FROM merged;
)sql";

constexpr const char* kMergeCodes = R"sql(
WITH merged AS (
INSERT INTO mhero.directory_code AS c (source_id, system, code, display, cadre_code)
SELECT DISTINCT ON (system, code) %1, system, code, display, cadre_code FROM stage_code ORDER BY system, code
ON CONFLICT (source_id, system, code) DO UPDATE
   SET display = EXCLUDED.display, cadre_code = EXCLUDED.cadre_code
 WHERE (c.display, c.cadre_code) IS DISTINCT FROM (EXCLUDED.display, EXCLUDED.cadre_code)
RETURNING c.system, c.code)
INSERT INTO stage_changed SELECT 'code', system, code FROM merged;
)sql";

// Roles resolved from what this page changed: those at Locations whose facility, district or
// region changed (resolve_places_changed() resolves every place and names those), and those of
// changed jobs or of jobs in changed cadres; then the workers whose primary role's resolution
// changed. A page that changed no place and no code (the CodeSystems and the last place of the
// previous run come back on every run) resolves nothing.
constexpr const char* kResolveChanged = R"sql(
INSERT INTO stage_changed (kind, a)
SELECT 'location', id FROM mhero.resolve_places_changed(%1) AS id
 WHERE EXISTS (SELECT FROM stage_changed WHERE kind = 'place');
INSERT INTO stage_changed (kind, a)
SELECT 'role', r.resource_id FROM mhero.health_worker_role r
  JOIN stage_changed c ON c.kind = 'location' AND r.location_id = c.a
 WHERE r.source_id = %1;
INSERT INTO stage_changed (kind, a, b)
SELECT 'job', a, b FROM stage_changed WHERE kind = 'code'
UNION
SELECT 'job', j.system, j.code FROM mhero.directory_code j
  JOIN stage_changed c ON c.kind = 'code' AND c.a = 'http://ihris.org/fhir/CodeSystem/ihris-cadre' AND j.cadre_code = c.b
 WHERE j.source_id = %1;
INSERT INTO stage_changed (kind, a)
SELECT 'role', r.resource_id FROM mhero.health_worker_role r
  JOIN stage_changed c ON c.kind = 'job' AND r.job_system = c.a AND r.job_code = c.b
 WHERE r.source_id = %1;
SELECT mhero.resolve_workers(%1, ARRAY(
    SELECT DISTINCT practitioner_id
    FROM mhero.resolve_roles_changed(%1, ARRAY(SELECT DISTINCT a FROM stage_changed WHERE kind = 'role'))
    WHERE practitioner_id IS NOT NULL));
)sql";

constexpr const char* kMergePeople = R"sql(
-- People are written once, with the job, cadre and place of their primary role (roles were
-- merged and resolved just before): a current role first, the most recently started first.
INSERT INTO mhero.health_worker AS h
       (source_id, resource_type, resource_id, given_name, family_name, display_name, gender, language, email,
        identifiers, active, source_updated_at, deleted_at, job, cadre, facility, district, region)
SELECT s.*, r.job, r.cadre, r.facility, r.district, r.region
FROM (SELECT DISTINCT ON (resource_type, resource_id)
             %1, resource_type, resource_id, given_name, family_name, display_name, gender, language, email,
             identifiers, active, source_updated_at, NULL::timestamptz
      FROM stage_person ORDER BY resource_type, resource_id, source_updated_at DESC NULLS LAST) s
LEFT JOIN LATERAL (
    SELECT r.job, r.cadre, r.facility, r.district, r.region FROM mhero.health_worker_role r
    WHERE s.resource_type = 'Practitioner' AND r.source_id = %1 AND r.practitioner_id = s.resource_id
      AND r.deleted_at IS NULL
    ORDER BY (r.active AND coalesce(r.period_start <= current_date, true)
              AND coalesce(r.period_end >= current_date, true)) DESC,
             r.period_start DESC NULLS LAST, r.resource_id
    LIMIT 1) r ON true
ON CONFLICT (source_id, resource_type, resource_id) DO UPDATE
   SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, display_name = EXCLUDED.display_name,
       gender = EXCLUDED.gender, language = EXCLUDED.language, email = EXCLUDED.email,
       identifiers = EXCLUDED.identifiers, active = EXCLUDED.active, source_updated_at = EXCLUDED.source_updated_at,
       deleted_at = NULL, job = EXCLUDED.job, cadre = EXCLUDED.cadre, facility = EXCLUDED.facility,
       district = EXCLUDED.district, region = EXCLUDED.region, updated_at = now()
 WHERE (h.given_name, h.family_name, h.display_name, h.gender, h.language, h.email, h.identifiers, h.active,
        h.source_updated_at, h.deleted_at, h.job, h.cadre, h.facility, h.district, h.region)
       IS DISTINCT FROM (EXCLUDED.given_name, EXCLUDED.family_name, EXCLUDED.display_name, EXCLUDED.gender,
                         EXCLUDED.language, EXCLUDED.email, EXCLUDED.identifiers, EXCLUDED.active,
                         EXCLUDED.source_updated_at, NULL, EXCLUDED.job, EXCLUDED.cadre, EXCLUDED.facility,
                         EXCLUDED.district, EXCLUDED.region);

-- The people of this page, by their row id, for the phone and URN statements below. Looked up
-- one by one through the unique key (LIMIT 1 keeps the planner from turning this into a scan of
-- the whole directory when its statistics are stale, as they are all along a first sync);
-- the statements below join only these page-sized tables, or look rows up by these ids.
INSERT INTO stage_person_id (id, resource_type, resource_id, display_name, active)
SELECT h.id, h.resource_type, h.resource_id, h.display_name, h.active
FROM (SELECT DISTINCT resource_type, resource_id FROM stage_person) s,
LATERAL (SELECT h.id, h.resource_type, h.resource_id, h.display_name, h.active FROM mhero.health_worker h
         WHERE h.source_id = %1 AND h.resource_type = s.resource_type AND h.resource_id = s.resource_id
         LIMIT 1) h;
ANALYZE stage_person_id;

-- Phones: the page's list replaces the stored one.
DELETE FROM mhero.health_worker_phone p
 USING stage_person_id i
 WHERE p.health_worker_id = ANY (ARRAY(SELECT id FROM stage_person_id)) AND p.health_worker_id = i.id
   AND NOT EXISTS (SELECT FROM stage_phone s
                   WHERE s.resource_type = i.resource_type AND s.resource_id = i.resource_id AND s.raw = p.raw);
INSERT INTO mhero.health_worker_phone AS p (health_worker_id, raw, e164, use, problem)
SELECT DISTINCT ON (i.id, s.raw) i.id, s.raw, s.e164, s.use, s.problem
FROM stage_phone s
JOIN stage_person_id i ON i.resource_type = s.resource_type AND i.resource_id = s.resource_id
ORDER BY i.id, s.raw
ON CONFLICT (health_worker_id, raw) DO UPDATE
   SET e164 = EXCLUDED.e164, use = EXCLUDED.use, problem = EXCLUDED.problem
 WHERE (p.e164, p.use, p.problem) IS DISTINCT FROM (EXCLUDED.e164, EXCLUDED.use, EXCLUDED.problem);

-- URNs: a number that left a person's record no longer leads to them (the page's phones are
-- now exactly the person's phones)…
WITH freed AS (
UPDATE mhero.contact_urn u SET health_worker_id = NULL
  FROM stage_person_id i
 WHERE u.health_worker_id = ANY (ARRAY(SELECT id FROM stage_person_id)) AND u.health_worker_id = i.id
   AND NOT EXISTS (SELECT FROM stage_phone s
                   WHERE s.resource_type = i.resource_type AND s.resource_id = i.resource_id AND s.e164 IS NOT NULL
                     AND u.urn IN ('tel:' || s.e164, 'whatsapp:' || substr(s.e164, 2)))
RETURNING u.id)
INSERT INTO stage_freed_urn SELECT id FROM freed;
-- …but goes to whoever else holds it now: a number that moved from one person to another in the
-- registry, when the new holder's page came first (else the INSERT below links it).
UPDATE mhero.contact_urn u SET health_worker_id = o.health_worker_id, display = o.display_name
  FROM (SELECT f.id, x.health_worker_id, x.display_name
          FROM stage_freed_urn f
          JOIN mhero.contact_urn c ON c.id = f.id
         CROSS JOIN LATERAL (
               SELECT p.health_worker_id, h.display_name
                 FROM mhero.health_worker_phone p JOIN mhero.health_worker h ON h.id = p.health_worker_id
                WHERE p.e164 = CASE c.scheme WHEN 'tel' THEN substr(c.urn, 5) ELSE '+' || substr(c.urn, 10) END
                ORDER BY h.deleted_at IS NULL DESC, h.active DESC, h.id
                LIMIT 1) x) o
 WHERE u.id = o.id AND u.health_worker_id IS NULL;
-- …and every valid number yields tel: and whatsapp: URNs, linking unknown contacts that wrote
-- from it before. A URN already linked to someone else (a shared phone) stays with them.
INSERT INTO mhero.contact_urn AS u (urn, health_worker_id, display)
SELECT DISTINCT ON (urn) urn, id, display_name FROM (
    SELECT 'tel:' || s.e164 AS urn, i.id, i.display_name, i.active
    FROM stage_person_id i
    JOIN stage_phone s ON s.resource_type = i.resource_type AND s.resource_id = i.resource_id AND s.e164 IS NOT NULL
    UNION ALL
    SELECT 'whatsapp:' || substr(s.e164, 2), i.id, i.display_name, i.active
    FROM stage_person_id i
    JOIN stage_phone s ON s.resource_type = i.resource_type AND s.resource_id = i.resource_id AND s.e164 IS NOT NULL) n
ORDER BY urn, active DESC, id
ON CONFLICT (urn) DO UPDATE SET health_worker_id = EXCLUDED.health_worker_id, display = EXCLUDED.display
 WHERE u.health_worker_id IS NULL;
)sql";

// Roles are written with their job, cadre and place resolved (as resolve_roles() would).
constexpr const char* kMergeRoles = R"sql(
INSERT INTO mhero.health_worker_role AS r
       (source_id, resource_id, practitioner_id, job_system, job_code, job_display, location_id, organization_id,
        active, period_start, period_end, source_updated_at, deleted_at, job, cadre, facility, district, region)
SELECT s.*, coalesce(j.display, s.job_display, s.job_code),
       coalesce(c.display, j.cadre_code, CASE WHEN j.code IS NULL THEN s.job_display END),
       l.facility, l.district, l.region
FROM (SELECT DISTINCT ON (resource_id)
             %1 AS source_id, resource_id, practitioner_id, job_system, job_code, job_display, location_id,
             organization_id, active, period_start, period_end, source_updated_at, NULL::timestamptz
      FROM stage_role ORDER BY resource_id, source_updated_at DESC NULLS LAST) s
LEFT JOIN mhero.directory_code j ON j.source_id = %1 AND j.system = s.job_system AND j.code = s.job_code
LEFT JOIN mhero.directory_code c ON c.source_id = %1 AND c.code = j.cadre_code
      AND c.system = 'http://ihris.org/fhir/CodeSystem/ihris-cadre'
LEFT JOIN mhero.directory_place l ON l.source_id = %1 AND l.resource_type = 'Location' AND l.resource_id = s.location_id
ON CONFLICT (source_id, resource_id) DO UPDATE
   SET practitioner_id = EXCLUDED.practitioner_id, job_system = EXCLUDED.job_system, job_code = EXCLUDED.job_code,
       job_display = EXCLUDED.job_display, location_id = EXCLUDED.location_id,
       organization_id = EXCLUDED.organization_id, active = EXCLUDED.active, period_start = EXCLUDED.period_start,
       period_end = EXCLUDED.period_end, source_updated_at = EXCLUDED.source_updated_at, deleted_at = NULL,
       job = EXCLUDED.job, cadre = EXCLUDED.cadre, facility = EXCLUDED.facility, district = EXCLUDED.district,
       region = EXCLUDED.region
 WHERE (r.practitioner_id, r.job_system, r.job_code, r.job_display, r.location_id, r.organization_id, r.active,
        r.period_start, r.period_end, r.source_updated_at, r.deleted_at, r.job, r.cadre, r.facility, r.district,
        r.region)
       IS DISTINCT FROM (EXCLUDED.practitioner_id, EXCLUDED.job_system, EXCLUDED.job_code, EXCLUDED.job_display,
                         EXCLUDED.location_id, EXCLUDED.organization_id, EXCLUDED.active, EXCLUDED.period_start,
                         EXCLUDED.period_end, EXCLUDED.source_updated_at, NULL, EXCLUDED.job, EXCLUDED.cadre,
                         EXCLUDED.facility, EXCLUDED.district, EXCLUDED.region);
)sql";

// Deleted resources become inactive rows: history (conversations, notes) keeps its people.
constexpr const char* kApplyDeletions = R"sql(
UPDATE mhero.health_worker h SET active = false, deleted_at = now(), updated_at = now()
  FROM stage_deleted d
 WHERE h.source_id = %1 AND h.resource_type = d.resource_type AND h.resource_id = d.resource_id AND h.deleted_at IS NULL;
UPDATE mhero.health_worker_role r SET active = false, deleted_at = now()
  FROM stage_deleted d
 WHERE r.source_id = %1 AND d.resource_type = 'PractitionerRole' AND r.resource_id = d.resource_id AND r.deleted_at IS NULL;
UPDATE mhero.directory_place p SET active = false, deleted_at = now()
  FROM stage_deleted d
 WHERE p.source_id = %1 AND p.resource_type = d.resource_type AND p.resource_id = d.resource_id AND p.deleted_at IS NULL;
)sql";

/// A statement's first line of SQL (comments skipped), shortened: its name in the breakdown.
QString statementLabel(const QByteArray& statement)
{
    for (const QByteArray& line : statement.split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.isEmpty() || t.startsWith("--"))
            continue;
        return QString::fromUtf8(t.left(60));
    }
    return {};
}

QString sqlList(const QStringList& values)
{
    // A text[] literal for the resolve functions, quoted as an SQL string.
    QStringList quoted;
    quoted.reserve(values.size());
    for (const QString& v : values)
        quoted.append(sql::quoteLiteral(v));
    return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QLatin1Char(',')));
}
} // namespace

DirectoryStore::DirectoryStore(QSqlDatabase& db)
    : m_db(db)
{ }

Status DirectoryStore::ensureStaging()
{
    if (m_stagingReady)
        return {};
    // Outside any transaction, so a rolled-back page never takes the staging tables with it.
    if (Status status = sql::execScript(m_db, "SET client_min_messages = warning;\n" + QByteArray(kStaging)); !status)
        return status;
    m_stagingReady = true;
    return {};
}

Status DirectoryStore::stage(const RecordBatch& page, ApplyCounts& counts)
{
    QElapsedTimer timer;
    timer.start();
    sql::CopyBuffer people;
    sql::CopyBuffer phones;
    for (const PersonRecord& p : page.people) {
        people.add(p.resourceType)
            .add(p.id)
            .add(p.givenName.isEmpty() ? QString() : p.givenName)
            .add(p.familyName.isEmpty() ? QString() : p.familyName)
            .add(p.displayName)
            .add(p.gender.isEmpty() ? QString() : p.gender)
            .add(p.language.isEmpty() ? QString() : p.language)
            .add(p.email.isEmpty() ? QString() : p.email)
            .add(p.identifiersJson)
            .add(p.active)
            .add(p.lastUpdated)
            .endRow();
        for (qsizetype i = 0; i < p.phones.size(); ++i) {
            const phone::Normalized& n = p.phones.at(i);
            if (n.raw.isEmpty() || n.raw.size() > 64)
                continue;
            phones.add(p.resourceType)
                .add(p.id)
                .add(n.raw)
                .add(n.e164.isEmpty() ? QString() : n.e164)
                .add(p.phoneUses.value(i).isEmpty() ? QString() : p.phoneUses.value(i))
                .add(n.problem.isEmpty() ? QString() : n.problem)
                .endRow();
            if (!n.valid())
                ++counts.invalidPhones;
        }
    }
    sql::CopyBuffer roles;
    for (const RoleRecord& r : page.roles) {
        roles.add(r.id)
            .add(r.practitionerId.isEmpty() ? QString() : r.practitionerId)
            .add(r.jobSystem.isEmpty() ? QString() : r.jobSystem)
            .add(r.jobCode.isEmpty() ? QString() : r.jobCode)
            .add(r.jobDisplay.isEmpty() ? QString() : r.jobDisplay)
            .add(r.locationId.isEmpty() ? QString() : r.locationId)
            .add(r.organizationId.isEmpty() ? QString() : r.organizationId)
            .add(r.active)
            .add(r.periodStart)
            .add(r.periodEnd)
            .add(r.lastUpdated)
            .endRow();
    }
    sql::CopyBuffer places;
    for (const PlaceRecord& p : page.places) {
        places.add(p.resourceType)
            .add(p.id)
            .add(p.name)
            .add(p.partOfId.isEmpty() ? QString() : p.partOfId)
            .addArray(p.typeCodes)
            .add(p.active)
            .add(p.lastUpdated)
            .endRow();
    }
    sql::CopyBuffer codes;
    for (const JobRecord& j : page.jobs) {
        codes.add(j.system)
            .add(j.code)
            .add(j.display.isEmpty() ? QString() : j.display)
            .add(j.cadreCode.isEmpty() ? QString() : j.cadreCode)
            .endRow();
    }
    sql::CopyBuffer deleted;
    for (const DeletedRecord& d : page.deleted)
        deleted.add(d.resourceType).add(d.id).endRow();

    const struct
    {
        const sql::CopyBuffer& rows;
        const char* statement;
    } copies[] = {
        {people,
         "COPY stage_person (resource_type, resource_id, given_name, family_name, display_name, gender, language, "
         "email, identifiers, active, source_updated_at) FROM STDIN"},
        {phones, "COPY stage_phone (resource_type, resource_id, raw, e164, use, problem) FROM STDIN"},
        {roles,
         "COPY stage_role (resource_id, practitioner_id, job_system, job_code, job_display, location_id, "
         "organization_id, active, period_start, period_end, source_updated_at) FROM STDIN"},
        {places,
         "COPY stage_place (resource_type, resource_id, name, part_of_id, type_codes, active, source_updated_at) "
         "FROM STDIN"},
        {codes, "COPY stage_code (system, code, display, cadre_code) FROM STDIN"},
        {deleted, "COPY stage_deleted (resource_type, resource_id) FROM STDIN"},
    };
    lap(QStringLiteral("stage: COPY buffers"), timer);
    QStringList analyze;
    for (const auto& copy : copies) {
        if (copy.rows.rows() == 0)
            continue;
        if (Status status = sql::copyIn(m_db, QString::fromLatin1(copy.statement), copy.rows); !status)
            return status;
        // Temporary tables are never analysed automatically: without statistics the planner
        // guesses a handful of rows and joins a large page by nested loops.
        if (copy.rows.rows() > 100)
            analyze << QString::fromLatin1(copy.statement).section(QLatin1Char(' '), 1, 1);
    }
    lap(QStringLiteral("stage: COPY"), timer);
    if (!analyze.isEmpty())
        if (Status status = sql::execScript(m_db, "ANALYZE " + analyze.join(QStringLiteral(", ")).toLatin1()); !status)
            return status;
    lap(QStringLiteral("stage: ANALYZE"), timer);
    // A resource listed twice (a file with a duplicate id) is one person, written once.
    QSet<QString> distinctPeople;
    for (const PersonRecord& p : page.people)
        distinctPeople.insert(p.resourceType + QLatin1Char('/') + p.id);
    counts.people = static_cast<int>(distinctPeople.size());
    QSet<QString> distinctRoles;
    for (const RoleRecord& r : page.roles)
        distinctRoles.insert(r.id);
    counts.roles = static_cast<int>(distinctRoles.size());
    QSet<QString> distinctPlaces;
    for (const PlaceRecord& p : page.places)
        distinctPlaces.insert(p.resourceType + QLatin1Char('/') + p.id);
    counts.places = static_cast<int>(distinctPlaces.size());
    counts.codes = static_cast<int>(page.jobs.size());
    counts.deleted = static_cast<int>(page.deleted.size());
    return {};
}

Status DirectoryStore::merge(int sourceId, const RecordBatch& page)
{
    const QString source = QString::number(sourceId);
    QByteArray script;
    // Order matters: places and codes, then roles (resolved against them), then people (who take
    // their primary role's job and place as they are written), then deletions.
    // (A deleted place keeps its name and partOf, so nothing resolved from it changes.)
    if (!page.places.isEmpty())
        script += QString::fromLatin1(kMergePlaces).arg(source).toUtf8();
    if (!page.jobs.isEmpty())
        script += QString::fromLatin1(kMergeCodes).arg(source).toUtf8();
    if (!page.places.isEmpty() || !page.jobs.isEmpty())
        script += QString::fromLatin1(kResolveChanged).arg(source).toUtf8();
    if (!page.roles.isEmpty())
        script += QString::fromLatin1(kMergeRoles).arg(source).toUtf8();

    QStringList others; // practitioners whose role changed on a page that does not hold them
    QStringList people;
    for (const PersonRecord& p : page.people)
        if (p.resourceType == QLatin1String("Practitioner"))
            people.append(p.id);
    const QSet<QString> onPage(people.cbegin(), people.cend());
    for (const RoleRecord& r : page.roles) {
        if (!r.practitionerId.isEmpty() && !onPage.contains(r.practitionerId))
            others.append(r.practitionerId);
    }
    QStringList deletedRoles;
    for (const DeletedRecord& d : page.deleted)
        if (d.resourceType == QLatin1String("PractitionerRole"))
            deletedRoles.append(d.id);

    if (!page.people.isEmpty())
        script += QString::fromLatin1(kMergePeople).arg(source).toUtf8();
    if (!deletedRoles.isEmpty()) // the people who held a deleted role lose it
        script += QStringLiteral("INSERT INTO stage_affected SELECT practitioner_id FROM mhero.health_worker_role "
                                 "WHERE source_id = %1 AND resource_id = ANY (%2);\n")
                      .arg(source, sqlList(deletedRoles))
                      .toUtf8();
    if (!page.deleted.isEmpty())
        script += QString::fromLatin1(kApplyDeletions).arg(source).toUtf8();
    if (!others.isEmpty() || !deletedRoles.isEmpty()) {
        others.removeDuplicates();
        script += QStringLiteral("SELECT mhero.resolve_workers(%1, %2 || ARRAY(SELECT id FROM stage_affected));\n")
                      .arg(source, sqlList(others))
                      .toUtf8();
    }
    if (script.isEmpty())
        return {};
    // One statement at a time: each is planned after the previous ones ran, on what they wrote
    // (sent as one multi-statement string, the page took twice as long). No statement above
    // holds a ";" followed by a newline inside it.
    for (const QByteArray& statement : script.split('\n').join('\n').split(';')) {
        const QByteArray trimmed = statement.trimmed();
        if (statementLabel(trimmed).isEmpty()) // nothing but comments
            continue;
        QElapsedTimer timer;
        timer.start();
        if (Status status = sql::execScript(m_db, statement); !status)
            return status;
        lap(QStringLiteral("merge: ") + statementLabel(trimmed), timer);
    }
    return {};
}

void DirectoryStore::lap(const QString& phase, QElapsedTimer& timer)
{
    m_phaseUs[phase] += timer.nsecsElapsed() / 1000;
    timer.restart();
}

Result<ApplyCounts> DirectoryStore::apply(int sourceId, const RecordBatch& page, const QString& job,
                                          const std::optional<QString>& cursor)
{
    if (Status status = ensureStaging(); !status)
        return status.error();
    ApplyCounts counts;
    QElapsedTimer begin;
    begin.start();
    // Not waiting for the WAL flush at each page's commit is safe here: a crash can only lose the
    // last pages together with the cursor stored with them, so they are read again next time.
    auto transaction = sql::Transaction::begin(m_db); // rolled back on every early return below
    if (!transaction)
        return transaction.error();
    if (Status status = sql::execScript(m_db, "SET LOCAL synchronous_commit = off"); !status)
        return status.error();
    lap(QStringLiteral("begin"), begin);
    if (Status status = stage(page, counts); !status)
        return status.error();
    if (Status status = merge(sourceId, page); !status)
        return status.error();
    QElapsedTimer timer;
    timer.start();
    if (cursor) {
        if (Status stored = sources::saveCursor(m_db, sourceId, job, *cursor); !stored)
            return stored.error();
    }
    lap(QStringLiteral("cursor"), timer);
    if (Status status = transaction->commit(); !status)
        return status.error();
    lap(QStringLiteral("commit"), timer);
    m_rowsWritten += counts.people + counts.roles;
    return counts;
}

Status DirectoryStore::finishRun()
{
    // The tables as this run left them, for the next run's plans.
    if (m_rowsWritten - m_rowsAnalyzed >= kAnalyzeAfterRows)
        return analyze();
    return {};
}

Status DirectoryStore::analyze()
{
    QElapsedTimer timer;
    timer.start();
    Status status = sql::execScript(m_db, "SELECT mhero.analyze_directory()");
    m_rowsAnalyzed = m_rowsWritten;
    lap(QStringLiteral("analyze_directory"), timer);
    return status;
}

Result<bool> DirectoryStore::deferIndexes()
{
    QElapsedTimer timer;
    timer.start();
    auto deferred = sql::scalar(m_db, QStringLiteral("SELECT mhero.defer_directory_indexes()"));
    lap(QStringLiteral("defer_directory_indexes"), timer);
    if (!deferred)
        return deferred.error();
    return deferred->toBool();
}

Status DirectoryStore::restoreIndexes()
{
    QElapsedTimer timer;
    timer.start();
    Status status = sql::execScript(m_db, "SELECT mhero.restore_directory_indexes()");
    lap(QStringLiteral("restore_directory_indexes"), timer);
    return status;
}

Status DirectoryStore::refreshFacets()
{
    QElapsedTimer timer;
    timer.start();
    Status status = sql::execScript(m_db, "SELECT mhero.refresh_facets()");
    lap(QStringLiteral("refresh_facets"), timer);
    return status;
}

Result<QString> DirectoryStore::cursor(int sourceId, const QString& job)
{
    return sources::loadCursor(m_db, sourceId, job);
}

Status DirectoryStore::recordRun(int sourceId, const QString& job, const QString& error)
{
    return sources::recordRun(m_db, sourceId, job, error);
}

} // namespace mhero::sources
