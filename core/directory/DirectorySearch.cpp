#include "directory/DirectorySearch.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace mhero::directory {

namespace {
// Typo-tolerant matches are looked for when the exact ones are fewer than this.
constexpr qsizetype kTypoBelow = 3;

constexpr const char* kColumns
    = "h.id, h.display_name, h.cadre, h.job, h.facility, h.district, h.active, h.resource_type = 'Patient', "
      "h.name_key, "
      "(SELECT coalesce(p.e164, p.raw) || CASE WHEN p.e164 IS NULL THEN '!' ELSE '' END "
      "   FROM mhero.health_worker_phone p WHERE p.health_worker_id = h.id ORDER BY p.e164 IS NULL, p.raw LIMIT 1)";

// A query word folded, then escaped for LIKE: folding turns full-width ％ ＿ ＼ into % _ \, so
// escaping before it would let them through as wildcards. Immutable: still folded once, at plan
// time, for the trigram index.
constexpr const char* kFoldedLike = R"sql(replace(replace(replace(mhero.fold(?), '\', '\\'), '%', '\%'), '_', '\_'))sql";

QString likeEscape(QString word)
{
    word.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    word.replace(QLatin1Char('%'), QLatin1String("\\%"));
    word.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return word;
}

bool isPhoneQuery(const QString& text)
{
    static const QRegularExpression letters(QStringLiteral("\\p{L}"));
    int digits = 0;
    for (QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return digits >= 4 && !text.contains(letters);
}

/// Conditions of the filters, appended to @p where, with their values.
void addFilters(const SearchFilter& filter, QStringList& where, QVariantList& values)
{
    switch (filter.kind) {
    case SearchFilter::Kind::HealthWorkers:
        where << QStringLiteral("h.resource_type = 'Practitioner'");
        break;
    case SearchFilter::Kind::Patients:
        where << QStringLiteral("h.resource_type = 'Patient'");
        break;
    case SearchFilter::Kind::Everyone:
        break;
    }
    switch (filter.status) {
    case SearchFilter::Status::Active:
        where << QStringLiteral("h.active");
        break;
    case SearchFilter::Status::Inactive:
        where << QStringLiteral("NOT h.active");
        break;
    case SearchFilter::Status::Any:
        break;
    }
    if (!filter.district.isEmpty()) {
        where << QStringLiteral("h.district = ?");
        values << filter.district;
    }
    if (!filter.facility.isEmpty()) {
        where << QStringLiteral("h.facility = ?");
        values << filter.facility;
    }
    if (!filter.cadre.isEmpty()) {
        where << QStringLiteral("h.cadre = ?");
        values << filter.cadre;
    }
}
} // namespace

namespace {
/// "lr-hw-0077777" → "-0077777": the longest run of letters and digits, with the separator before
/// it. A word's trigrams next to punctuation ("lr", "hw" in every identifier) are in nearly every
/// row: the trigram index reads their whole posting lists for nothing. The run alone selects as
/// well, at a fraction of the cost; the whole word is then checked on the rows it finds.
QString indexedPart(const QString& word)
{
    qsizetype bestStart = 0, bestLength = 0;
    for (qsizetype i = 0; i < word.size();) {
        if (!word.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < word.size() && word.at(j).isLetterOrNumber())
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    if (bestLength == word.size() || bestLength < 3)
        return {};
    return word.mid(bestStart > 0 ? bestStart - 1 : 0, bestLength + (bestStart > 0 ? 1 : 0));
}

/// Replaces each `?` of @p sql with @p values as SQL literals, for EXPLAIN (which cannot be prepared).
QString inlineValues(QSqlDatabase& db, QString sql, const QVariantList& values)
{
    QString out;
    qsizetype v = 0;
    for (QChar c : sql) {
        if (c == QLatin1Char('?') && v < values.size()) {
            QSqlField field(QString(), values.at(v).metaType());
            field.setValue(values.at(v++));
            out += db.driver()->formatValue(field);
        } else {
            out += c;
        }
    }
    return out;
}

/// Runs @p sql with @p values written into it as literals: one round trip (the simple query
/// protocol). QPSQL runs a statement with bound values as PREPARE, EXECUTE and, when the query
/// is done with, DEALLOCATE: three round trips, each a wake-up of the server and of this thread,
/// for a statement that is planned for its values anyway (a prepared statement's first plans are
/// custom) and never run again. The literals are QPSQL's own, the ones it writes into EXECUTE.
Result<QSqlQuery> execInline(QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    return sql::exec(db, inlineValues(db, sql, values));
}

/// The planner's estimate of the rows of `EXPLAIN SELECT …` (first line of the plan).
Result<double> estimatedRows(QSqlDatabase& db, const QString& explain, const QVariantList& values)
{
    auto query = execInline(db, explain, values);
    if (!query)
        return query.error();
    static const QRegularExpression rows(QStringLiteral("rows=(\\d+)"));
    const QRegularExpressionMatch match = query->next() ? rows.match(query->value(0).toString()) : QRegularExpressionMatch();
    return match.hasMatch() ? match.captured(1).toDouble() : 0.0;
}

/// The planner's estimates of several `EXPLAIN SELECT …` at once: one round trip (one query string
/// of several statements, which QPSQL cannot read the results of: libpq directly).
Result<QList<double>> estimatedRows(QSqlDatabase& db, const QStringList& explains, const QList<QVariantList>& values)
{
    if (explains.size() == 1) {
        auto one = estimatedRows(db, explains.constFirst(), values.value(0));
        if (!one)
            return one.error();
        return QList<double>{*one};
    }
    PGconn* conn = sql::nativeHandle(db);
    if (!conn)
        return Error{QStringLiteral("connection"),
                     QCoreApplication::translate("mhero::sql", "Not connected to PostgreSQL."),
                     {}};
    QStringList statements;
    for (qsizetype i = 0; i < explains.size(); ++i)
        statements << inlineValues(db, explains.at(i), values.value(i));
    if (!PQsendQuery(conn, statements.join(QLatin1String(";\n")).toUtf8().constData()))
        return Error{QStringLiteral("connection"), QString::fromUtf8(PQerrorMessage(conn)).trimmed(), {}};
    static const QRegularExpression rowsPattern(QStringLiteral("rows=(\\d+)"));
    QList<double> rows;
    std::optional<Error> error;
    while (PGresult* result = PQgetResult(conn)) {
        if (PQresultStatus(result) == PGRES_TUPLES_OK) {
            const QRegularExpressionMatch match
                = PQntuples(result) > 0 ? rowsPattern.match(QString::fromUtf8(PQgetvalue(result, 0, 0)))
                                        : QRegularExpressionMatch();
            rows << (match.hasMatch() ? match.captured(1).toDouble() : 0.0);
        } else if (!error) {
            const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
            const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
            error = Error{state ? QString::fromLatin1(state) : QStringLiteral("sql"),
                          message ? QString::fromUtf8(message) : QString::fromUtf8(PQerrorMessage(conn)).trimmed(),
                          {}};
        }
        PQclear(result);
    }
    if (error)
        return *error;
    rows.resize(explains.size()); // (estimates only choose a plan)
    return rows;
}

/// The estimate of the rows a name walk reads (people of the kind and status asked for): it only
/// changes when a sync writes the directory and ANALYZE runs, so it is asked for once a minute per
/// database and statement rather than once per search (a round trip and a plan of its own).
Result<double> estimatedAllRows(QSqlDatabase& db, const QString& explain)
{
    struct Cached
    {
        double rows = 0;
        qint64 at = 0;
    };
    static QMutex mutex;
    static QHash<QString, Cached> cache;
    constexpr qint64 kFreshMs = 60'000;
    const QString key = db.hostName() + QLatin1Char(':') + QString::number(db.port()) + QLatin1Char('/')
                        + db.databaseName() + QLatin1Char('\n') + explain;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        const QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.cend() && now - it->at >= 0 && now - it->at < kFreshMs)
            return it->rows;
    }
    auto rows = estimatedRows(db, explain, {});
    if (!rows)
        return rows;
    const QMutexLocker lock(&mutex);
    cache.insert(key, Cached{*rows, now});
    return rows;
}
} // namespace

