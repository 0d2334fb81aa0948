#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace mhero::directory {

/// What the agent typed and picked on the directory page.
struct SearchFilter
{
    enum class Status { Active, Inactive, Any };
    enum class Kind { HealthWorkers, Patients, Everyone };
    QString text; ///< a name (typos and accents tolerated), a phone number in any format, an identifier or a facility
    QString district;
    QString facility;
    QString cadre;
    Status status = Status::Active;
    Kind kind = Kind::HealthWorkers;
    QString phoneRegion = QStringLiteral("LR"); ///< for numbers typed in national format
};

/// One line of the directory list.
struct DirectoryRow
{
    qint64 id = 0;
    QString displayName;
    QString cadre;
    QString job;
    QString facility;
    QString district;
    QString phone; ///< first valid number (E.164), else the first number as written
    bool phoneValid = false;
    bool active = true;
    bool patient = false;
    QString nameKey; ///< keyset cursor
    float score = 0; ///< similarity, for typo matches
};

/// Where the next page starts. Exact matches (every word found) come first, in name order, paged
/// by keyset; then, once they are exhausted, the best typo-tolerant matches (one page).
struct SearchCursor
{
    int phase = 0; ///< 0: exact matches, 1: typo matches
    QString nameKey;
    qint64 id = 0;
};

struct SearchPage
{
    QList<DirectoryRow> rows;
    std::optional<SearchCursor> next; ///< empty at the end
    bool phoneSearch = false; ///< the text was read as a phone number
};

/// Runs one page of a directory search. Blocking (run it on the database thread).
Result<SearchPage> search(QSqlDatabase& db, const SearchFilter& filter, const std::optional<SearchCursor>& after,
                          int limit);

/// How a page of matches is found. A page is the first few matches in name order: when many people
/// match (a common surname, four letters), walking the name index finds them at once; when few do
/// (a full name, an identifier), the trigram index finds them all and they are sorted.
enum class SearchPlan {
    Planner, ///< one statement, the planner chooses (no text, a phone number, a district/facility/cadre filter)
    NameWalk, ///< walk at most kNameWalkCap rows of the name index (index-only, no table access)
    Matches, ///< every match through the trigram index, then sorted
};
/// Rows of the name index one NameWalk reads at most (about 10 ms).
inline constexpr int kNameWalkCap = 50'000;

/// The SQL and bind values search() would run, for the benchmark (raw query time) and tests.
struct SearchQuery
{
    QString sql;
    QVariantList values;
    int phase = 0;
    bool phone = false;
    /// Text conditions without district/facility/cadre filters: search() may choose NameWalk or
    /// Matches from the planner's estimate of the matches (estimateSql).
    bool walkable = false;
    QString estimateSql; ///< EXPLAIN of the matches (with their values), when walkable
    QString estimateAllSql; ///< EXPLAIN of the rows a NameWalk reads (kind and status only), when walkable
    QVariantList estimateValues;
    /// Per query word (phase 0, several plain words): EXPLAIN of the rows holding the word, and of
    /// the rows holding every other word, with their values; search() leaves a common word out of
    /// the trigram index lookup when the other words find few rows (checked on those rows instead).
    QStringList estimateWordSql;
    QList<QVariantList> estimateWordValues;
    QStringList estimateOthersSql;
    QList<QVariantList> estimateOthersValues;
    QStringList words; ///< the query words, folded by the database (as typed here)
};
/// @p alternatives: for the typo phase, the directory words spelt like each query word
/// (spellingAlternatives()). @p unindexedWord: in phase 0 with SearchPlan::Matches, the index of a
/// query word that is checked on the rows the other words find instead of being looked up in the
/// trigram index (same rows, same order; -1: none).
SearchQuery buildSearchQuery(const SearchFilter& filter, const std::optional<SearchCursor>& after, int limit,
                             const QList<QStringList>& alternatives = {}, SearchPlan plan = SearchPlan::Planner,
                             int unindexedWord = -1);
/// For each word of @p text, the directory words spelt most like it.
Result<QList<QStringList>> spellingAlternatives(QSqlDatabase& db, const QString& text);

/// Filter choices: districts, facilities, cadres (from directory_facet).
struct Facets
{
    QStringList districts;
    QStringList facilities;
    QStringList cadres;
};
Result<Facets> loadFacets(QSqlDatabase& db);

/// Everything the details panel shows.
struct WorkerDetails
{
    struct Phone
    {
        QString raw;
        QString e164;
        QString use;
        QString problem;
    };
    struct Role
    {
        QString job;
        QString cadre;
        QString facility;
        QString district;
        QString region;
        bool active = true;
        QDate start;
        QDate end;
    };
    struct Conversation
    {
        qint64 id = 0;
        QString status;
        QString urn;
        QString assignee;
        QDateTime lastActivity;
    };
    struct Note
    {
        QString authorName;
        QString body;
        QDateTime createdAt;
        qint64 conversationId = 0; ///< 0: left on the person, not in a conversation
    };
    DirectoryRow row;
    QString givenName;
    QString familyName;
    QString gender;
    QString language;
    QString email;
    QString region;
    QStringList identifiers; ///< "value (system)"
    QString source;
    QString resourceType;
    QString resourceId;
    QDateTime sourceUpdatedAt;
    QDateTime updatedAt;
    QDateTime deletedAt;
    /// Opted out of messages (a STOP reply or the platform's opt-out): no channel reaches them.
    bool optedOut = false;
    QDateTime optedOutAt; ///< invalid when not known
    QString optOutReason; ///< stop_word, platform, or empty
    QList<Phone> phones;
    QList<Role> roles;
    QList<Conversation> conversations;
    /// The newest notes colleagues left on the person (any conversation), newest first; empty
    /// for roles that may not read notes (administrators).
    QList<Note> notes;
    int noteCount = 0; ///< all of them, when more than notes.size()
};
Result<WorkerDetails> loadDetails(QSqlDatabase& db, qint64 id);

/// When the directory was last synced, for the page's status line.
struct SyncStatus
{
    QDateTime lastSuccess;
    QString lastError;
    QString sources; ///< names, comma separated
};
Result<SyncStatus> loadSyncStatus(QSqlDatabase& db);

/// The deployment's default phone region (setting phone.default_region, e.g. "LR"), with which
/// the page reads a number typed without its country code; empty when it is not set.
Result<QString> loadDefaultPhoneRegion(QSqlDatabase& db);

} // namespace mhero::directory
