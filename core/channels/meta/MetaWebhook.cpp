#include "channels/meta/MetaWebhook.h"

#include "phone/PhoneNumbers.h"
#include "text/CleanText.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace mhero::meta {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::meta", text);
}

constexpr int kMaxText = 64 * 1024; // WhatsApp allows 4,096, Messenger 2,000: far beyond is not a message
constexpr int kMaxIdLength = 200; // mhero.message.external_id

/// Equal in time that depends only on the lengths, not on where the first difference is.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

QString string(const QJsonObject& object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

/// Meta's ids: non-empty, printable, short (they are keys in the database).
bool usableId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[\\x21-\\x7e]+$"));
    return !id.isEmpty() && id.size() <= kMaxIdLength && pattern.match(id).hasMatch();
}

/// WhatsApp writes Unix seconds as a string ("1749416383"); Messenger milliseconds as a number.
QDateTime fromSeconds(const QJsonValue& value)
{
    bool ok = false;
    const qint64 seconds = value.isString() ? value.toString().toLongLong(&ok) : qint64(value.toDouble());
    if (value.isDouble())
        ok = value.toDouble() > 0;
    return ok && seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

QDateTime fromMilliseconds(const QJsonValue& value)
{
    const double ms = value.toDouble();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC) : QDateTime();
}

QString clip(const QString& text)
{
    return text::cleanMessageText(text.left(kMaxText));
}

Result<QJsonObject> parseObject(const QByteArray& body, QLatin1StringView expectedObject)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("webhook-bad-json"), tr("The webhook body is not JSON."),
                     error.errorString() + QStringLiteral(" at byte %1").arg(error.offset)};
    if (!document.isObject())
        return Error{QStringLiteral("webhook-bad-json"), tr("The webhook body is not a JSON object."), {}};
    const QJsonObject root = document.object();
    if (string(root, QLatin1StringView("object")) != expectedObject)
        return Error{QStringLiteral("webhook-wrong-object"),
                     tr("The webhook is not for this kind of channel (object \"%1\", expected \"%2\").")
                         .arg(string(root, QLatin1StringView("object")), QString(expectedObject)),
                     {}};
    if (!root.value(QLatin1StringView("entry")).isArray())
        return Error{QStringLiteral("webhook-bad-json"), tr("The webhook has no list of entries."), {}};
    return root;
}

// ---- WhatsApp ------------------------------------------------------------------------------

/// The text a thread shows for a location: its name and address, and a map link.
QString locationText(const QJsonObject& location)
{
    const double latitude = location.value(QLatin1StringView("latitude")).toDouble(1000);
    const double longitude = location.value(QLatin1StringView("longitude")).toDouble(1000);
    QStringList parts;
    for (const char* key : {"name", "address"})
        if (const QString part = string(location, QLatin1StringView(key)).trimmed(); !part.isEmpty())
            parts << part;
    if (std::abs(latitude) <= 90 && std::abs(longitude) <= 180)
        parts << QStringLiteral("https://www.openstreetmap.org/?mlat=%1&mlon=%2")
                     .arg(latitude, 0, 'f', 6)
                     .arg(longitude, 0, 'f', 6);
    return parts.isEmpty() ? QString() : QStringLiteral("📍 ") + parts.join(QStringLiteral(" — "));
}

/// Shared contact cards: "👤 Name: +231…, +231…" per card.
QString contactsText(const QJsonArray& contacts)
{
    QStringList cards;
    for (const QJsonValue& value : contacts) {
        const QJsonObject card = value.toObject();
        QString name = string(card.value(QLatin1StringView("name")).toObject(), QLatin1StringView("formatted_name"));
        QStringList phones;
        for (const QJsonValue& phone : card.value(QLatin1StringView("phones")).toArray())
            if (const QString number = string(phone.toObject(), QLatin1StringView("phone")); !number.isEmpty())
                phones << number;
        if (name.isEmpty() && phones.isEmpty())
            continue;
        cards << QStringLiteral("👤 ") + (name.isEmpty() ? tr("contact") : name)
                + (phones.isEmpty() ? QString() : QStringLiteral(": ") + phones.join(QStringLiteral(", ")));
    }
    return cards.join(QLatin1Char('\n'));
}

