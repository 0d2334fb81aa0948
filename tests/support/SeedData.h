#pragma once

#include "Result.h"

#include <QString>

class QSqlDatabase;

namespace mhero::test {

/// A health worker of the directory who wrote in through RapidPro: one open conversation with one
/// inbound message, as the sync engine would have stored it. For GUI tests of the conversation
/// view; run as the database owner.
struct SeedConversation
{
    QString resourceId;
    QString givenName;
    QString familyName;
    QString cadre;
    QString facility;
    QString district;
    QString language; ///< the person's and the conversation's
    QString urn;      ///< e.g. tel:+231770000311
    QString inboundText;
};

/// Inserts the person, the address, the conversation and the message (and the 'rapidpro' source
/// on first use); returns the conversation's id.
Result<qint64> seedConversation(QSqlDatabase& db, const SeedConversation& seed);

} // namespace mhero::test
