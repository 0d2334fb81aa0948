#pragma once

#include "net/HttpClient.h"

#include "Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace mhero::rapidpro {

/// A media file on a message, as RapidPro lists it ({"content_type", "url"}).
struct Attachment
{
    QString contentType;
    QString url;
};

/// One message of GET /api/v2/messages.json. Newer servers send a `uuid` and the deprecated
/// integer `id`; older ones only the `id`. externalId() is the key mHero stores.
struct Message
{
    QString uuid;
    std::optional<qint64> id;
    QString contactUuid;
    QString contactName;
    QString urn; ///< as RapidPro sent it; see normaliseUrn()
    QString channelName;
    QString direction; ///< "in" or "out"
    QString type; ///< text, optin, voice (older: inbox, flow, ivr)
    QString status; ///< queued, handled, wired, sent, delivered, read, errored, failed
    QString text;
    QList<Attachment> attachments;
    QDateTime createdOn;
    QString createdOnText; ///< the same instant as "yyyy-MM-ddTHH:mm:ss.ffffffZ", RapidPro's microseconds kept
    QDateTime sentOn;
    QDateTime modifiedOn;

    /// The UUID when the server has one, else the integer id in decimal.
    [[nodiscard]] QString externalId() const;
};

/// One contact of GET /api/v2/contacts.json.
struct Contact
{
    QString uuid;
    QString name;
    QString language; ///< ISO 639-3 as RapidPro keeps it ("eng", "fra")
    QString status; ///< active, blocked, stopped, archived (older servers: from the booleans)
    QStringList urns;
    QDateTime modifiedOn;
};

/// A page of a list endpoint: its results, the `next` link (empty on the last page), and the
/// entries that could not be read, with why (they are skipped, never half-stored).
template<typename T> struct Page
{
    QList<T> results;
    QUrl next;
    QStringList problems;
};

Result<Page<Message>> parseMessages(const QByteArray& body);
Result<Page<Contact>> parseContacts(const QByteArray& body);
/// The message object of a 201 answer to POST messages.json.
Result<Message> parseMessage(const QByteArray& body);

/// The id of the broadcast of a 201 answer to POST broadcasts.json.
Result<qint64> parseBroadcastId(const QByteArray& body);

/// RapidPro's error body as one line: {"detail": "…"} or DRF's field map {"text": ["…"]}
/// (net::errorText, which reads every platform's error answers).
using net::errorText;

/// mHero's status word for RapidPro's: queued/errored (RapidPro retries) → queued; wired/sent →
/// sent; delivered; read; failed. Empty for inbound states (handled, pending).
QString mheroStatus(const QString& rapidProStatus);

/// RapidPro datetimes: "2016-01-06T15:33:00.813162Z" (microseconds); invalid when unreadable.
QDateTime parseTimestamp(const QString& text);
/// For before/after parameters: UTC with microseconds, as RapidPro writes them.
QString formatTimestamp(const QDateTime& time);

/// The URN as the directory stores it: tel: numbers in E.164 (libphonenumber, @p region for
/// numbers without a country code), whatsapp: digits without "+", other schemes unchanged.
/// Empty when the URN is unusable (no scheme, spaces, empty path).
QString normaliseUrn(const QString& urn, const QString& region);

} // namespace mhero::rapidpro
