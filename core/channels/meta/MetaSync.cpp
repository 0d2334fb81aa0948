#include "channels/meta/MetaSync.h"

#include "db/Sql.h"
#include "sources/SyncState.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcMetaSync, "mhero.meta")

namespace mhero::meta {

Result<TemplatePage> parseTemplatePage(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue data = document.object().value(QLatin1String("data"));
    if (!document.isObject() || !data.isArray())
        return Error{QStringLiteral("whatsapp-bad-template-list"),
                     QCoreApplication::translate("mhero::meta::MetaSync",
                                                 "WhatsApp's template list could not be read (no \"data\" list)."),
                     QString::fromUtf8(body.left(200))};
    // The same rules as mhero.whatsapp_template's checks: an entry that would break them is left
    // out with its reason rather than failing the whole list.
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,512}$"));
    static const QRegularExpression language(QStringLiteral("^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$"));
    static const QRegularExpression word(QStringLiteral("^[A-Z_]{1,40}$"));
    TemplatePage page;
    for (const QJsonValue& value : data.toArray()) {
        const QJsonObject o = value.toObject();
        WhatsAppTemplate t;
        t.name = o.value(QLatin1String("name")).toString();
        t.language = o.value(QLatin1String("language")).toString();
        t.status = o.value(QLatin1String("status")).toString();
        t.category = o.value(QLatin1String("category")).toString();
        t.id = o.value(QLatin1String("id")).toString().left(64);
        t.components = o.value(QLatin1String("components")).toArray();
        if (!name.match(t.name).hasMatch() || !language.match(t.language).hasMatch()
            || !word.match(t.status).hasMatch() || (!t.category.isEmpty() && !word.match(t.category).hasMatch())) {
            page.problems.append(QStringLiteral("template %1/%2: unreadable name, language, status or category")
                                     .arg(t.name.left(60), t.language.left(20)));
            continue;
        }
        page.templates.append(t);
    }
    page.next = QUrl(document.object().value(QLatin1String("paging")).toObject().value(QLatin1String("next")).toString());
    return page;
}

MetaSync::MetaSync(MetaSource source, QSqlDatabase& db, QString worker, QObject* parent)
    : channels::ChannelSource(parent)
    , m_source(std::move(source))
    , m_entry(sourceEntry(m_source))
    , m_db(db)
{
    if (m_source.platform == MetaSource::Platform::WhatsApp)
        m_adapter = std::make_unique<WhatsAppAdapter>(m_source);
    else
        m_adapter = std::make_unique<MessengerAdapter>(m_source);
    m_sender = std::make_unique<channels::OutboxSender>(*m_adapter, m_source.id, db, std::move(worker));
    // A 429 (or Graph's rate-limit codes, through the sender) holds the outbox back.
    connect(&m_adapter->client(), &net::HttpClient::throttled, this, [this](int delayMs) {
        m_sender->pause(delayMs);
        qCInfo(lcMetaSync).noquote() << m_source.name << "throttled by Meta for" << delayMs << "ms";
    });
}

QList<channels::ChannelSource::Poll> MetaSync::polls() const
{
    if (m_source.platform == MetaSource::Platform::WhatsApp)
        return {{QStringLiteral("templates"), kTemplatesMs}};
    return {};
}

void MetaSync::poll(const QString& job, std::function<void(Result<int>)> done)
{
    if (job == QLatin1String("templates") && m_source.platform == MetaSource::Platform::WhatsApp)
        syncTemplates(std::move(done));
    else
        done(Error{QStringLiteral("unknown-job"), QStringLiteral("%1 has no job %2").arg(m_adapter->platformName(), job), {}});
}

bool MetaSync::refuseWithoutSecret(const QString& job, const std::function<void(Error)>& done)
{
    if (!m_source.secretError)
        return false;
    (void)sources::recordRun(m_db, m_source.id, job, m_source.secretError->toString());
    done(*m_source.secretError);
    return true;
}

void MetaSync::sendOutbox(std::function<void(Result<channels::SendReport>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("outbox"), done))
        return;
    m_sender->run(std::move(done));
}

