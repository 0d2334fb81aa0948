#pragma once

#include "Result.h"
#include "db/Sql.h"

#include <QSqlDatabase>
#include <QTest>

namespace mhero::test {

/// Runs @p statement and returns the SQLSTATE it failed with, or "ok".
inline QString sqlState(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    auto result = sql::exec(db, statement, values);
    return result ? QStringLiteral("ok") : result.error().code;
}

/// Number of rows a DML statement touched, or -1 on error.
inline int rowsAffected(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    auto result = sql::exec(db, statement, values);
    return result ? result->numRowsAffected() : -1;
}

} // namespace mhero::test

/// Asserts that a statement is refused with the given SQLSTATE.
#define MHERO_EXPECT_SQLSTATE(db, statement, expected)                                                                 \
    QCOMPARE(::mhero::test::sqlState((db), QStringLiteral(statement)), QStringLiteral(expected))

/// Asserts a Result is ok, printing its error otherwise.
#define MHERO_VERIFY_OK(result)                                                                                        \
    do {                                                                                                               \
        const auto& mheroResult_ = (result);                                                                           \
        QVERIFY2(mheroResult_.ok(), mheroResult_.ok() ? "" : qPrintable(mheroResult_.error().toString()));             \
    } while (false)
