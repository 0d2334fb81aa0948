// Meta's webhooks (WhatsApp Cloud API, Messenger) read into mHero's records: the signature, the
// subscription handshake, every inbound type, statuses with their error codes, template updates,
// and bodies that are broken or hostile. Payload shapes from ../shared/reference/meta-channels.md
// and Meta's webhook references.
#include "channels/meta/MetaWebhook.h"

#include <QTest>

using namespace mhero;

class TestMetaWebhook final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureIsCheckedOverTheRawBody();
    void handshakeEchoesOnlyForTheRightToken();
    void whatsAppTextFromTheReference();
    void whatsAppEveryInboundType();
    void whatsAppStatusesKeepTheErrorCode();
    void whatsAppTemplateStatusUpdate();
    void brokenBodiesAreErrorsNotCrashes();
    void unusableEntriesAreProblemsTheRestIsKept();
    void messengerMessagesReceiptsAndEchoes();
};

// (after the class: moc does not read raw string literals)
namespace {
QByteArray whatsApp(const QByteArray& value, const QByteArray& field = "messages")
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":)" + value
        + R"(,"field":")" + field + R"("}]}]})";
}
QByteArray inbound(const QByteArray& message)
{
    return whatsApp(R"({"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                       "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"231770100001"}],"messages":[)"
                    + message + "]}");
}
} // namespace

void TestMetaWebhook::signatureIsCheckedOverTheRawBody()
{
    const QByteArray secret = "app-secret";
    const QByteArray body = R"({"object":"page","entry":[]})";
    const QByteArray header = meta::signature(secret, body);
    QVERIFY(header.startsWith("sha256="));
    QCOMPARE(header.size(), 7 + 64);
    QVERIFY(meta::verifySignature(secret, body, header));
    QVERIFY(meta::verifySignature(secret, body, header.toUpper().replace("SHA256=", "sha256="))); // hex case
    QVERIFY(meta::verifySignature(secret, body, "  " + header + "\r\n"));
    // Anything else is refused: another secret, one byte changed (even whitespace the JSON
    // parser would not mind), no header, another algorithm, a truncated digest, no secret.
    QVERIFY(!meta::verifySignature("other-secret", body, header));
    QVERIFY(!meta::verifySignature(secret, QByteArray(body).replace("[]", "[ ]"), header));
    QVERIFY(!meta::verifySignature(secret, body, {}));
    QVERIFY(!meta::verifySignature(secret, body, "sha1=" + header.mid(7)));
    QVERIFY(!meta::verifySignature(secret, body, header.left(header.size() - 2)));
    QVERIFY(!meta::verifySignature(secret, body, header.mid(7)));
    QVERIFY(!meta::verifySignature({}, body, meta::signature({}, body)));
}

void TestMetaWebhook::handshakeEchoesOnlyForTheRightToken()
{
    const auto query = [](const QString& mode, const QString& token, const QString& challenge) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("hub.mode"), mode);
        q.addQueryItem(QStringLiteral("hub.verify_token"), token);
        q.addQueryItem(QStringLiteral("hub.challenge"), challenge);
        return q;
    };
    const QString token = QStringLiteral("verify-me");
    QCOMPARE(meta::handshakeChallenge(query(QStringLiteral("subscribe"), token, QStringLiteral("1158201444")), token),
             std::optional<QString>(QStringLiteral("1158201444")));
    QVERIFY(!meta::handshakeChallenge(query(QStringLiteral("subscribe"), QStringLiteral("verify-m"), QStringLiteral("1")), token));
    QVERIFY(!meta::handshakeChallenge(query(QStringLiteral("unsubscribe"), token, QStringLiteral("1")), token));
    QVERIFY(!meta::handshakeChallenge(query(QStringLiteral("subscribe"), token, QStringLiteral("1")), QString()));
    // The challenge is written back as text: markup is never echoed.
    QVERIFY(!meta::handshakeChallenge(query(QStringLiteral("subscribe"), token, QStringLiteral("<script>x</script> 1")), token));
}