void MetaSync::syncTemplates(std::function<void(Result<int>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("templates"), done))
        return;
    QUrl url = m_adapter->source().graphUrl;
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    url = url.resolved(QUrl(m_source.businessAccountId + QStringLiteral("/message_templates")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("name,language,status,category,id,components"));
    url.setQuery(query);
    readTemplates(url, std::make_shared<QList<WhatsAppTemplate>>(), 1, std::move(done));
}

void MetaSync::readTemplates(const QUrl& url, std::shared_ptr<QList<WhatsAppTemplate>> all, int page,
                             std::function<void(Result<int>)> done)
{
    if (page > kMaxTemplatePages) {
        const Error error{QStringLiteral("whatsapp-too-many-pages"),
                          tr("WhatsApp's template list went on past %1 pages; it was not taken.").arg(kMaxTemplatePages),
                          {}};
        (void)sources::recordRun(m_db, m_source.id, QStringLiteral("templates"), error.toString());
        done(error);
        return;
    }
    m_adapter->client().get(url, [this, all, page, done = std::move(done)](Result<QByteArray> body) mutable {
        Result<TemplatePage> parsed = body ? parseTemplatePage(*body) : Result<TemplatePage>(body.error());
        if (!parsed) {
            (void)sources::recordRun(m_db, m_source.id, QStringLiteral("templates"), parsed.error().toString());
            done(parsed.error());
            return;
        }
        for (const QString& problem : std::as_const(parsed->problems))
            qCWarning(lcMetaSync).noquote() << m_source.name << problem;
        all->append(parsed->templates);
        if (!parsed->next.isEmpty()) {
            readTemplates(parsed->next, std::move(all), page + 1, std::move(done));
            return;
        }
        Result<int> stored = storeTemplates(*all);
        (void)sources::recordRun(m_db, m_source.id, QStringLiteral("templates"),
                                 stored ? QString() : stored.error().toString());
        done(std::move(stored));
    });
}

Result<int> MetaSync::storeTemplates(const QList<WhatsAppTemplate>& templates)
{
    QJsonArray rows;
    for (const WhatsAppTemplate& t : templates)
        rows.append(QJsonObject{{QStringLiteral("name"), t.name},
                                {QStringLiteral("language"), t.language},
                                {QStringLiteral("status"), t.status},
                                {QStringLiteral("category"), t.category.isEmpty() ? QJsonValue() : QJsonValue(t.category)},
                                {QStringLiteral("id"), t.id},
                                {QStringLiteral("components"), t.components}});
    // One statement: the listed templates stored, the others of this number removed. The list
    // is complete (every page was read), so a template missing from it was deleted at Meta.
    auto query = sql::exec(m_db, QStringLiteral(R"sql(
WITH listed AS (
    SELECT DISTINCT ON (e->>'name', e->>'language') e->>'name' AS name, e->>'language' AS language,
           e->>'status' AS status, e->>'category' AS category, nullif(e->>'id', '') AS template_id,
           coalesce(e->'components', '[]') AS components
      FROM jsonb_array_elements(?::jsonb) e),
upserted AS (
    INSERT INTO mhero.whatsapp_template AS w (source_id, name, language, status, category, template_id, components,
                                              updated_at)
    SELECT ?, name, language, status, category, template_id, components, now() FROM listed
    ON CONFLICT (source_id, name, language) DO UPDATE
       SET status = EXCLUDED.status, category = EXCLUDED.category, template_id = EXCLUDED.template_id,
           components = EXCLUDED.components, updated_at = now()
     WHERE (w.status, w.category, w.template_id, w.components)
           IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.category, EXCLUDED.template_id, EXCLUDED.components)
    RETURNING 1),
removed AS (
    DELETE FROM mhero.whatsapp_template w
     WHERE w.source_id = ? AND NOT EXISTS (SELECT FROM listed l WHERE l.name = w.name AND l.language = w.language)
    RETURNING 1)
SELECT (SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed)
)sql"),
                           {QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)), m_source.id,
                            m_source.id});
    if (!query)
        return query.error();
    if (!query->next())
        return 0;
    return query->value(0).toInt();
}

} // namespace mhero::meta