SearchQuery buildSearchQuery(const SearchFilter& filter, const std::optional<SearchCursor>& after, int limit,
                             const QList<QStringList>& alternatives, SearchPlan plan, int unindexedWord)
{
    SearchQuery q;
    q.phase = after ? after->phase : 0;
    QStringList where;
    QVariantList values;
    const QString text = filter.text.simplified();

    QStringList exact; // the "every word found" condition (phase 0), also excluded in phase 1
    QVariantList exactValues;
    if (isPhoneQuery(text)) {
        q.phone = true;
        const phone::SearchForm form = phone::searchForm(text, filter.phoneRegion);
        if (!form.e164.isEmpty()) {
            exact << QStringLiteral("EXISTS (SELECT FROM mhero.health_worker_phone p "
                                    "WHERE p.health_worker_id = h.id AND p.e164 = ?)");
            exactValues << form.e164;
        } else {
            // A partial number is the start of one: "0770 12" → "+23177012…" (national), "+231 77"
            // or "00231 77" → "+23177…"; digits typed bare may be either.
            QStringList likes;
            const int cc = phone::countryCode(filter.phoneRegion);
            const bool national = !form.international && text.startsWith(QLatin1Char('0'));
            if (!form.international && cc > 0) {
                likes << QStringLiteral("p.e164 LIKE ?");
                exactValues << QVariant(QStringLiteral("+%1%2%").arg(cc).arg(form.digits));
            }
            if (!national) {
                likes << QStringLiteral("p.e164 LIKE ?");
                exactValues << QVariant(QStringLiteral("+%1%").arg(form.digits));
            }
            // The numbers first (ARRAY(…) runs once, on the prefix index), then their people: walking
            // the name index and probing each person's phones is far slower for a common prefix.
            exact << QStringLiteral("h.id = ANY (ARRAY(SELECT p.health_worker_id FROM mhero.health_worker_phone p "
                                    "WHERE %1))")
                         .arg(likes.join(QLatin1String(" OR ")));
        }
    } else if (!text.isEmpty()) {
        for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            // fold() of a constant is computed once at plan time, so the trigram index serves it.
            const QString part = indexedPart(word);
            q.words << (part.isEmpty() ? word : QString());
            if (part.isEmpty() && unindexedWord == q.words.size() - 1 && plan == SearchPlan::Matches
                && !(after && after->phase != 0)) {
                // (search_text || '') is not indexed: checked on the rows the other words find.
                exact << QStringLiteral("(h.search_text || '') LIKE '%' || %1 || '%'").arg(QLatin1String(kFoldedLike));
                exactValues << word;
            } else if (part.isEmpty()) {
                exact << QStringLiteral("h.search_text LIKE '%' || %1 || '%'").arg(QLatin1String(kFoldedLike));
                exactValues << word;
            } else {
                // (search_text || '') is not indexed: checked on the rows the part finds.
                exact << QStringLiteral("(h.search_text LIKE '%' || %1 || '%' "
                                        "AND (h.search_text || '') LIKE '%' || %1 || '%')")
                             .arg(QLatin1String(kFoldedLike));
                exactValues << part << word;
            }
        }
    }

    QStringList kinds; // kind and status: the rows a walk of the name index reads
    QVariantList kindValues;
    addFilters(SearchFilter{{}, {}, {}, {}, filter.status, filter.kind, {}}, kinds, kindValues);
    addFilters(filter, where, values);
    const bool facetFilter = !filter.district.isEmpty() || !filter.facility.isEmpty() || !filter.cadre.isEmpty();

    QStringList match; // the text conditions
    QVariantList matchValues;
    if (q.phase == 0) {
        match = exact;
        matchValues = exactValues;
    } else {
        // Typo matches: each query word, or a directory word spelt like it, minus the exact matches.
        for (const QStringList& words : alternatives) {
            QStringList spellings;
            for (const QString& w : words) {
                // A spelling that contains another one is implied by it ("mukasa" by "kasa"): one
                // trigram index lookup less, same rows.
                if (!std::any_of(words.cbegin(), words.cend(), [&](const QString& other) {
                        return other.size() < w.size() && w.contains(other);
                    }))
                    spellings << w;
            }
            if (spellings.size() == 1) {
                match << QStringLiteral("h.search_text LIKE ?");
                matchValues << QVariant(QStringLiteral("%") + likeEscape(spellings.constFirst()) + QStringLiteral("%"));
                continue;
            }
            // Several spellings: one regular expression ("kasa|masa") rather than OR of LIKEs. The
            // trigram index then reads each trigram once and intersects the words in one scan
            // (words ANDed in one index condition), where OR made one bitmap per spelling and ANDed
            // them afterwards (40 ms against 7 ms for "mukasa adeymi"). Same rows: unanchored.
            QStringList escaped;
            for (const QString& w : spellings) {
                QString e;
                for (QChar c : w) {
                    if (!c.isLetterOrNumber())
                        e += QLatin1Char('\\');
                    e += c;
                }
                escaped << e;
            }
            match << QStringLiteral("h.search_text ~ ?");
            matchValues << QVariant(QStringLiteral("(") + escaped.join(QLatin1Char('|')) + QStringLiteral(")"));
        }
        if (!exact.isEmpty()) {
            match << QStringLiteral("NOT (%1)").arg(exact.join(QLatin1String(" AND ")));
            matchValues += exactValues;
        }
    }
    QStringList keyset;
    QVariantList keysetValues;
    if (after && q.phase == 0) {
        keyset << QStringLiteral("(h.name_key, h.id) > (?::text COLLATE \"C\", ?)");
        keysetValues << after->nameKey << after->id;
    }

    q.walkable = !q.phone && !match.isEmpty() && !facetFilter;
    if (q.walkable) {
        const QString all = kinds.isEmpty() ? QString() : QStringLiteral(" WHERE ") + kinds.join(QLatin1String(" AND "));
        q.estimateAllSql = QStringLiteral("EXPLAIN SELECT 1 FROM mhero.health_worker h%1").arg(all);
        q.estimateSql = QStringLiteral("EXPLAIN SELECT 1 FROM mhero.health_worker h WHERE %1")
                            .arg(QStringList(kinds + match).join(QLatin1String(" AND ")));
        q.estimateValues = kindValues + matchValues;
        // Per word (each a condition of its own with one value, or two for an identifier).
        if (q.phase == 0 && exact.size() >= 2 && exact.size() == q.words.size()) {
            QList<QVariantList> wordValues;
            for (qsizetype i = 0, v = 0; i < exact.size(); ++i) {
                const qsizetype n = q.words.at(i).isEmpty() ? 2 : 1;
                wordValues << exactValues.mid(v, n);
                v += n;
            }
            for (qsizetype i = 0; i < exact.size(); ++i) {
                q.estimateWordSql << QStringLiteral("EXPLAIN SELECT 1 FROM mhero.health_worker h WHERE %1")
                                         .arg(QStringList(kinds + QStringList{exact.at(i)}).join(QLatin1String(" AND ")));
                q.estimateWordValues << kindValues + wordValues.at(i);
                QStringList others = kinds;
                QVariantList otherValues = kindValues;
                for (qsizetype j = 0; j < exact.size(); ++j) {
                    if (j != i) {
                        others << exact.at(j);
                        otherValues += wordValues.at(j);
                    }
                }
                q.estimateOthersSql << QStringLiteral("EXPLAIN SELECT 1 FROM mhero.health_worker h WHERE %1")
                                           .arg(others.join(QLatin1String(" AND ")));
                q.estimateOthersValues << otherValues;
            }
        }
    }
    if (!q.walkable)
        plan = SearchPlan::Planner;

    const auto whereOf = [](const QStringList& conditions) {
        return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
    };
    switch (plan) {
    case SearchPlan::Planner:
        q.sql = QStringLiteral("SELECT %1 FROM mhero.health_worker h%2 ORDER BY h.name_key, h.id LIMIT %3")
                    .arg(QLatin1String(kColumns), whereOf(where + match + keyset))
                    .arg(limit);
        q.values = values + matchValues + keysetValues;
        break;
    case SearchPlan::NameWalk:
        // The next kNameWalkCap people in name order, read from the covering name index alone;
        // their matches, if there are enough of them, are the page. Bounded whatever the words.
        q.sql = QStringLiteral("SELECT %1 FROM (SELECT h.id FROM (SELECT h.id, h.name_key, h.search_text "
                               "FROM mhero.health_worker h%2 ORDER BY h.name_key, h.id LIMIT %3) h%4 "
                               "ORDER BY h.name_key, h.id LIMIT %5) s JOIN mhero.health_worker h ON h.id = s.id "
                               "ORDER BY h.name_key, h.id")
                    .arg(QLatin1String(kColumns), whereOf(where + keyset))
                    .arg(kNameWalkCap)
                    .arg(whereOf(match))
                    .arg(limit);
        q.values = values + keysetValues + matchValues;
        break;
    case SearchPlan::Matches:
        // Every match (MATERIALIZED: the planner may not turn this into an unbounded walk of the
        // name index), then the page sorted out of them.
        q.sql = QStringLiteral("WITH m AS MATERIALIZED (SELECT h.id, h.name_key FROM mhero.health_worker h%2) "
                               "SELECT %1 FROM (SELECT m.id FROM m ORDER BY m.name_key, m.id LIMIT %3) s "
                               "JOIN mhero.health_worker h ON h.id = s.id ORDER BY h.name_key, h.id")
                    .arg(QLatin1String(kColumns), whereOf(where + match + keyset))
                    .arg(limit);
        q.values = values + matchValues + keysetValues;
        break;
    }
    return q;
}