void TestMetaWebhook::whatsAppTextFromTheReference()
{
    const QByteArray body = R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
      "messaging_product":"whatsapp",
      "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
      "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
      "messages":[{"from":"16505551234","id":"wamid.HBgLMTY1","timestamp":"1749416383","type":"text",
        "text":{"body":"Does it come in another color?"}}]},
      "field":"messages"}]}]})";
    auto events = meta::parseWhatsApp(body);
    QVERIFY2(events.ok(), qPrintable(events.ok() ? QString() : events.error().toString()));
    QCOMPARE(events->phoneNumberId, QStringLiteral("106540352242922"));
    QCOMPARE(events->messages.size(), 1);
    const channels::InboundMessage& m = events->messages.first();
    QCOMPARE(m.externalId, QStringLiteral("wamid.HBgLMTY1"));
    QCOMPARE(m.urn, QStringLiteral("whatsapp:16505551234"));
    QCOMPARE(m.contactName, QStringLiteral("Sheena Nelson"));
    QCOMPARE(m.text, QStringLiteral("Does it come in another color?"));
    QCOMPARE(m.kind, QStringLiteral("text"));
    QCOMPARE(m.createdOn, QDateTime::fromSecsSinceEpoch(1749416383, Qt::UTC));
    QVERIFY(events->problems.isEmpty());
}

void TestMetaWebhook::whatsAppEveryInboundType()
{
    const QByteArray messages = R"(
      {"from":"231770100001","id":"w1","timestamp":"1749416383","type":"image","image":{"id":"m1","mime_type":"image/jpeg","sha256":"x","caption":"my payslip"}},
      {"from":"231770100001","id":"w2","timestamp":"1749416384","type":"audio","audio":{"id":"m2","mime_type":"audio/ogg; codecs=opus","voice":true}},
      {"from":"231770100001","id":"w3","timestamp":"1749416385","type":"document","document":{"id":"m3","mime_type":"application/pdf","filename":"licence.pdf"}},
      {"from":"231770100001","id":"w4","timestamp":"1749416386","type":"sticker","sticker":{"id":"m4","mime_type":"image/webp","animated":false}},
      {"from":"231770100001","id":"w5","timestamp":"1749416387","type":"location","location":{"latitude":6.3,"longitude":-10.8,"name":"Redemption Hospital","address":"Monrovia"}},
      {"from":"231770100001","id":"w6","timestamp":"1749416388","type":"contacts","contacts":[{"name":{"formatted_name":"Nurse Kollie"},"phones":[{"phone":"+231 77 010 0002","wa_id":"231770100002"}]}]},
      {"from":"231770100001","id":"w7","timestamp":"1749416389","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"yes","title":"Yes, I received it"}}},
      {"from":"231770100001","id":"w8","timestamp":"1749416390","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"d2","title":"Bong","description":"county"}}},
      {"from":"231770100001","id":"w9","timestamp":"1749416391","type":"button","button":{"payload":"STOP","text":"Stop alerts"},"context":{"from":"15550783881","id":"wamid.template1"}},
      {"from":"231770100001","id":"w10","timestamp":"1749416392","type":"reaction","reaction":{"message_id":"wamid.ours","emoji":"👍"}},
      {"from":"231770100001","id":"w11","timestamp":"1749416393","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown"}]},
      {"from":"231770100001","id":"w12","timestamp":"1749416394","type":"video","video":{"id":"m12","mime_type":"video/mp4"}}
    )";
    auto events = meta::parseWhatsApp(inbound(messages));
    QVERIFY(events.ok());
    QVERIFY2(events->problems.isEmpty(), qPrintable(events->problems.join(QLatin1Char('\n'))));
    QCOMPARE(events->messages.size(), 12);
    const auto& m = events->messages;
    QCOMPARE(m[0].kind, QStringLiteral("image"));
    QCOMPARE(m[0].text, QStringLiteral("my payslip"));
    QCOMPARE(m[0].attachments.size(), 1);
    QCOMPARE(m[0].attachments[0].contentType, QStringLiteral("image/jpeg"));
    QCOMPARE(m[0].attachments[0].url, QStringLiteral("whatsapp-media:m1"));
    QCOMPARE(m[0].contactName, QStringLiteral("Sheena Nelson"));
    QCOMPARE(m[1].kind, QStringLiteral("voice"));
    QCOMPARE(m[1].attachments[0].contentType, QStringLiteral("audio/ogg")); // parameters dropped
    QCOMPARE(m[2].attachments[0].fileName, QStringLiteral("licence.pdf"));
    QCOMPARE(m[3].kind, QStringLiteral("sticker"));
    QCOMPARE(m[3].attachments[0].contentType, QStringLiteral("image/webp"));
    QVERIFY2(m[4].text.contains(QLatin1String("Redemption Hospital")) && m[4].text.contains(QLatin1String("mlat=6.300000")),
             qPrintable(m[4].text));
    QVERIFY2(m[5].text.contains(QLatin1String("Nurse Kollie: +231 77 010 0002")), qPrintable(m[5].text));
    QCOMPARE(m[6].text, QStringLiteral("Yes, I received it"));
    QCOMPARE(m[7].text, QStringLiteral("Bong"));
    QCOMPARE(m[8].text, QStringLiteral("Stop alerts"));
    QCOMPARE(m[8].replyTo, QStringLiteral("wamid.template1"));
    QCOMPARE(m[9].kind, QStringLiteral("reaction"));
    QCOMPARE(m[9].text, QStringLiteral("👍"));
    QCOMPARE(m[9].replyTo, QStringLiteral("wamid.ours"));
    QCOMPARE(m[10].kind, QStringLiteral("unsupported"));
    QVERIFY(m[10].text.isEmpty() && m[10].attachments.isEmpty()); // stored as "unsupported", named in the thread
    QCOMPARE(m[11].attachments[0].url, QStringLiteral("whatsapp-media:m12"));
    for (const channels::InboundMessage& message : m)
        QCOMPARE(message.urn, QStringLiteral("whatsapp:231770100001"));
}