/// One entry of messages[]: nullopt (and @p problem) when it cannot be stored.
std::optional<channels::InboundMessage> readWhatsAppMessage(const QJsonObject& m, const QHash<QString, QString>& names,
                                                            QString& problem)
{
    channels::InboundMessage in;
    in.externalId = string(m, QLatin1StringView("id"));
    if (!usableId(in.externalId)) {
        problem = tr("a message without a usable id");
        return std::nullopt;
    }
    const QString from = string(m, QLatin1StringView("from"));
    in.addressAsGiven = QStringLiteral("whatsapp:") + from;
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{5,14}$"));
    // wa_id is the number in international form without "+": the whatsapp: URN mHero stores.
    if (digits.match(from).hasMatch())
        in.urn = phone::whatsappUrn(QLatin1Char('+') + from);
    in.channelContactId = from;
    in.contactName = text::cleanName(names.value(from));
    in.createdOn = fromSeconds(m.value(QLatin1StringView("timestamp")));
    if (!in.createdOn.isValid()) {
        problem = tr("message %1 has no usable timestamp").arg(in.externalId);
        return std::nullopt;
    }
    in.replyTo = string(m.value(QLatin1StringView("context")).toObject(), QLatin1StringView("id"));
    const QString type = string(m, QLatin1StringView("type"));
    in.kind = type;
    const QJsonObject payload = m.value(type).toObject();
    if (type == QLatin1String("text")) {
        in.text = string(payload, QLatin1StringView("body"));
    } else if (type == QLatin1String("image") || type == QLatin1String("audio") || type == QLatin1String("video")
               || type == QLatin1String("document") || type == QLatin1String("sticker")) {
        const QString mediaId = string(payload, QLatin1StringView("id"));
        if (!usableId(mediaId)) {
            problem = tr("message %1: a %2 without a media id").arg(in.externalId, type);
            return std::nullopt;
        }
        channels::MediaReference media;
        media.contentType = string(payload, QLatin1StringView("mime_type")).section(QLatin1Char(';'), 0, 0).trimmed();
        if (media.contentType.isEmpty())
            media.contentType = type == QLatin1String("document") ? QStringLiteral("application/octet-stream")
                                                                   : type + QStringLiteral("/*");
        media.url = QStringLiteral("whatsapp-media:") + mediaId;
        media.fileName = string(payload, QLatin1StringView("filename"));
        in.attachments.append(media);
        in.text = string(payload, QLatin1StringView("caption"));
        if (type == QLatin1String("audio") && payload.value(QLatin1StringView("voice")).toBool())
            in.kind = QStringLiteral("voice");
    } else if (type == QLatin1String("location")) {
        in.text = locationText(payload);
    } else if (type == QLatin1String("contacts")) {
        in.text = contactsText(m.value(QLatin1StringView("contacts")).toArray());
    } else if (type == QLatin1String("interactive")) {
        // A tap on a reply button or a list row: its title is what the person chose.
        const QString kind = string(payload, QLatin1StringView("type"));
        in.text = string(payload.value(kind).toObject(), QLatin1StringView("title"));
    } else if (type == QLatin1String("button")) {
        in.text = string(payload, QLatin1StringView("text"));
    } else if (type == QLatin1String("reaction")) {
        // An emoji on one of our messages (empty: the reaction was taken back).
        in.replyTo = string(payload, QLatin1StringView("message_id"));
        in.text = string(payload, QLatin1StringView("emoji"));
        if (in.text.isEmpty())
            in.kind = QStringLiteral("reaction_removed");
    }
    // "unsupported", "unknown", "system", "order"…: nothing to show but the kind, which the
    // thread names (the agent can look it up on the phone).
    in.text = clip(in.text);
    return in;
}