Result<SearchPage> search(QSqlDatabase& db, const SearchFilter& filter, const std::optional<SearchCursor>& after,
                          int limit)
{
    SearchPage page;
    const QString text = filter.text.simplified();
    QList<QStringList> alternatives;
    if (after && after->phase == 1) {
        auto found = spellingAlternatives(db, text);
        if (!found)
            return found.error();
        alternatives = *found;
        if (alternatives.isEmpty())
            return page;
    }
    SearchQuery query = buildSearchQuery(filter, after, limit + 1, alternatives);
    page.phoneSearch = query.phone;
    SearchPlan plan = SearchPlan::Planner;
    QList<double> wordRows; // estimated rows holding each query word
    double allRows = 0;
    if (query.walkable) {
        // Walk the name index when its first kNameWalkCap rows could hold a page of matches, by
        // the planner's estimate (LIKE selectivity over the sampled search texts); else fetch every
        // match. The estimate multiplies the words' frequencies, which undercounts words that go
        // together (the words of a facility's name): hence "could" (half the matches expected).
        // A small directory is walked whole by the planner's own plan.
        auto all = estimatedAllRows(db, query.estimateAllSql);
        if (!all)
            return all.error();
        if (*all > kNameWalkCap / 2) {
            // The matches, and each word alone (same round trip).
            auto estimates = estimatedRows(db, QStringList{query.estimateSql} + query.estimateWordSql,
                                           QList<QVariantList>{query.estimateValues} + query.estimateWordValues);
            if (!estimates)
                return estimates.error();
            const double matches = estimates->constFirst();
            plan = 2 * matches * kNameWalkCap >= double(limit + 1) * *all ? SearchPlan::NameWalk : SearchPlan::Matches;
            wordRows = estimates->mid(1);
            allRows = *all;
        }
    }
    // Fetching every match: the trigram index intersects the posting lists of every trigram of
    // every word. A word in a fifth of the directory or more ("hospital") has long lists that cost
    // more to read (8 ms for "hospital") than checking it on the rows the other words find, when
    // those are few ("kagba referral": 2,900 rows, 1.5 µs each from the table). Which word, if any,
    // by the planner's estimates: rows the other words find × share without the word × ~300
    // (a row read from the table against an index entry read) below the word's index entries.
    const auto unindexedWord = [&]() -> Result<int> {
        if (wordRows.size() < 2 || allRows <= 0)
            return -1;
        qsizetype j = -1;
        for (qsizetype i = 0; i < wordRows.size(); ++i)
            if (!query.words.value(i).isEmpty() && (j < 0 || wordRows.at(i) > wordRows.at(j)))
                j = i;
        if (j < 0 || wordRows.at(j) < 0.2 * allRows)
            return -1;
        double others = 0;
        if (wordRows.size() == 2) {
            others = wordRows.at(1 - j);
        } else {
            auto estimate = estimatedRows(db, query.estimateOthersSql.at(j), query.estimateOthersValues.at(j));
            if (!estimate)
                return estimate.error();
            others = *estimate;
        }
        const double share = std::min(1.0, wordRows.at(j) / allRows);
        const double indexEntries = wordRows.at(j) * double(query.words.at(j).size() - 2);
        return others * (1 - share) * 300 < indexEntries ? int(j) : -1;
    };
    const auto run = [&](SearchPlan how) -> Status {
        int unindexed = -1;
        if (how == SearchPlan::Matches && query.phase == 0) {
            auto word = unindexedWord();
            if (!word)
                return word.error();
            unindexed = *word;
        }
        query = buildSearchQuery(filter, after, limit + 1, alternatives, how, unindexed);
        auto result = execInline(db, query.sql, query.values);
        if (!result)
            return result.error();
        page.rows.clear();
        while (result->next()) {
            DirectoryRow row;
            row.id = result->value(0).toLongLong();
            row.displayName = result->value(1).toString();
            row.cadre = result->value(2).toString();
            row.job = result->value(3).toString();
            row.facility = result->value(4).toString();
            row.district = result->value(5).toString();
            row.active = result->value(6).toBool();
            row.patient = result->value(7).toBool();
            row.nameKey = result->value(8).toString();
            QString phone = result->value(9).toString();
            row.phoneValid = !phone.endsWith(QLatin1Char('!'));
            if (!row.phoneValid)
                phone.chop(1);
            row.phone = phone;
            page.rows.append(row);
        }
        return {};
    };
    if (Status s = run(plan); !s)
        return s.error();
    // Too few matches in the walk's rows: they may lie further on; fetch every match instead.
    if (plan == SearchPlan::NameWalk && page.rows.size() <= limit)
        if (Status s = run(SearchPlan::Matches); !s)
            return s.error();
    const bool more = page.rows.size() > limit;
    if (more)
        page.rows.removeLast();
    if (more && query.phase == 0) {
        page.next = SearchCursor{0, page.rows.constLast().nameKey, page.rows.constLast().id};
    } else if (query.phase == 0 && !after && page.rows.size() < kTypoBelow && text.size() >= 3
               && !std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); })) {
        // (Almost) no exact match for a name: typo-tolerant matches follow, as one last page.
        // Not for identifiers and numbers, nor when the exact matches already answer: a vague
        // query would score half the country for nothing.
        page.next = SearchCursor{1, {}, 0};
    }
    return page;
}

