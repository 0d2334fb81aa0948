#include "MetaEmulator.h"

#include <QDebug>
#include <QJsonDocument>

#ifndef MHERO_META_EMULATOR_DIR
#error "MHERO_META_EMULATOR_DIR must point at tests/support/meta-emulator"
#endif

namespace mhero::test {

namespace {

QJsonValue epochOrNull(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(static_cast<double>(at.toSecsSinceEpoch())) : QJsonValue(QJsonValue::Null);
}

} // namespace

MetaEmulator::MetaEmulator(const QStringList& arguments)
    : m_server(QStringLiteral(MHERO_META_EMULATOR_DIR), arguments, QStringLiteral("Meta emulator"))
{ }

QUrl MetaEmulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.port()));
}

QUrl MetaEmulator::graphUrl(const QString& version) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2/").arg(m_server.port()).arg(version));
}

NodeTestServer::Response MetaEmulator::control(const QByteArray& method, const QString& path,
                                               const QJsonValue& body) const
{
    QByteArray payload;
    if (body.isArray())
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (body.isObject())
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    const auto response
        = m_server.request(method, QStringLiteral("_control/") + path, payload, {{"Content-Type", "application/json"}});
    if (response.status / 100 != 2)
        qWarning() << "Meta emulator control" << method << path << response.status << response.body.left(500);
    return response;
}

QJsonValue MetaEmulator::controlJson(const QByteArray& method, const QString& path, const QJsonValue& body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(control(method, path, body).body);
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return document.object();
    return {};
}

QJsonObject MetaEmulator::setConfig(const QJsonObject& config) const
{
    return controlJson("POST", QStringLiteral("config"), config).toObject();
}

bool MetaEmulator::setWebhookTargets(const QUrl& whatsapp, const QUrl& messenger) const
{
    const auto target
        = [](const QUrl& url) { return url.isValid() ? QJsonValue(url.toString()) : QJsonValue(QJsonValue::Null); };
    return control("POST", QStringLiteral("config"),
                   QJsonObject{{QStringLiteral("whatsapp_target"), target(whatsapp)},
                               {QStringLiteral("messenger_target"), target(messenger)}})
               .status
        == 200;
}

bool MetaEmulator::setTokenExpired(bool expired) const
{
    return control("POST", QStringLiteral("config"), QJsonObject{{QStringLiteral("token_expired"), expired}}).status
        == 200;
}

QJsonObject MetaEmulator::whatsappInbound(const QJsonObject& message) const
{
    return controlJson("POST", QStringLiteral("whatsapp/inbound"), message).toObject();
}

QJsonObject MetaEmulator::whatsappText(const QString& from, const QString& text, const QString& name,
                                       const QDateTime& at) const
{
    QJsonObject message{{QStringLiteral("from"), from},
                        {QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("text"), text}};
    if (!name.isEmpty())
        message.insert(QStringLiteral("name"), name);
    if (at.isValid())
        message.insert(QStringLiteral("timestamp"), epochOrNull(at));
    return whatsappInbound(message);
}

QJsonObject MetaEmulator::whatsappMedia(const QString& from, const QString& type, const QByteArray& bytes,
                                        const QString& mimeType, const QString& caption, const QString& filename) const
{
    QJsonObject media{{QStringLiteral("data_base64"), QString::fromLatin1(bytes.toBase64())},
                      {QStringLiteral("mime_type"), mimeType}};
    if (!caption.isEmpty())
        media.insert(QStringLiteral("caption"), caption);
    if (!filename.isEmpty())
        media.insert(QStringLiteral("filename"), filename);
    return whatsappInbound(
        {{QStringLiteral("from"), from}, {QStringLiteral("type"), type}, {QStringLiteral("media"), media}});
}