std::optional<channels::StatusUpdate> readWhatsAppStatus(const QJsonObject& s, QString& problem)
{
    channels::StatusUpdate update;
    update.externalId = string(s, QLatin1StringView("id"));
    if (!usableId(update.externalId)) {
        problem = tr("a status without a usable message id");
        return std::nullopt;
    }
    update.channelStatus = string(s, QLatin1StringView("status"));
    static const QStringList known{QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read"),
                                   QStringLiteral("failed")};
    if (!known.contains(update.channelStatus)) {
        // "deleted", "warning", "held_for_quality_assessment"…: not a step mHero tracks.
        problem = tr("status \"%1\" of %2 is not one mHero follows").arg(update.channelStatus, update.externalId);
        return std::nullopt;
    }
    update.status = update.channelStatus;
    update.at = fromSeconds(s.value(QLatin1StringView("timestamp")));
    const QJsonArray errors = s.value(QLatin1StringView("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject error = errors.first().toObject();
        const QJsonValue code = error.value(QLatin1StringView("code"));
        if (code.isDouble())
            update.errorCode = code.toInt();
        QString title = string(error, QLatin1StringView("title"));
        if (title.isEmpty())
            title = string(error, QLatin1StringView("message"));
        const QString details =
            string(error.value(QLatin1StringView("error_data")).toObject(), QLatin1StringView("details"));
        update.error = clip((update.errorCode ? QString::number(*update.errorCode) + QStringLiteral(": ") : QString())
                            + title + (details.isEmpty() || details == title ? QString() : QStringLiteral(" — ") + details));
    }
    return update;
}

// ---- Messenger -----------------------------------------------------------------------------

QString messengerContentType(const QString& type)
{
    if (type == QLatin1String("image"))
        return QStringLiteral("image/*");
    if (type == QLatin1String("audio"))
        return QStringLiteral("audio/*");
    if (type == QLatin1String("video"))
        return QStringLiteral("video/*");
    return QStringLiteral("application/octet-stream"); // "file"
}

} // namespace

QByteArray signature(const QByteArray& appSecret, const QByteArray& rawBody)
{
    return QByteArrayLiteral("sha256=")
        + QMessageAuthenticationCode::hash(rawBody, appSecret, QCryptographicHash::Sha256).toHex();
}

bool verifySignature(const QByteArray& appSecret, const QByteArray& rawBody, const QByteArray& signatureHeader)
{
    if (appSecret.isEmpty())
        return false;
    const QByteArray given = signatureHeader.trimmed().toLower();
    if (!given.startsWith("sha256=") || given.size() != 7 + 64)
        return false;
    return constantTimeEquals(signature(appSecret, rawBody), given);
}

std::optional<QString> handshakeChallenge(const QUrlQuery& query, const QString& verifyToken)
{
    if (verifyToken.isEmpty() || query.queryItemValue(QStringLiteral("hub.mode")) != QLatin1String("subscribe"))
        return std::nullopt;
    const QByteArray given = query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded).toUtf8();
    if (!constantTimeEquals(given, verifyToken.toUtf8()))
        return std::nullopt;
    const QString challenge = query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded);
    // Meta sends a number; anything else is echoed only when short and printable (it is written
    // back as text/plain).
    static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]{1,200}$"));
    if (!printable.match(challenge).hasMatch())
        return std::nullopt;
    return challenge;
}

