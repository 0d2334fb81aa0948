#include "channels/rapidpro/RapidProMessages.h"

#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace mhero::rapidpro {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::rapidpro", text);
}

constexpr int kMaxText = 64 * 1024; // RapidPro allows 640–4096; anything far beyond is not a message

Result<QJsonObject> parseObject(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("rapidpro-bad-json"), tr("RapidPro sent a reply that is not JSON."),
                     error.errorString() + QStringLiteral(" at byte %1").arg(error.offset)};
    if (!document.isObject())
        return Error{QStringLiteral("rapidpro-bad-json"), tr("RapidPro sent a reply that is not a JSON object."), {}};
    return document.object();
}

QString string(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

template<typename T, typename Read>
Result<Page<T>> parsePage(const QByteArray& body, Read read)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    const QJsonValue results = object->value(QLatin1String("results"));
    if (!results.isArray())
        return Error{QStringLiteral("rapidpro-bad-page"), tr("RapidPro sent a page without a results list."), {}};
    Page<T> page;
    const QJsonValue next = object->value(QLatin1String("next"));
    if (next.isString() && !next.toString().isEmpty()) {
        page.next = QUrl(next.toString());
        if (!page.next.isValid() || page.next.isRelative())
            return Error{QStringLiteral("rapidpro-bad-page"), tr("RapidPro sent an unusable next link."), next.toString()};
    }
    int index = 0;
    for (const QJsonValue& entry : results.toArray()) {
        QString problem;
        if (!entry.isObject())
            problem = tr("not an object");
        else if (std::optional<T> item = read(entry.toObject(), problem))
            page.results.append(std::move(*item));
        if (!problem.isEmpty())
            page.problems.append(tr("result %1: %2").arg(index).arg(problem));
        ++index;
    }
    return page;
}

// The instant of a RapidPro timestamp written the one way PostgreSQL and RapidPro both read: UTC,
// "Z", RapidPro's microseconds kept (QDateTime holds milliseconds). The server's own text is not
// passed on: Qt reads forms PostgreSQL refuses ("…00,123Z", a "+23:59" offset), and one such
// created_on failed the whole page's insert on every poll.
QString canonicalTimestampText(const QString& text, const QDateTime& parsed)
{
    static const QRegularExpression fraction(QStringLiteral("[.,]\\d{3}(\\d{1,3})"));
    const QRegularExpressionMatch m = fraction.match(text);
    const QString micro = m.hasMatch() ? m.captured(1).leftJustified(3, QLatin1Char('0')) : QStringLiteral("000");
    return parsed.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + micro + QLatin1Char('Z');
}

std::optional<Message> readMessage(const QJsonObject& o, QString& problem)
{
    Message m;
    m.uuid = string(o, "uuid");
    const QJsonValue id = o.value(QLatin1String("id"));
    if (id.isDouble() && id.toDouble() >= 1 && id.toDouble() < 9.0e15)
        m.id = static_cast<qint64>(id.toDouble());
    if (m.uuid.isEmpty() && !m.id) {
        problem = tr("a message without uuid or id");
        return std::nullopt;
    }
    static const QRegularExpression uuidPattern(QStringLiteral("^[0-9A-Za-z-]{1,64}$"));
    if (!m.uuid.isEmpty() && !uuidPattern.match(m.uuid).hasMatch()) {
        problem = tr("a message with a malformed uuid");
        return std::nullopt;
    }
    const QJsonObject contact = o.value(QLatin1String("contact")).toObject();
    m.contactUuid = string(contact, "uuid");
    m.contactName = string(contact, "name");
    if (!m.contactUuid.isEmpty() && !uuidPattern.match(m.contactUuid).hasMatch())
        m.contactUuid.clear();
    m.urn = string(o, "urn");
    m.channelName = string(o.value(QLatin1String("channel")).toObject(), "name");
    m.direction = string(o, "direction");
    // Older servers wrote the direction out in full.
    if (m.direction == QLatin1String("incoming") || m.direction == QLatin1String("I"))
        m.direction = QStringLiteral("in");
    else if (m.direction == QLatin1String("outgoing") || m.direction == QLatin1String("O"))
        m.direction = QStringLiteral("out");
    if (m.direction != QLatin1String("in") && m.direction != QLatin1String("out")) {
        problem = tr("message %1 has no direction").arg(m.externalId());
        return std::nullopt;
    }
    m.type = string(o, "type");
    m.status = string(o, "status");
    m.text = string(o, "text");
    if (m.text.size() > kMaxText) {
        problem = tr("message %1 is longer than %2 characters").arg(m.externalId()).arg(kMaxText);
        return std::nullopt;
    }
    for (const QJsonValue& a : o.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject attachment = a.toObject();
        const QString url = string(attachment, "url");
        if (!url.isEmpty())
            m.attachments.append({string(attachment, "content_type"), url});
    }
    m.createdOnText = string(o, "created_on");
    m.createdOn = parseTimestamp(m.createdOnText);
    m.sentOn = parseTimestamp(string(o, "sent_on"));
    m.modifiedOn = parseTimestamp(string(o, "modified_on"));
    if (!m.createdOn.isValid()) {
        problem = tr("message %1 has no readable created_on").arg(m.externalId());
        return std::nullopt;
    }
    m.createdOnText = canonicalTimestampText(m.createdOnText, m.createdOn);
    return m;
}