QJsonObject MetaEmulator::whatsappLocation(const QString& from, double latitude, double longitude, const QString& name,
                                           const QString& address) const
{
    QJsonObject location{{QStringLiteral("latitude"), latitude}, {QStringLiteral("longitude"), longitude}};
    if (!name.isEmpty())
        location.insert(QStringLiteral("name"), name);
    if (!address.isEmpty())
        location.insert(QStringLiteral("address"), address);
    return whatsappInbound({{QStringLiteral("from"), from},
                            {QStringLiteral("type"), QStringLiteral("location")},
                            {QStringLiteral("location"), location}});
}

QJsonObject MetaEmulator::whatsappContacts(const QString& from, const QJsonArray& contacts) const
{
    return whatsappInbound({{QStringLiteral("from"), from},
                            {QStringLiteral("type"), QStringLiteral("contacts")},
                            {QStringLiteral("contacts"), contacts}});
}

QJsonObject MetaEmulator::whatsappButtonReply(const QString& from, const QString& id, const QString& title) const
{
    const QJsonObject interactive{
        {QStringLiteral("type"), QStringLiteral("button_reply")},
        {QStringLiteral("button_reply"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}}}};
    return whatsappInbound({{QStringLiteral("from"), from},
                            {QStringLiteral("type"), QStringLiteral("interactive")},
                            {QStringLiteral("interactive"), interactive}});
}

QJsonObject MetaEmulator::whatsappListReply(const QString& from, const QString& id, const QString& title,
                                            const QString& description) const
{
    QJsonObject reply{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}};
    if (!description.isEmpty())
        reply.insert(QStringLiteral("description"), description);
    const QJsonObject interactive{{QStringLiteral("type"), QStringLiteral("list_reply")},
                                  {QStringLiteral("list_reply"), reply}};
    return whatsappInbound({{QStringLiteral("from"), from},
                            {QStringLiteral("type"), QStringLiteral("interactive")},
                            {QStringLiteral("interactive"), interactive}});
}

QJsonObject MetaEmulator::whatsappTemplateButton(const QString& from, const QString& payload, const QString& text,
                                                 const QString& contextId) const
{
    QJsonObject message{
        {QStringLiteral("from"), from},
        {QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("button"), QJsonObject{{QStringLiteral("payload"), payload}, {QStringLiteral("text"), text}}}};
    if (!contextId.isEmpty())
        message.insert(QStringLiteral("context"),
                       QJsonObject{{QStringLiteral("from"), displayPhoneNumber()}, {QStringLiteral("id"), contextId}});
    return whatsappInbound(message);
}

QJsonObject MetaEmulator::whatsappReaction(const QString& from, const QString& messageId, const QString& emoji) const
{
    return whatsappInbound(
        {{QStringLiteral("from"), from},
         {QStringLiteral("type"), QStringLiteral("reaction")},
         {QStringLiteral("reaction"),
          QJsonObject{{QStringLiteral("message_id"), messageId}, {QStringLiteral("emoji"), emoji}}}});
}

QJsonObject MetaEmulator::whatsappUnsupported(const QString& from) const
{
    return whatsappInbound({{QStringLiteral("from"), from}, {QStringLiteral("type"), QStringLiteral("unsupported")}});
}

bool MetaEmulator::setWhatsAppLastInbound(const QString& waId, const QDateTime& at) const
{
    return control("POST", QStringLiteral("whatsapp/users"),
                   QJsonObject{{QStringLiteral("wa_id"), waId}, {QStringLiteral("last_inbound"), epochOrNull(at)}})
               .status
        == 200;
}

bool MetaEmulator::markNotOnWhatsApp(const QString& waId, bool notOnWhatsApp) const
{
    return control("POST", QStringLiteral("whatsapp/users"),
                   QJsonObject{{QStringLiteral("wa_id"), waId}, {QStringLiteral("not_on_whatsapp"), notOnWhatsApp}})
               .status
        == 200;
}

bool MetaEmulator::emitStatus(const QString& wamid, const QString& status, int code) const
{
    QJsonObject body{{QStringLiteral("id"), wamid}, {QStringLiteral("status"), status}};
    if (code != 0)
        body.insert(QStringLiteral("code"), code);
    return control("POST", QStringLiteral("statuses"), body).status == 200;
}