Result<WhatsAppEvents> parseWhatsApp(const QByteArray& body, const std::optional<QString>& onlyPhoneNumberId)
{
    auto root = parseObject(body, QLatin1StringView("whatsapp_business_account"));
    if (!root)
        return root.error();
    WhatsAppEvents events;
    int entryIndex = 0;
    for (const QJsonValue& entryValue : root->value(QLatin1StringView("entry")).toArray()) {
        const QJsonObject entry = entryValue.toObject();
        const QString account = string(entry, QLatin1StringView("id"));
        int changeIndex = 0;
        for (const QJsonValue& changeValue : entry.value(QLatin1StringView("changes")).toArray()) {
            const QString where = tr("entry %1, change %2").arg(entryIndex).arg(changeIndex++);
            const QJsonObject change = changeValue.toObject();
            const QString field = string(change, QLatin1StringView("field"));
            const QJsonObject value = change.value(QLatin1StringView("value")).toObject();
            if (field == QLatin1String("message_template_status_update")) {
                TemplateStatusChange t;
                t.accountId = account;
                const QJsonValue id = value.value(QLatin1StringView("message_template_id"));
                t.templateId = id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
                t.name = string(value, QLatin1StringView("message_template_name"));
                t.language = string(value, QLatin1StringView("message_template_language"));
                t.event = string(value, QLatin1StringView("event"));
                t.reason = string(value, QLatin1StringView("reason"));
                t.category = string(value, QLatin1StringView("message_template_category"));
                t.at = fromSeconds(entry.value(QLatin1StringView("time")));
                if (t.name.isEmpty() || t.language.isEmpty() || t.event.isEmpty())
                    events.problems << where + QStringLiteral(": ") + tr("a template update without name, language or event");
                else
                    events.templates << t;
                continue;
            }
            if (field != QLatin1String("messages")) {
                events.unknownFields << field;
                continue;
            }
            const QString phoneNumberId =
                string(value.value(QLatin1StringView("metadata")).toObject(), QLatin1StringView("phone_number_id"));
            if (!phoneNumberId.isEmpty())
                events.phoneNumberId = phoneNumberId;
            if (!events.phoneNumberIds.contains(phoneNumberId))
                events.phoneNumberIds << phoneNumberId;
            if (onlyPhoneNumberId && *onlyPhoneNumberId != phoneNumberId)
                continue;
            QHash<QString, QString> names; // wa_id → profile name
            for (const QJsonValue& contact : value.value(QLatin1StringView("contacts")).toArray())
                names.insert(string(contact.toObject(), QLatin1StringView("wa_id")),
                             string(contact.toObject().value(QLatin1StringView("profile")).toObject(),
                                    QLatin1StringView("name")));
            int index = 0;
            for (const QJsonValue& message : value.value(QLatin1StringView("messages")).toArray()) {
                QString problem;
                if (auto in = readWhatsAppMessage(message.toObject(), names, problem))
                    events.messages << *in;
                else
                    events.problems << where + tr(", message %1: ").arg(index) + problem;
                ++index;
            }
            index = 0;
            for (const QJsonValue& status : value.value(QLatin1StringView("statuses")).toArray()) {
                QString problem;
                if (auto update = readWhatsAppStatus(status.toObject(), problem))
                    events.statuses << *update;
                else
                    events.problems << where + tr(", status %1: ").arg(index) + problem;
                ++index;
            }
        }
        ++entryIndex;
    }
    return events;
}

