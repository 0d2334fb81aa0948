#include "templates/TemplateStore.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace mhero::templates {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::templates", text);
}

QString jsonList(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString jsonMap(const QMap<QString, QString>& map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QStringList parseList(const QVariant& value)
{
    QStringList list;
    for (const QJsonValue& v : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        list << v.toString();
    return list;
}

QMap<QString, QString> parseMap(const QVariant& value)
{
    QMap<QString, QString> map;
    const QJsonObject object = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

/// A LIKE pattern that finds @p text anywhere, with LIKE's own characters taken literally.
QString containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// text[] parameters travel as JSON arrays: QPSQL has no binding for arrays.
constexpr QLatin1StringView kTextArray{"ARRAY(SELECT jsonb_array_elements_text(?::jsonb))"};

const QString kVersionColumns = QStringLiteral(
    "v.id, v.template_id, v.version, v.status, "
    "(SELECT json_object_agg(b.language, b.body ORDER BY b.language) FROM mhero.template_body b "
    "  WHERE b.template_version_id = v.id)::text, "
    "array_to_json(v.example_questions)::text, array_to_json(v.free_placeholders)::text, "
    "v.whatsapp_template_name, v.whatsapp_language, v.author, v.last_editor, v.decided_by, v.rejection_reason, "
    "v.updated_at, v.submitted_at, v.decided_at");

VersionInfo readVersion(const QSqlQuery& q, int first = 0)
{
    VersionInfo v;
    v.id = q.value(first + 0).toLongLong();
    v.templateId = q.value(first + 1).toLongLong();
    v.version = q.value(first + 2).toInt();
    v.status = q.value(first + 3).toString();
    v.bodies = parseMap(q.value(first + 4));
    v.exampleQuestions = parseList(q.value(first + 5));
    v.freePlaceholders = parseList(q.value(first + 6));
    v.whatsappName = q.value(first + 7).toString();
    v.whatsappLanguage = q.value(first + 8).toString();
    v.author = q.value(first + 9).toString();
    v.lastEditor = q.value(first + 10).toString();
    v.decidedBy = q.value(first + 11).toString();
    v.rejectionReason = q.value(first + 12).toString();
    v.updatedAt = q.value(first + 13).toDateTime();
    v.submittedAt = q.value(first + 14).toDateTime();
    v.decidedAt = q.value(first + 15).toDateTime();
    return v;
}

const QString kSummarySelect = QStringLiteral(
    "SELECT t.id, t.name, t.category, array_to_json(t.tags)::text, "
    "       CASE WHEN t.retired_at IS NOT NULL THEN 'retired' ELSE lv.status END, "
    "       EXISTS (SELECT FROM mhero.template_version a WHERE a.template_id = t.id AND a.status = 'approved'), "
    "       (SELECT array_to_json(array_agg(b.language ORDER BY b.language)) FROM mhero.template_body b "
    "         WHERE b.template_version_id = lv.id)::text, "
    "       greatest(t.updated_at, lv.updated_at) "
    "  FROM mhero.template t "
    "  LEFT JOIN LATERAL (SELECT v.id, v.status, v.updated_at FROM mhero.template_version v "
    "                      WHERE v.template_id = t.id ORDER BY v.version DESC LIMIT 1) lv ON true ");

TemplateSummary readSummary(const QSqlQuery& q)
{
    TemplateSummary s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.category = q.value(2).toString();
    s.tags = parseList(q.value(3));
    s.status = q.value(4).toString();
    s.hasApproved = q.value(5).toBool();
    s.languages = parseList(q.value(6));
    s.lastChange = q.value(7).toDateTime();
    return s;
}

Status call(QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    auto result = sql::exec(db, statement, values);
    if (!result)
        return result.error();
    return {};
}
} // namespace

QStringList categories()
{
    return {QStringLiteral("clinical"), QStringLiteral("hr_payroll"), QStringLiteral("outbreak"),
            QStringLiteral("training"), QStringLiteral("general")};
}

QString categoryLabel(const QString& category)
{
    if (category == QLatin1String("clinical"))
        return tr("Clinical guidance");
    if (category == QLatin1String("hr_payroll"))
        return tr("HR / payroll");
    if (category == QLatin1String("outbreak"))
        return tr("Outbreak alert");
    if (category == QLatin1String("training"))
        return tr("Training");
    if (category == QLatin1String("general"))
        return tr("General");
    return category;
}

QString statusLabel(const QString& status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("submitted"))
        return tr("Awaiting approval");
    if (status == QLatin1String("approved"))
        return tr("Approved");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    if (status == QLatin1String("retired"))
        return tr("Retired");
    return status.isEmpty() ? tr("No version") : status;
}

Result<QList<TemplateSummary>> listTemplates(QSqlDatabase& db, const TemplateFilter& filter)
{
    const QString text = filter.text.trimmed();
    const QString pattern = containsPattern(text);
    auto query = sql::exec(
        db,
        kSummarySelect
            + QStringLiteral(
                " WHERE (? = '' OR t.name ILIKE ? OR array_to_string(t.tags, ' ') ILIKE ? "
                "        OR EXISTS (SELECT FROM mhero.template_version v JOIN mhero.template_body b "
                "                     ON b.template_version_id = v.id WHERE v.template_id = t.id AND b.body ILIKE ?)) "
                "   AND (? = '' OR CASE WHEN t.retired_at IS NOT NULL THEN 'retired' ELSE lv.status END = ?) "
                " ORDER BY lower(t.name) LIMIT 1000"),
        {text, pattern, pattern, pattern, filter.status.isNull() ? QStringLiteral("") : filter.status,
         filter.status.isNull() ? QStringLiteral("") : filter.status});
    if (!query)
        return query.error();
    QList<TemplateSummary> list;
    while (query->next())
        list << readSummary(*query);
    return list;
}

Result<TemplateDetails> loadTemplate(QSqlDatabase& db, qint64 templateId)
{
    auto query = sql::exec(db, kSummarySelect + QStringLiteral(" WHERE t.id = ?"), {templateId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error{QStringLiteral("not-found"), tr("This template no longer exists."), {}};
    TemplateDetails details;
    details.summary = readSummary(*query);
    auto versions = sql::exec(db,
                              QStringLiteral("SELECT ") + kVersionColumns
                                  + QStringLiteral(" FROM mhero.template_version v WHERE v.template_id = ? "
                                                   "ORDER BY v.version DESC"),
                              {templateId});
    if (!versions)
        return versions.error();
    while (versions->next())
        details.versions << readVersion(*versions);
    return details;
}

Result<QList<PendingApproval>> approvalQueue(QSqlDatabase& db)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT t.name, t.category, ") + kVersionColumns
                               + QStringLiteral(" FROM mhero.template_version v JOIN mhero.template t ON t.id = v.template_id "
                                                "WHERE v.status = 'submitted' AND t.retired_at IS NULL "
                                                "ORDER BY v.submitted_at, v.id"));
    if (!query)
        return query.error();
    QList<PendingApproval> queue;
    while (query->next()) {
        PendingApproval p;
        p.templateName = query->value(0).toString();
        p.category = query->value(1).toString();
        p.version = readVersion(*query, 2);
        queue << p;
    }
    auto approved = sql::exec(db,
                              QStringLiteral("SELECT ") + kVersionColumns
                                  + QStringLiteral(" FROM mhero.template_version v WHERE v.status = 'approved' AND "
                                                   "v.template_id IN (SELECT template_id FROM mhero.template_version "
                                                   "WHERE status = 'submitted')"));
    if (!approved)
        return approved.error();
    while (approved->next()) {
        const VersionInfo v = readVersion(*approved);
        for (PendingApproval& p : queue)
            if (p.version.templateId == v.templateId)
                p.approved = v;
    }
    return queue;
}

Result<QList<ApprovedTemplate>> approvedTemplates(QSqlDatabase& db, const QString& search, int limit,
                                                  int whatsAppSource)
{
    QStringList words = search.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    words = words.mid(0, 8);
    QString where;
    QVariantList values;
    for (const QString& word : std::as_const(words)) {
        const QString pattern = containsPattern(word);
        where += QStringLiteral(
            " AND (t.name ILIKE ? OR array_to_string(t.tags, ' ') ILIKE ? OR t.category ILIKE ? "
            "      OR EXISTS (SELECT FROM mhero.template_body b WHERE b.template_version_id = v.id AND b.body ILIKE ?))");
        values << pattern << pattern << pattern << pattern;
    }
    if (whatsAppSource > 0) {
        where += QStringLiteral(" AND mhero.whatsapp_template_problem(v.id, ?) IS NULL");
        values << whatsAppSource;
    }
    // Names that contain the first word come first, then alphabetical order.
    values << (words.isEmpty() ? QStringLiteral("%") : containsPattern(words.first())) << limit;
    auto query = sql::exec(
        db,
        QStringLiteral("SELECT t.id, v.id, t.name, t.category, array_to_json(t.tags)::text, "
                       "       array_to_json(v.free_placeholders)::text, "
                       "       (SELECT json_object_agg(b.language, b.body) FROM mhero.template_body b "
                       "         WHERE b.template_version_id = v.id)::text "
                       "  FROM mhero.template t JOIN mhero.template_version v "
                       "    ON v.template_id = t.id AND v.status = 'approved' "
                       " WHERE t.retired_at IS NULL")
            + where + QStringLiteral(" ORDER BY (t.name ILIKE ?) DESC, lower(t.name) LIMIT ?"),
        values);
    if (!query)
        return query.error();
    QList<ApprovedTemplate> list;
    while (query->next()) {
        ApprovedTemplate a;
        a.templateId = query->value(0).toLongLong();
        a.versionId = query->value(1).toLongLong();
        a.name = query->value(2).toString();
        a.category = query->value(3).toString();
        a.tags = parseList(query->value(4));
        a.freePlaceholders = parseList(query->value(5));
        a.bodies = parseMap(query->value(6));
        list << a;
    }
    return list;
}

Result<int> maxBodyChars(QSqlDatabase& db)
{
    auto value = sql::scalar(db, QStringLiteral("SELECT mhero.template_max_body_chars()"));
    if (!value)
        return value.error();
    return value->toInt();
}

Result<qint64> createTemplate(QSqlDatabase& db, const QString& name, const QString& category, const QStringList& tags)
{
    auto id = sql::scalar(db, QStringLiteral("SELECT mhero.create_template(?, ?, %1)").arg(kTextArray),
                          {name, category, jsonList(tags)});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status updateTemplate(QSqlDatabase& db, qint64 templateId, const QString& name, const QString& category,
                      const QStringList& tags)
{
    return call(db, QStringLiteral("SELECT mhero.update_template(?, ?, ?, %1)").arg(kTextArray),
                {templateId, name, category, jsonList(tags)});
}

Result<std::optional<VersionInfo>> unchangedNewestVersion(QSqlDatabase& db, qint64 templateId, const Draft& draft)
{
    const auto sameContent = [&draft](const VersionInfo& version) {
        return draft.bodies == version.bodies && draft.freePlaceholders == version.freePlaceholders
            && draft.exampleQuestions == version.exampleQuestions && draft.whatsappName == version.whatsappName
            && draft.whatsappLanguage == version.whatsappLanguage;
    };
    auto details = loadTemplate(db, templateId);
    if (!details)
        return details.error();
    if (details->versions.isEmpty())
        return std::optional<VersionInfo>();
    const VersionInfo& newest = details->versions.constFirst(); // newest first
    if ((newest.status == QLatin1String("submitted") || newest.status == QLatin1String("approved"))
        && sameContent(newest))
        return std::optional<VersionInfo>(newest);
    return std::optional<VersionInfo>();
}

Result<qint64> saveDraft(QSqlDatabase& db, qint64 templateId, const Draft& draft)
{
    auto id = sql::scalar(db,
                          QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, %1, nullif(?, ''), nullif(?, ''), %1)")
                              .arg(kTextArray),
                          {templateId, jsonMap(draft.bodies), jsonList(draft.exampleQuestions),
                           draft.whatsappName.trimmed(), draft.whatsappLanguage.trimmed(),
                           jsonList(draft.freePlaceholders)});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status submitVersion(QSqlDatabase& db, qint64 versionId)
{
    return call(db, QStringLiteral("SELECT mhero.submit_version(?)"), {versionId});
}

Result<SavedTemplate> saveTemplate(QSqlDatabase& db, qint64 templateId, const QString& name, const QString& category,
                                   const QStringList& tags, const Draft& draft, bool submit)
{
    return sql::inTransaction(db, [&]() -> Result<SavedTemplate> {
        qint64 id = templateId;
        if (id == 0) {
            auto created = createTemplate(db, name, category, tags);
            if (!created)
                return created.error();
            id = *created;
        } else if (Status updated = updateTemplate(db, id, name, category, tags); !updated) {
            return updated.error();
        }
        auto unchanged = unchangedNewestVersion(db, id, draft);
        if (!unchanged)
            return unchanged.error();
        if (!*unchanged) {
            auto version = saveDraft(db, id, draft);
            if (!version)
                return version.error();
            if (submit)
                if (Status submitted = submitVersion(db, *version); !submitted)
                    return submitted.error();
        }
        return SavedTemplate{id, *unchanged};
    });
}

Status approveVersion(QSqlDatabase& db, qint64 versionId)
{
    return call(db, QStringLiteral("SELECT mhero.approve_version(?)"), {versionId});
}

Status rejectVersion(QSqlDatabase& db, qint64 versionId, const QString& reason)
{
    return call(db, QStringLiteral("SELECT mhero.reject_version(?, ?)"), {versionId, reason});
}

Status retireVersion(QSqlDatabase& db, qint64 versionId)
{
    return call(db, QStringLiteral("SELECT mhero.retire_version(?)"), {versionId});
}

Status retireTemplate(QSqlDatabase& db, qint64 templateId)
{
    return call(db, QStringLiteral("SELECT mhero.retire_template(?)"), {templateId});
}

Result<QByteArray> exportJson(QSqlDatabase& db)
{
    auto query = sql::exec(
        db, QStringLiteral("SELECT t.name, t.category, array_to_json(t.tags)::text, ") + kVersionColumns
                + QStringLiteral(" FROM mhero.template t JOIN mhero.template_version v "
                                 "ON v.template_id = t.id AND v.status = 'approved' "
                                 "WHERE t.retired_at IS NULL ORDER BY lower(t.name)"));
    if (!query)
        return query.error();
    QJsonArray list;
    while (query->next()) {
        const VersionInfo v = readVersion(*query, 3);
        QJsonObject bodies;
        for (auto it = v.bodies.cbegin(); it != v.bodies.cend(); ++it)
            bodies.insert(it.key(), it.value());
        QJsonObject item{{QStringLiteral("name"), query->value(0).toString()},
                         {QStringLiteral("category"), query->value(1).toString()},
                         {QStringLiteral("tags"), QJsonArray::fromStringList(parseList(query->value(2)))},
                         {QStringLiteral("version"), v.version},
                         {QStringLiteral("approved_by"), v.decidedBy},
                         {QStringLiteral("approved_at"), v.decidedAt.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("bodies"), bodies},
                         {QStringLiteral("example_questions"), QJsonArray::fromStringList(v.exampleQuestions)},
                         {QStringLiteral("free_placeholders"), QJsonArray::fromStringList(v.freePlaceholders)}};
        if (!v.whatsappName.isEmpty())
            item.insert(QStringLiteral("whatsapp"), QJsonObject{{QStringLiteral("name"), v.whatsappName},
                                                                {QStringLiteral("language"), v.whatsappLanguage}});
        list.append(item);
    }
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("mhero-templates")},
                           {QStringLiteral("format_version"), 1},
                           {QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {QStringLiteral("templates"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {
Result<ImportReport> importTemplates(QSqlDatabase& db, const QJsonArray& list)
{
    ImportReport report;
    int index = 0;
    for (const QJsonValue& value : list) {
        ++index;
        const QJsonObject item = value.toObject();
        const QString name = item.value(QStringLiteral("name")).toString().trimmed();
        const QString category = item.value(QStringLiteral("category")).toString(QStringLiteral("general"));
        QStringList tags;
        for (const QJsonValue& t : item.value(QStringLiteral("tags")).toArray())
            tags << t.toString();
        const auto prefix = [&](const Error& e) {
            return Error{e.code, tr("Template %1 (\"%2\"): %3").arg(index).arg(name, e.message), e.detail};
        };
        auto existing = sql::exec(db, QStringLiteral("SELECT id FROM mhero.template WHERE lower(name) = lower(?)"),
                                  {name});
        if (!existing)
            return prefix(existing.error());
        qint64 id = 0;
        if (existing->next()) {
            id = existing->value(0).toLongLong();
            ++report.updated;
        } else {
            auto created = createTemplate(db, name, category, tags);
            if (!created)
                return prefix(created.error());
            id = *created;
            ++report.created;
        }
        Draft draft;
        const QJsonObject bodies = item.value(QStringLiteral("bodies")).toObject();
        for (auto it = bodies.begin(); it != bodies.end(); ++it)
            draft.bodies.insert(it.key(), it.value().toString());
        for (const QJsonValue& q : item.value(QStringLiteral("example_questions")).toArray())
            draft.exampleQuestions << q.toString();
        for (const QJsonValue& f : item.value(QStringLiteral("free_placeholders")).toArray())
            draft.freePlaceholders << f.toString();
        const QJsonObject whatsapp = item.value(QStringLiteral("whatsapp")).toObject();
        draft.whatsappName = whatsapp.value(QStringLiteral("name")).toString();
        draft.whatsappLanguage = whatsapp.value(QStringLiteral("language")).toString();
        if (auto saved = saveDraft(db, id, draft); !saved)
            return prefix(saved.error());
    }
    return report;
}
} // namespace

Result<ImportReport> importJson(QSqlDatabase& db, const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        return Error{QStringLiteral("bad-json"), tr("The file is not valid JSON: %1").arg(parseError.errorString()), {}};
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("mhero-templates")
        || !root.value(QStringLiteral("templates")).isArray())
        return Error{QStringLiteral("bad-format"), tr("The file is not an mHero template export."), {}};
    if (root.value(QStringLiteral("format_version")).toInt() > 1)
        return Error{QStringLiteral("bad-format"), tr("The file comes from a newer mHero version."), {}};

    return sql::inTransaction(db,
                              [&] { return importTemplates(db, root.value(QStringLiteral("templates")).toArray()); });
}

} // namespace mhero::templates