QJsonObject MetaEmulator::messengerInbound(const QJsonObject& message) const
{
    return controlJson("POST", QStringLiteral("messenger/inbound"), message).toObject();
}

QJsonObject MetaEmulator::messengerText(const QString& psid, const QString& text, const QDateTime& at) const
{
    QJsonObject message{{QStringLiteral("psid"), psid}, {QStringLiteral("text"), text}};
    if (at.isValid())
        message.insert(QStringLiteral("timestamp"), epochOrNull(at));
    return messengerInbound(message);
}

bool MetaEmulator::setMessengerLastInbound(const QString& psid, const QDateTime& at) const
{
    return control("POST", QStringLiteral("messenger/users"),
                   QJsonObject{{QStringLiteral("psid"), psid}, {QStringLiteral("last_inbound"), epochOrNull(at)}})
               .status
        == 200;
}

QJsonArray MetaEmulator::registerTemplates(const QJsonArray& templates) const
{
    return controlJson("POST", QStringLiteral("templates"), templates).toArray();
}

bool MetaEmulator::setTemplateStatus(const QString& name, const QString& language, const QString& status,
                                     const QString& reason) const
{
    QJsonObject body{
        {QStringLiteral("name"), name}, {QStringLiteral("language"), language}, {QStringLiteral("status"), status}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return control("POST", QStringLiteral("templates/status"), body).status == 200;
}

bool MetaEmulator::setFaults(const QJsonObject& faults) const
{
    return control("POST", QStringLiteral("faults"), faults).status == 200;
}

bool MetaEmulator::failNextSends(int code, int count, const QString& channel) const
{
    const QJsonObject error{
        {QStringLiteral("code"), code}, {QStringLiteral("count"), count}, {QStringLiteral("channel"), channel}};
    return setFaults({{QStringLiteral("send_errors"), QJsonArray{error}}});
}

QJsonArray MetaEmulator::sent() const
{
    return controlJson("GET", QStringLiteral("sent")).toArray();
}

QStringList MetaEmulator::takeRequests() const
{
    QStringList list;
    for (const QJsonValue& v : controlJson("GET", QStringLiteral("requests")).toArray())
        list.append(v.toString());
    return list;
}

QJsonArray MetaEmulator::media() const
{
    return controlJson("GET", QStringLiteral("media")).toArray();
}

QByteArray MetaEmulator::mediaBytes(const QString& id) const
{
    const auto response = control("GET", QStringLiteral("media/%1/bytes").arg(id));
    return response.status == 200 ? response.body : QByteArray();
}

QJsonArray MetaEmulator::webhooks() const
{
    return controlJson("GET", QStringLiteral("webhooks")).toArray();
}

QJsonArray MetaEmulator::waitForWebhooks(int count, int timeoutMs, const QString& channel) const
{
    QJsonObject body{{QStringLiteral("count"), count}, {QStringLiteral("timeout_ms"), timeoutMs}};
    if (!channel.isEmpty())
        body.insert(QStringLiteral("channel"), channel);
    return QJsonDocument::fromJson(m_server
                                       .request("POST", QStringLiteral("_control/webhooks/wait"),
                                                QJsonDocument(body).toJson(QJsonDocument::Compact),
                                                {{"Content-Type", "application/json"}})
                                       .body)
        .array();
}

QJsonObject MetaEmulator::verifyWebhook(const QString& channel, const QString& verifyToken) const
{
    QJsonObject body{{QStringLiteral("channel"), channel}};
    if (!verifyToken.isEmpty())
        body.insert(QStringLiteral("verify_token"), verifyToken);
    return controlJson("POST", QStringLiteral("verify"), body).toObject();
}

bool MetaEmulator::reset() const
{
    return control("POST", QStringLiteral("reset")).status == 200;
}

} // namespace mhero::test
