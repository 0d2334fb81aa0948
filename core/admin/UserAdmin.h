#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace mhero {

/// The kinds of mHero user; each maps to one PostgreSQL group role (mhero_<kind>).
enum class UserKind { Agent, Supervisor, Admin, Service };

QString toString(UserKind kind);
std::optional<UserKind> userKindFromString(const QString& text);

struct UserRecord
{
    QString name; ///< the PostgreSQL login role
    QString displayName;
    UserKind kind = UserKind::Agent;
    QStringList languages;
    bool active = true;
    QDateTime createdAt;
};

/// Creates and manages mHero users: a PostgreSQL login role in one group role plus its profile,
/// through the SECURITY DEFINER functions of the schema (the caller must be an mHero admin).
namespace users {

/// A random password of @p length characters, without look-alike characters (0/O, 1/l).
QString generatePassword(int length = 16);

/// The SCRAM-SHA-256 verifier for @p password, computed by libpq on this side, so the server
/// (and its statement log) never sees the password itself.
Result<QString> scramVerifier(QSqlDatabase& db, const QString& user, const QString& password);

Status add(QSqlDatabase& db, const QString& name, UserKind kind, const QString& displayName,
           const QStringList& languages, const QString& password);
Status setActive(QSqlDatabase& db, const QString& name, bool active);
Result<QList<UserRecord>> list(QSqlDatabase& db);

} // namespace users
} // namespace mhero
