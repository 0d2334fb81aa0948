#include "suggest/SuggestStore.h"

#include "db/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::suggest {

namespace {
QStringList stringList(const QVariant& json)
{
    QStringList list;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toString().toUtf8()).array())
        list.append(value.toString());
    return list;
}
} // namespace

Result<QList<Candidate>> loadCandidates(QSqlDatabase& db)
{
    auto query = sql::exec(
        db,
        QStringLiteral(
            "SELECT t.id, v.id, t.name, t.category, array_to_json(t.tags)::text, "
            "       (SELECT json_object_agg(b.language, b.body) FROM mhero.template_body b "
            "         WHERE b.template_version_id = v.id)::text, "
            "       array_to_json(v.example_questions || ARRAY(SELECT e.question FROM mhero.suggestion_example e "
            "          WHERE e.template_id = t.id AND e.status = 'approved' ORDER BY e.id))::text "
            "  FROM mhero.template t JOIN mhero.template_version v ON v.template_id = t.id AND v.status = 'approved' "
            " WHERE t.retired_at IS NULL ORDER BY t.id"));
    if (!query)
        return query.error();
    QList<Candidate> candidates;
    while (query->next()) {
        Candidate candidate;
        candidate.templateId = query->value(0).toLongLong();
        candidate.versionId = query->value(1).toLongLong();
        candidate.name = query->value(2).toString();
        candidate.category = query->value(3).toString();
        candidate.tags = stringList(query->value(4));
        const QJsonObject bodies = QJsonDocument::fromJson(query->value(5).toString().toUtf8()).object();
        for (auto it = bodies.begin(); it != bodies.end(); ++it)
            candidate.bodies.insert(it.key(), it->toString());
        candidate.examples = stringList(query->value(6));
        candidates.append(candidate);
    }
    return candidates;
}

Result<Lexicon> loadLexicon(QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT concept, variants FROM mhero.suggest_lexicon ORDER BY id"));
    if (!query)
        return query.error();
    Lexicon lexicon = Lexicon::builtin();
    while (query->next())
        lexicon.add(query->value(0).toString(), query->value(1).toString().split(QLatin1Char('|')));
    return lexicon;
}

Result<qint64> addLexiconLine(QSqlDatabase& db, const QString& meaning, const QString& variants)
{
    auto id = sql::scalar(db, QStringLiteral("SELECT mhero.add_suggest_lexicon(?, ?)"), {meaning, variants});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<std::shared_ptr<const Ranker>> loadRanker(QSqlDatabase& db)
{
    auto lexicon = loadLexicon(db);
    if (!lexicon)
        return lexicon.error();
    auto candidates = loadCandidates(db);
    if (!candidates)
        return candidates.error();
    auto ranker = std::make_shared<Ranker>(*lexicon);
    ranker->setCandidates(*candidates);
    return std::shared_ptr<const Ranker>(std::move(ranker));
}

Result<qint64> recordChoice(QSqlDatabase& db, const QString& question, const QList<qint64>& suggested,
                            qint64 chosenTemplate)
{
    QStringList ids;
    for (qint64 id : suggested)
        ids.append(QString::number(id));
    auto proposal
        = sql::scalar(db, QStringLiteral("SELECT mhero.record_suggestion_choice(?, ?::bigint[], ?)"),
                      {question, QStringLiteral("{%1}").arg(ids.join(QLatin1Char(','))),
                       chosenTemplate > 0 ? QVariant(chosenTemplate) : QVariant(QMetaType(QMetaType::LongLong))});
    if (!proposal)
        return proposal.error();
    return proposal->isNull() ? 0 : proposal->toLongLong();
}

Result<QList<ProposedExample>> proposedExamples(QSqlDatabase& db)
{
    auto query
        = sql::exec(db,
                    QStringLiteral("SELECT e.id, e.template_id, t.name, e.question, e.proposed_by, e.proposed_at "
                                   "  FROM mhero.suggestion_example e JOIN mhero.template t ON t.id = e.template_id "
                                   " WHERE e.status = 'proposed' ORDER BY e.proposed_at, e.id"));
    if (!query)
        return query.error();
    QList<ProposedExample> list;
    while (query->next())
        list.append({query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toString(),
                     query->value(3).toString(), query->value(4).toString(), query->value(5).toDateTime()});
    return list;
}

Status decideExample(QSqlDatabase& db, qint64 exampleId, bool approve)
{
    auto done = sql::exec(db, QStringLiteral("SELECT mhero.decide_suggestion_example(?, ?)"), {exampleId, approve});
    if (!done)
        return done.error();
    return {};
}

} // namespace mhero::suggest