void TestMetaWebhook::whatsAppStatusesKeepTheErrorCode()
{
    // The failed status quoted in frappe_whatsapp#133, beside the ordinary steps and one mHero
    // does not follow.
    auto events = meta::parseWhatsApp(whatsApp(R"({"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"statuses":[
      {"id":"wamid.a","status":"sent","timestamp":"1744609250","recipient_id":"231770100001"},
      {"id":"wamid.a","status":"read","timestamp":"1744609252","recipient_id":"231770100001"},
      {"id":"wamid.a","status":"delivered","timestamp":"1744609251","recipient_id":"231770100001"},
      {"id":"wamid.b","status":"failed","timestamp":"1744609253","recipient_id":"231770100001",
        "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
          "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]},
      {"id":"wamid.c","status":"deleted","timestamp":"1744609254"}]})"));
    QVERIFY(events.ok());
    QCOMPARE(events->statuses.size(), 4);
    QCOMPARE(events->statuses[1].status, QStringLiteral("read")); // order kept: the store is monotonic
    QCOMPARE(events->statuses[1].at, QDateTime::fromSecsSinceEpoch(1744609252, Qt::UTC));
    const channels::StatusUpdate& failed = events->statuses[3];
    QCOMPARE(failed.status, QStringLiteral("failed"));
    QCOMPARE(failed.errorCode, std::optional<int>(131047));
    QVERIFY2(failed.error.startsWith(QStringLiteral("131047: Re-engagement message — Message failed to send because more than 24 hours")),
             qPrintable(failed.error));
    QCOMPARE(events->problems.size(), 1);
    QVERIFY(events->problems.first().contains(QLatin1String("deleted")));
}

void TestMetaWebhook::whatsAppTemplateStatusUpdate()
{
    auto events = meta::parseWhatsApp(
        R"({"object":"whatsapp_business_account","entry":[{"id":"WABA1","time":1234567890,"changes":[{"value":{
          "event":"APPROVED","message_template_id":123,"message_template_name":"lassa_alert",
          "message_template_language":"en","reason":"NONE","message_template_category":"UTILITY"},
          "field":"message_template_status_update"},{"value":{},"field":"account_update"}]}]})");
    QVERIFY(events.ok());
    QCOMPARE(events->templates.size(), 1);
    const meta::TemplateStatusChange& t = events->templates.first();
    QCOMPARE(t.accountId, QStringLiteral("WABA1"));
    QCOMPARE(t.templateId, QStringLiteral("123"));
    QCOMPARE(t.name, QStringLiteral("lassa_alert"));
    QCOMPARE(t.language, QStringLiteral("en"));
    QCOMPARE(t.event, QStringLiteral("APPROVED"));
    QCOMPARE(t.category, QStringLiteral("UTILITY"));
    QCOMPARE(events->unknownFields, QStringList{QStringLiteral("account_update")});
}