Result<MessengerEvents> parseMessenger(const QByteArray& body, const std::optional<QString>& onlyPageId)
{
    auto root = parseObject(body, QLatin1StringView("page"));
    if (!root)
        return root.error();
    MessengerEvents events;
    int entryIndex = 0;
    for (const QJsonValue& entryValue : root->value(QLatin1StringView("entry")).toArray()) {
        const QString pageId = string(entryValue.toObject(), QLatin1StringView("id"));
        if (!events.pageIds.contains(pageId))
            events.pageIds << pageId;
        if (onlyPageId && *onlyPageId != pageId) {
            ++entryIndex;
            continue;
        }
        int index = 0;
        for (const QJsonValue& eventValue : entryValue.toObject().value(QLatin1StringView("messaging")).toArray()) {
            const QString where = tr("entry %1, event %2: ").arg(entryIndex).arg(index++);
            const QJsonObject event = eventValue.toObject();
            if (event.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("is_echo")).toBool()) {
                ++events.echoes; // the Page's own message: stored when mHero sent it
                continue;
            }
            const QString sender = string(event.value(QLatin1StringView("sender")).toObject(), QLatin1StringView("id"));
            static const QRegularExpression psid(QStringLiteral("^[0-9]{1,40}$"));
            if (!psid.match(sender).hasMatch()) {
                events.problems << where + tr("no usable sender id");
                continue;
            }
            const QString urn = QStringLiteral("facebook:") + sender;
            const QDateTime at = fromMilliseconds(event.value(QLatin1StringView("timestamp")));
            if (event.contains(QLatin1StringView("delivery"))) {
                const QJsonObject delivery = event.value(QLatin1StringView("delivery")).toObject();
                for (const QJsonValue& mid : delivery.value(QLatin1StringView("mids")).toArray()) {
                    channels::StatusUpdate update;
                    update.externalId = mid.toString();
                    if (!usableId(update.externalId))
                        continue;
                    update.status = update.channelStatus = QStringLiteral("delivered");
                    update.at = at;
                    events.statuses << update;
                }
                continue;
            }
            if (event.contains(QLatin1StringView("read"))) {
                const QDateTime upTo = fromMilliseconds(
                    event.value(QLatin1StringView("read")).toObject().value(QLatin1StringView("watermark")));
                if (upTo.isValid())
                    events.reads << ReadWatermark{urn, upTo};
                else
                    events.problems << where + tr("a read receipt without a watermark");
                continue;
            }
            channels::InboundMessage in;
            in.urn = urn;
            in.addressAsGiven = urn;
            in.channelContactId = sender;
            in.createdOn = at;
            if (event.contains(QLatin1StringView("reaction"))) {
                const QJsonObject reaction = event.value(QLatin1StringView("reaction")).toObject();
                const QString mid = string(reaction, QLatin1StringView("mid"));
                const QString action = string(reaction, QLatin1StringView("action"));
                // A reaction has no id of its own: the reacted message and the time make one.
                in.externalId = QStringLiteral("reaction:%1:%2").arg(mid).arg(at.toMSecsSinceEpoch());
                in.replyTo = mid;
                in.kind = action == QLatin1String("unreact") ? QStringLiteral("reaction_removed")
                                                              : QStringLiteral("reaction");
                in.text = clip(string(reaction, QLatin1StringView("emoji")));
            } else if (event.contains(QLatin1StringView("message"))) {
                const QJsonObject message = event.value(QLatin1StringView("message")).toObject();
                in.externalId = string(message, QLatin1StringView("mid"));
                in.text = clip(string(message, QLatin1StringView("text")));
                in.replyTo = string(message.value(QLatin1StringView("reply_to")).toObject(), QLatin1StringView("mid"));
                in.kind = QStringLiteral("text");
                for (const QJsonValue& value : message.value(QLatin1StringView("attachments")).toArray()) {
                    const QJsonObject attachment = value.toObject();
                    const QString type = string(attachment, QLatin1StringView("type"));
                    const QJsonObject payload = attachment.value(QLatin1StringView("payload")).toObject();
                    if (type == QLatin1String("location")) {
                        in.text = locationText(payload.value(QLatin1StringView("coordinates")).toObject());
                        continue;
                    }
                    const QString url = string(payload, QLatin1StringView("url"));
                    if (url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://"))) {
                        in.attachments.append({messengerContentType(type), url, {}});
                        in.kind = type;
                    } else if (in.text.isEmpty()) {
                        in.kind = type.isEmpty() ? QStringLiteral("unsupported") : type; // "fallback", a story…
                    }
                }
            } else {
                // postbacks, optins, referrals…: not conversation content.
                events.problems << where + tr("an event mHero does not store");
                continue;
            }
            if (!usableId(in.externalId) || !at.isValid()) {
                events.problems << where + tr("a message without a usable id or time");
                continue;
            }
            events.messages << in;
        }
        ++entryIndex;
    }
    return events;
}

} // namespace mhero::meta
