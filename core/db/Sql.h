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