void TestMetaWebhook::brokenBodiesAreErrorsNotCrashes()
{
    for (const QByteArray& body : {QByteArray(), QByteArray("not json"), QByteArray("[1,2]"), QByteArray("{\"object\":\"page\",\"entry\":[]}"),
                                    QByteArray("{\"object\":\"whatsapp_business_account\"}"),
                                    QByteArray("{\"object\":\"whatsapp_business_account\",\"entry\":{}}")}) {
        auto events = meta::parseWhatsApp(body);
        QVERIFY2(!events.ok(), body.constData());
        QVERIFY(!events.error().message.isEmpty());
    }
    QVERIFY(!meta::parseMessenger(whatsApp("{}")).ok()); // a WhatsApp body at the Messenger door
    // Wrong types everywhere inside: nothing is read, nothing crashes.
    for (const QByteArray& body :
         {QByteArray(R"({"object":"whatsapp_business_account","entry":[1,"x",null,{"changes":7},{"changes":[null,{"field":"messages","value":[]}]}]})"),
          whatsApp(R"({"messages":[null,1,{"id":5},{"id":"w","from":{},"timestamp":[],"type":"image","image":"x"}],"statuses":"x"})")}) {
        auto events = meta::parseWhatsApp(body);
        QVERIFY(events.ok());
        QVERIFY(events->messages.isEmpty());
        QVERIFY(events->statuses.isEmpty());
    }
}

void TestMetaWebhook::unusableEntriesAreProblemsTheRestIsKept()
{
    const QByteArray messages = R"(
      {"from":"231770100001","timestamp":"1749416383","type":"text","text":{"body":"no id"}},
      {"from":"231770100001","id":"w2","type":"text","text":{"body":"no time"}},
      {"from":"231770100001","id":"w3","timestamp":"1749416383","type":"image","image":{"mime_type":"image/jpeg"}},
      {"from":"not-a-number","id":"w4","timestamp":"1749416383","type":"text","text":{"body":"odd sender"}},
      {"from":"231770100001","id":"w5","timestamp":"1749416383","type":"text","text":{"body":"fine\u0000 with a NUL"}}
    )";
    auto events = meta::parseWhatsApp(inbound(messages));
    QVERIFY(events.ok());
    QCOMPARE(events->problems.size(), 3);
    QCOMPARE(events->messages.size(), 2);
    // An address mHero cannot use is kept as given: the store quarantines it with the reason.
    QCOMPARE(events->messages[0].urn, QString());
    QCOMPARE(events->messages[0].addressAsGiven, QStringLiteral("whatsapp:not-a-number"));
    QCOMPARE(events->messages[1].text, QStringLiteral("fine with a NUL"));
}

void TestMetaWebhook::messengerMessagesReceiptsAndEchoes()
{
    const QByteArray body = R"({"object":"page","entry":[{"id":"PAGE","time":1700000000000,"messaging":[
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000000123,"message":{"mid":"m_1","text":"hello from the clinic"}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000001000,"message":{"mid":"m_2","attachments":[{"type":"image","payload":{"url":"https://scontent.example/img.jpg"}}]}},
      {"sender":{"id":"PAGE"},"recipient":{"id":"6783451200"},"timestamp":1700000002000,"message":{"mid":"m_3","is_echo":true,"text":"our reply"}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000003000,"delivery":{"mids":["m_out1","m_out2"],"watermark":1700000002500}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000004000,"read":{"watermark":1700000003500}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000005000,"reaction":{"mid":"m_out1","action":"react","emoji":"❤"}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"PAGE"},"timestamp":1700000006000,"postback":{"payload":"GET_STARTED"}}
    ]}]})";
    auto events = meta::parseMessenger(body);
    QVERIFY(events.ok());
    QCOMPARE(events->messages.size(), 3);
    QCOMPARE(events->messages[0].urn, QStringLiteral("facebook:6783451200"));
    QCOMPARE(events->messages[0].text, QStringLiteral("hello from the clinic"));
    QCOMPARE(events->messages[0].createdOn, QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC));
    QCOMPARE(events->messages[1].attachments.size(), 1);
    QCOMPARE(events->messages[1].attachments[0].url, QStringLiteral("https://scontent.example/img.jpg"));
    QCOMPARE(events->messages[1].kind, QStringLiteral("image"));
    QCOMPARE(events->messages[2].kind, QStringLiteral("reaction"));
    QCOMPARE(events->messages[2].replyTo, QStringLiteral("m_out1"));
    QCOMPARE(events->echoes, 1); // the PAGE "sender" of an echo is not a person (and not a problem)
    QCOMPARE(events->statuses.size(), 2);
    QCOMPARE(events->statuses[1].externalId, QStringLiteral("m_out2"));
    QCOMPARE(events->statuses[1].status, QStringLiteral("delivered"));
    QCOMPARE(events->reads.size(), 1);
    QCOMPARE(events->reads[0].upTo, QDateTime::fromMSecsSinceEpoch(1700000003500, Qt::UTC));
    QCOMPARE(events->problems.size(), 1); // the postback
}

QTEST_GUILESS_MAIN(TestMetaWebhook)
#include "tst_metawebhook.moc"