std::optional<Contact> readContact(const QJsonObject& o, QString& problem)
{
    Contact c;
    c.uuid = string(o, "uuid");
    if (c.uuid.isEmpty()) {
        problem = tr("a contact without uuid");
        return std::nullopt;
    }
    c.name = string(o, "name");
    c.language = string(o, "language");
    c.status = string(o, "status");
    if (c.status.isEmpty()) // servers before 2020: booleans only
        c.status = o.value(QLatin1String("stopped")).toBool() ? QStringLiteral("stopped")
                   : o.value(QLatin1String("blocked")).toBool() ? QStringLiteral("blocked")
                                                                 : QStringLiteral("active");
    for (const QJsonValue& urn : o.value(QLatin1String("urns")).toArray())
        if (urn.isString())
            c.urns.append(urn.toString());
    c.modifiedOn = parseTimestamp(string(o, "modified_on"));
    return c;
}
} // namespace

QString Message::externalId() const
{
    return !uuid.isEmpty() ? uuid : id ? QString::number(*id) : QString();
}

Result<Page<Message>> parseMessages(const QByteArray& body)
{
    return parsePage<Message>(body, readMessage);
}

Result<Page<Contact>> parseContacts(const QByteArray& body)
{
    return parsePage<Contact>(body, readContact);
}

Result<Message> parseMessage(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    QString problem;
    if (std::optional<Message> m = readMessage(*object, problem))
        return *m;
    return Error{QStringLiteral("rapidpro-bad-message"), tr("RapidPro answered with an unreadable message."), problem};
}

Result<qint64> parseBroadcastId(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    const QJsonValue id = object->value(QLatin1String("id"));
    if (!id.isDouble() || id.toDouble() < 1)
        return Error{QStringLiteral("rapidpro-bad-broadcast"), tr("RapidPro answered with an unreadable broadcast."), {}};
    return static_cast<qint64>(id.toDouble());
}

QString mheroStatus(const QString& s)
{
    if (s == QLatin1String("queued") || s == QLatin1String("errored") || s == QLatin1String("pending")
        || s == QLatin1String("initializing"))
        return QStringLiteral("queued");
    if (s == QLatin1String("wired") || s == QLatin1String("sent"))
        return QStringLiteral("sent");
    if (s == QLatin1String("delivered") || s == QLatin1String("read") || s == QLatin1String("failed"))
        return s;
    return {};
}

QDateTime parseTimestamp(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        // Microseconds: Qt reads at most milliseconds, so cut the fraction to three digits.
        static const QRegularExpression micro(QStringLiteral("^(.*\\.\\d{3})\\d+(Z|[+-]\\d\\d:?\\d\\d)?$"));
        const QRegularExpressionMatch m = micro.match(text);
        if (m.hasMatch())
            t = QDateTime::fromString(m.captured(1) + (m.captured(2).isEmpty() ? QStringLiteral("Z") : m.captured(2)),
                                      Qt::ISODateWithMs);
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString formatTimestamp(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

QString normaliseUrn(const QString& urn, const QString& region)
{
    const qsizetype colon = urn.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == urn.size() - 1)
        return {};
    const QString scheme = urn.left(colon).toLower();
    QString path = urn.mid(colon + 1);
    // RapidPro may add a display part ("tel:+231…#name"); the address is what comes before.
    if (const qsizetype hash = path.indexOf(QLatin1Char('#')); hash > 0)
        path.truncate(hash);
    if (scheme == QLatin1String("tel") || scheme == QLatin1String("whatsapp")) {
        const QString candidate = scheme == QLatin1String("whatsapp") && !path.startsWith(QLatin1Char('+'))
                                      ? QLatin1Char('+') + path
                                      : path;
        const phone::Normalized n = phone::normalize(candidate, region);
        if (n.valid())
            return scheme == QLatin1String("tel") ? phone::telUrn(n.e164) : phone::whatsappUrn(n.e164);
    }
    static const QRegularExpression usable(QStringLiteral("^[^\\s]+$"));
    if (!usable.match(path).hasMatch())
        return {};
    return scheme + QLatin1Char(':') + path;
}

} // namespace mhero::rapidpro
