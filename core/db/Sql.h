#pragma once

#include "Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

class QSqlDatabase;
class QSqlError;
struct pg_conn;

namespace mhero::sql {

/// SQLSTATE codes the program reacts to.
namespace state {
inline constexpr QLatin1StringView InsufficientPrivilege{"42501"};
inline constexpr QLatin1StringView UndefinedTable{"42P01"};
inline constexpr QLatin1StringView UniqueViolation{"23505"};
inline constexpr QLatin1StringView InvalidPassword{"28P01"};
inline constexpr QLatin1StringView InvalidAuthorization{"28000"};
} // namespace state

/// Converts a Qt SQL error into an Error whose code is the SQLSTATE when the server sent one.
Error toError(const QSqlError& error);

/// Prepares and runs one statement with positional (`?`) bind values.
Result<QSqlQuery> exec(QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// Runs a statement that returns one value (first column of the first row); Error if no row.
Result<QVariant> scalar(QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// Runs a script of several statements (e.g. a migration with function bodies) through libpq's
/// simple-query protocol, which QSqlQuery cannot do.
Status execScript(QSqlDatabase& db, const QByteArray& script);

/// One transaction on a connection: BEGIN when made, ROLLBACK when it goes out of scope without
/// commit() — an early return, an error — so no path leaves a transaction open on a connection
/// that a worker thread keeps for its next job. The one way mHero runs transactions (QSqlDatabase's
/// own transaction()/commit() and hand-written BEGIN/COMMIT scripts are not mixed in).
class Transaction final
{
public:
    [[nodiscard]] static Result<Transaction> begin(QSqlDatabase& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// COMMIT; afterwards (whatever it returned) the object no longer rolls back.
    [[nodiscard]] Status commit();

private:
    explicit Transaction(QSqlDatabase& db)
        : m_db(&db)
    { }
    QSqlDatabase* m_db = nullptr; ///< null once committed, rolled back or moved from
};

/// Runs @p body (returning Status or Result<T>) in one transaction: committed when it succeeds,
/// rolled back when it fails; its result (or the BEGIN/COMMIT error) is returned.
template<typename Body> auto inTransaction(QSqlDatabase& db, Body&& body) -> decltype(body())
{
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto result = body();
    if (!result)
        return result; // ~Transaction rolls back
    if (Status committed = transaction->commit(); !committed)
        return committed.error();
    return result;
}

/// The libpq connection behind a QPSQL connection, or nullptr.
pg_conn* nativeHandle(const QSqlDatabase& db);

/// True when the connection is open and libpq still considers it healthy.
bool isConnectionHealthy(const QSqlDatabase& db);

/// True when an error means the session is gone (SQLSTATE class 08, 57P01…, or a broken socket).
bool isConnectionLoss(const QSqlDatabase& db, const Error& error);

/// Quotes an SQL identifier ("name") for statements where a bind value cannot stand.
QString quoteIdentifier(const QString& identifier);

/// Quotes an SQL string literal ('text'), with standard_conforming_strings.
QString quoteLiteral(const QString& text);

} // namespace mhero::sql
