#pragma once

#include "Result.h"
#include "suggest/Ranker.h"

#include <QDateTime>

class QSqlDatabase;

/// The database side of answer suggestion (migration 22): the approved templates as the ranker
/// reads them, and the learning loop — agents' choices, proposed examples, supervisors' decisions.
/// Blocking calls for a worker thread (Database::run) or the command line; the rules (who may
/// record, who may approve, the audit) are the database's.
namespace mhero::suggest {

/// Approved versions of live templates, with their example questions and the approved learnt ones.
[[nodiscard]] Result<QList<Candidate>> loadCandidates(QSqlDatabase& db);

/// The shipped lexicon with the supervisors' lines added (mhero.suggest_lexicon).
[[nodiscard]] Result<Lexicon> loadLexicon(QSqlDatabase& db);
/// Adds a lexicon line (supervisors only, audited); returns its id.
[[nodiscard]] Result<qint64> addLexiconLine(QSqlDatabase& db, const QString& meaning, const QString& variants);
/// A ranker over the approved templates with the extended lexicon: what the console ranks with.
[[nodiscard]] Result<std::shared_ptr<const Ranker>> loadRanker(QSqlDatabase& db);

/// Records what the agent sent for @p question after the console suggested @p suggested (template
/// ids, best first; empty when it abstained); @p chosenTemplate 0 when none fitted. Returns the id
/// of the example it proposes, or 0 (the first suggestion was right, none fitted, or it is
/// already proposed).
[[nodiscard]] Result<qint64> recordChoice(QSqlDatabase& db, const QString& question, const QList<qint64>& suggested,
                                          qint64 chosenTemplate);

struct ProposedExample
{
    qint64 id = 0;
    qint64 templateId = 0;
    QString templateName;
    QString question;
    QString proposedBy;
    QDateTime proposedAt;
};
/// Proposals waiting for a supervisor, oldest first.
[[nodiscard]] Result<QList<ProposedExample>> proposedExamples(QSqlDatabase& db);
/// Approves (the ranker uses it from the next load) or rejects a proposal; supervisors only.
[[nodiscard]] Status decideExample(QSqlDatabase& db, qint64 exampleId, bool approve);

} // namespace mhero::suggest