Result<QList<QStringList>> spellingAlternatives(QSqlDatabase& db, const QString& text)
{
    auto query = execInline(db,
                            QStringLiteral("SELECT word, array_to_string(alternatives, ' ') "
                                           "FROM mhero.spelling_alternatives(?)"),
                            {text});
    if (!query)
        return query.error();
    QList<QStringList> words;
    while (query->next()) {
        QStringList alternatives{query->value(0).toString()};
        for (const QString& w : query->value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!alternatives.contains(w))
                alternatives << w;
        words << alternatives;
    }
    return words;
}

Result<Facets> loadFacets(QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT kind, value FROM mhero.directory_facet ORDER BY kind, value"));
    if (!query)
        return query.error();
    Facets facets;
    while (query->next()) {
        const QString kind = query->value(0).toString();
        const QString value = query->value(1).toString();
        if (kind == QLatin1String("district"))
            facets.districts << value;
        else if (kind == QLatin1String("facility"))
            facets.facilities << value;
        else if (kind == QLatin1String("cadre"))
            facets.cadres << value;
    }
    return facets;
}

Result<WorkerDetails> loadDetails(QSqlDatabase& db, qint64 id)
{
    WorkerDetails d;
    auto row
        = sql::exec(db,
                    QStringLiteral("SELECT h.id, h.display_name, h.cadre, h.job, h.facility, h.district, h.active, "
                                   "h.resource_type = 'Patient', h.given_name, h.family_name, h.gender, "
                                   "h.language, h.email, h.region, h.identifiers::text, s.name, h.resource_type, "
                                   "h.resource_id, h.source_updated_at, h.updated_at, h.deleted_at "
                                   "FROM mhero.health_worker h JOIN mhero.source s ON s.id = h.source_id "
                                   "WHERE h.id = ?"),
                    {id});
    if (!row)
        return row.error();
    if (!row->next())
        return Error{QStringLiteral("not-found"), QStringLiteral("This person is no longer in the directory."), {}};
    d.row.id = row->value(0).toLongLong();
    d.row.displayName = row->value(1).toString();
    d.row.cadre = row->value(2).toString();
    d.row.job = row->value(3).toString();
    d.row.facility = row->value(4).toString();
    d.row.district = row->value(5).toString();
    d.row.active = row->value(6).toBool();
    d.row.patient = row->value(7).toBool();
    d.givenName = row->value(8).toString();
    d.familyName = row->value(9).toString();
    d.gender = row->value(10).toString();
    d.language = row->value(11).toString();
    d.email = row->value(12).toString();
    d.region = row->value(13).toString();
    for (const QJsonValue& v : QJsonDocument::fromJson(row->value(14).toString().toUtf8()).array()) {
        const QString system = v.toObject().value(QStringLiteral("system")).toString();
        const QString value = v.toObject().value(QStringLiteral("value")).toString();
        d.identifiers << (system.isEmpty() ? value : QStringLiteral("%1 (%2)").arg(value, system));
    }
    d.source = row->value(15).toString();
    d.resourceType = row->value(16).toString();
    d.resourceId = row->value(17).toString();
    d.sourceUpdatedAt = row->value(18).toDateTime();
    d.updatedAt = row->value(19).toDateTime();
    d.deletedAt = row->value(20).toDateTime();

    auto optOut = sql::exec(db,
                            QStringLiteral("SELECT min(opted_out_at), min(opt_out_reason) FROM mhero.contact_urn "
                                           "WHERE health_worker_id = ? AND status = 'stopped' HAVING count(*) > 0"),
                            {id});
    if (!optOut)
        return optOut.error();
    if (optOut->next()) {
        d.optedOut = true;
        d.optedOutAt = optOut->value(0).toDateTime();
        d.optOutReason = optOut->value(1).toString();
    }

    auto phones = sql::exec(db,
                            QStringLiteral("SELECT raw, e164, use, problem FROM mhero.health_worker_phone "
                                           "WHERE health_worker_id = ? ORDER BY e164 IS NULL, raw"),
                            {id});
    if (!phones)
        return phones.error();
    while (phones->next())
        d.phones.append({phones->value(0).toString(), phones->value(1).toString(), phones->value(2).toString(),
                         phones->value(3).toString()});

    auto roles = sql::exec(
        db,
        QStringLiteral(
            "SELECT r.job, r.cadre, r.facility, r.district, r.region, r.active, r.period_start, r.period_end "
            "FROM mhero.health_worker_role r JOIN mhero.health_worker h ON h.source_id = r.source_id "
            "AND h.resource_id = r.practitioner_id AND h.resource_type = 'Practitioner' "
            "WHERE h.id = ? AND r.deleted_at IS NULL ORDER BY r.active DESC, r.period_start DESC NULLS LAST"),
        {id});
    if (!roles)
        return roles.error();
    while (roles->next())
        d.roles.append({roles->value(0).toString(), roles->value(1).toString(), roles->value(2).toString(),
                        roles->value(3).toString(), roles->value(4).toString(), roles->value(5).toBool(),
                        roles->value(6).toDate(), roles->value(7).toDate()});

    auto conversations
        = sql::exec(db,
                    QStringLiteral("SELECT c.id, c.status, u.urn, c.assignee, c.last_activity_at "
                                   "FROM mhero.conversation c JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                   "WHERE u.health_worker_id = ? ORDER BY c.last_activity_at DESC LIMIT 5"),
                    {id});
    if (!conversations)
        return conversations.error();
    while (conversations->next())
        d.conversations.append({conversations->value(0).toLongLong(), conversations->value(1).toString(),
                                conversations->value(2).toString(), conversations->value(3).toString(),
                                conversations->value(4).toDateTime()});

    // Notes are for those who talk to health workers; administrators may not read them
    // (0001_foundation.sql), and a statement naming the table would be refused as a whole.
    auto mayReadNotes = sql::scalar(db, QStringLiteral("SELECT has_table_privilege('mhero.note', 'SELECT')"));
    if (!mayReadNotes)
        return mayReadNotes.error();
    if (!mayReadNotes->toBool())
        return d;
    // A note written before the address was linked to the person names only its conversation.
    // The two ways in are read separately, each through its index (an OR of them, or a join of
    // their ids back to the table, was planned as a scan of every note); the second leaves out
    // what the first found.
    auto notes = sql::exec(
        db,
        QStringLiteral("SELECT coalesce(a.display_name, n.author::text), n.body, n.created_at, "
                       "       coalesce(n.conversation_id, 0), count(*) OVER () "
                       "FROM (SELECT n.author, n.body, n.created_at, n.conversation_id, n.id FROM mhero.note n "
                       "      WHERE n.health_worker_id = ? "
                       "      UNION ALL "
                       "      SELECT n.author, n.body, n.created_at, n.conversation_id, n.id FROM mhero.contact_urn u "
                       "      JOIN mhero.conversation c ON c.urn_id = u.id JOIN mhero.note n ON n.conversation_id = c.id "
                       "      WHERE u.health_worker_id = ? AND n.health_worker_id IS DISTINCT FROM ?) n "
                       "LEFT JOIN mhero.app_user a ON a.role_name = n.author "
                       "ORDER BY n.created_at DESC, n.id DESC LIMIT 5"),
        {id, id, id});
    if (!notes)
        return notes.error();
    while (notes->next()) {
        d.notes.append({notes->value(0).toString(), notes->value(1).toString(), notes->value(2).toDateTime(),
                        notes->value(3).toLongLong()});
        d.noteCount = notes->value(4).toInt();
    }
    return d;
}

Result<SyncStatus> loadSyncStatus(QSqlDatabase& db)
{
    auto query = sql::exec(
        db,
        QStringLiteral(
            "SELECT (SELECT max(st.last_success_at) FROM mhero.sync_state st WHERE st.job = 'directory'), "
            "(SELECT string_agg(st.last_error, '; ') FROM mhero.sync_state st WHERE st.job = 'directory' "
            "   AND st.last_error IS NOT NULL), "
            "(SELECT string_agg(s.name, ', ' ORDER BY s.name) FROM mhero.source s WHERE s.kind IN ('fhir', 'file'))"));
    if (!query)
        return query.error();
    SyncStatus status;
    if (query->next()) {
        status.lastSuccess = query->value(0).toDateTime();
        status.lastError = query->value(1).toString();
        status.sources = query->value(2).toString();
    }
    return status;
}

Result<QString> loadDefaultPhoneRegion(QSqlDatabase& db)
{
    auto region = sql::scalar(
        db, QStringLiteral("SELECT value #>> '{}' FROM mhero.setting WHERE key = 'phone.default_region'"));
    if (!region)
        return region.error();
    return region->toString();
}

} // namespace mhero::directory
