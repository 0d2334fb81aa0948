#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlDatabase;

namespace mhero::messaging {

/// An inbound entry the sync engine set aside instead of storing (mhero.inbound_quarantine,
/// migration 13): an address mHero cannot hold, or an entry it could not read. One row per
/// platform message; seeing it again updates the reason and the time.
struct QuarantinedEntry
{
    QString externalId;
    QString reason;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString entry; ///< what the engine was given, as JSON
};

/// The entries set aside for source @p source, newest first. Supervisors and administrators may
/// read them (the database refuses agents).
[[nodiscard]] Result<QList<QuarantinedEntry>> quarantinedEntries(QSqlDatabase& db, const QString& source);

/// Forgets the entries set aside for @p source once someone has looked at them; returns how
/// many. Administrators only (the database refuses everyone else).
[[nodiscard]] Result<int> clearQuarantine(QSqlDatabase& db, const QString& source);

} // namespace mhero::messaging
