// How fast mhero-server takes WhatsApp webhooks, and how soon a console sees them (issue 14:
// "p95 from webhook received to the message visible in a console, target < 500 ms under 200
// events/s"). In one process, as deployed: the webhook server on a thread of its own with its
// own connection (engine::WebhookServer), Meta played by an HTTP client POSTing signed
// deliveries at a steady rate, and a console (mhero::Database, its worker thread and
// connection) that LISTENs on mhero_message and re-reads the conversation's address for each
// notification, as the queue does. Each delivery is a new person (a new conversation).
//
//   bench_webhook_intake [--dir DIR] [--rate EVENTS_PER_S] [--seconds N]
#include "BenchCluster.h"

#include "channels/meta/MetaSource.h"
#include "channels/meta/MetaWebhook.h"
#include "db/Connection.h"
#include "db/Database.h"
#include "db/Sql.h"
#include "engine/WebhookServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <vector>

using namespace mhero;

namespace {
QByteArray delivery(qint64 waId, qint64 seconds)
{
    const QByteArray id = QByteArray::number(waId);
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
      "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
      "contacts":[{"profile":{"name":"Bench Person"},"wa_id":")" + id + R"("}],
      "messages":[{"from":")" + id + R"(","id":"wamid.bench)" + id + R"(","timestamp":")" + QByteArray::number(seconds)
        + R"(","type":"text","text":{"body":"is the vaccine stock here?"}}]},"field":"messages"}]}]})";
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Benchmark cluster folder."),
                                       QStringLiteral("dir"), QStringLiteral("/tmp/mhero-bench"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Deliveries per second."),
                                        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long to send."),
                                           QStringLiteral("n"), QStringLiteral("15"));
    parser.addOptions({dirOption, rateOption, secondsOption});
    parser.process(app);
    QTextStream out(stdout);

    auto settings = bench::benchDatabase(parser.value(dirOption), QStringLiteral("mhero_webhooks"), out);
    if (!settings) {
        out << settings.error().toString() << "\n";
        return 1;
    }
    auto owner = ScopedConnection::open(*settings, QStringLiteral("owner"));
    if (!owner) {
        out << owner.error().toString() << "\n";
        return 1;
    }
    const QString keyPath = QDir(parser.value(dirOption)).filePath(QStringLiteral("webhooks-engine.key"));
    if (auto key = secrets::loadEngineKey(owner->db(), keyPath, true); !key) {
        out << key.error().toString() << "\n";
        return 1;
    }
    const QByteArray appSecret = "bench-app-secret";
    if (Status cleared = sql::execScript(owner->db(), "TRUNCATE mhero.webhook_event, mhero.message, mhero.conversation, "
                                                      "mhero.channel_contact, mhero.contact_urn CASCADE; "
                                                      "DELETE FROM mhero.source WHERE name = 'bench-wa'");
        !cleared) {
        out << cleared.error().toString() << "\n";
        return 1;
    }
    meta::MetaSource source;
    source.name = QStringLiteral("bench-wa");
    source.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v21.0/"));
    source.phoneNumberId = QStringLiteral("106540352242922");
    source.businessAccountId = QStringLiteral("102290129340398");
    source.accessToken = QStringLiteral("token");
    source.appSecret = QString::fromLatin1(appSecret);
    source.verifyToken = QStringLiteral("verify");
    if (Status added = meta::addMetaSource(owner->db(), source); !added) {
        out << added.error().toString() << "\n";
        return 1;
    }

    // The webhook door, on its own thread.
    QThread serverThread;
    auto* server = new engine::WebhookServer(*settings, std::make_shared<secrets::EngineKeyring>(keyPath, false));
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server, [server, &port] { port = server->start(QHostAddress::LocalHost, 0).valueOr(0); },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        out << "the webhook server could not listen\n";
        return 1;
    }

    // The console.
    Database console;
    {
        QEventLoop loop;
        QObject::connect(&console, &Database::opened, &loop, &QEventLoop::quit);
        console.open(*settings);
        loop.exec();
    }
    console.listen(QStringLiteral("mhero_message"));
    {
        QEventLoop settle;
        QTimer::singleShot(500, &settle, &QEventLoop::quit);
        settle.exec();
    }

    const int rate = std::max(1, parser.value(rateOption).toInt());
    const int total = rate * std::max(1, parser.value(secondsOption).toInt());
    QElapsedTimer clock;
    clock.start();
    QHash<QString, double> sentAt; // "whatsapp:<wa_id>" → ms
    std::vector<double> acked;
    std::vector<double> visible;
    int answered = 0;
    int refused = 0;
    QSet<QString> seen;
    QEventLoop done;
    QObject::connect(&console, &Database::notification, &done, [&](const QString&, const QString& payload) {
        console.run(
            &done,
            [id = payload.toLongLong()](QSqlDatabase& c) {
                return sql::scalar(c, QStringLiteral("SELECT u.urn FROM mhero.conversation c "
                                                     "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE c.id = ?"),
                                   {id});
            },
            [&](const Result<QVariant>& urn) {
                if (!urn)
                    return;
                const QString key = urn->toString();
                if (seen.contains(key) || !sentAt.contains(key))
                    return;
                seen.insert(key);
                visible.push_back(clock.nsecsElapsed() / 1e6 - sentAt.value(key));
                if (int(seen.size()) == total)
                    done.quit();
            });
    });

    QNetworkAccessManager http;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhooks/whatsapp/bench-wa").arg(port));
    int next = 0;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    // Sends whatever is due so far: a steady rate even when a timer tick is late.
    QObject::connect(&pace, &QTimer::timeout, &done, [&] {
        const int due = std::min(total, int(clock.elapsed() * rate / 1000) + 1);
        for (; next < due; ++next) {
            const qint64 waId = 231770000000LL + next;
            const QByteArray body = delivery(waId, QDateTime::currentSecsSinceEpoch());
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("X-Hub-Signature-256", meta::signature(appSecret, body));
            const double at = clock.nsecsElapsed() / 1e6;
            sentAt.insert(QStringLiteral("whatsapp:%1").arg(waId), at);
            QNetworkReply* reply = http.post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, &done, [&, reply, at] {
                reply->deleteLater();
                ++answered;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    acked.push_back(clock.nsecsElapsed() / 1e6 - at);
                else
                    ++refused;
            });
        }
        if (next >= total)
            pace.stop();
    });
    pace.start(5);
    QTimer::singleShot(std::max(30'000, total * 1000 / rate + 30'000), &done, &QEventLoop::quit);
    done.exec();
    const double elapsedS = clock.elapsed() / 1000.0;

    const auto line = [&](const char* what, const std::vector<double>& v) {
        out << qSetFieldWidth(40) << Qt::left << what << qSetFieldWidth(0) << "p50 "
            << QString::number(bench::percentile(v, 0.5), 'f', 1) << " ms   p95 "
            << QString::number(bench::percentile(v, 0.95), 'f', 1) << " ms   max "
            << QString::number(bench::percentile(v, 1.0), 'f', 1) << " ms\n";
    };
    const int stored = sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.webhook_event")).valueOr(QVariant(0)).toInt();
    out << "\n" << total << " signed deliveries at " << rate << "/s; " << acked.size() << " answered 200, " << refused
        << " refused; " << stored << " stored, " << seen.size() << " seen by the console in "
        << QString::number(elapsedS, 'f', 1) << " s\n";
    line("webhook answered (stored, 200)", acked);
    line("webhook sent → visible in the console", visible);
    serverThread.quit();
    serverThread.wait();
    return seen.size() == total ? 0 : 1;
}
