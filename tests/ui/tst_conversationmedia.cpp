// Media in the Conversations page, end to end: an agent attaches a picture in the composer and
// the sync engine delivers it to the RapidPro emulator once; a picture a person sent is fetched by
// the engine and shown from the database after the emulator has gone. Real PostgreSQL, the real
// page (offscreen), the emulator over loopback HTTP.
#include "RapidProEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "Await.h"
#include "channels/MediaFetcher.h"
#include "conversations/ComposerWidget.h"
#include "conversations/ConversationsPage.h"
#include "conversations/MediaOpener.h"
#include "conversations/Notifier.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"
#include "channels/rapidpro/RapidProSource.h"
#include "channels/rapidpro/RapidProSync.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QMimeDatabase>
#include <QTest>
#include <QToolButton>

#include <optional>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

namespace {

SessionInfo sessionOf(const TestUser& user)
{
    SessionInfo session;
    session.user.roleName = user.name;
    session.user.displayName = QStringLiteral("Esther Kollie");
    session.user.isAgent = true;
    return session;
}

/// A picture with something to see in it (the screenshot is looked at).
QImage chart(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0xF4, 0xF1, 0xEA));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor bars[] = {QColor(0x2E, 0x7D, 0x32), QColor(0x1E, 0x5A, 0x9C), QColor(0xB7, 0x1C, 0x1C)};
    for (int i = 0; i < 6; ++i) {
        const int h = height / 8 + (i * 37 % 5) * height / 8;
        p.fillRect(QRect(width / 10 + i * width / 8, height - height / 10 - h, width / 12, h), bars[i % 3]);
    }
    p.setPen(QPen(QColor(0x33, 0x33, 0x33), std::max(2, width / 200)));
    p.drawLine(width / 12, height - height / 10, width - width / 12, height - height / 10);
    return image;
}

QByteArray encoded(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace

class TestConversationMedia final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void composerSendsAPictureOnce();
    void inboundPictureIsShownFromTheDatabaseWithRapidProStopped();
    void filesOpenOnlyAsTheirTypeSays();

private:
    void openDatabase(Database& database);
    rapidpro::RapidProSync& engine();
    qint64 inboundConversation(const QJsonArray& attachments);

    std::unique_ptr<RapidProEmulator> m_rapidpro;
    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    TestUser m_agent;
    TestUser m_serviceUser;
    QTemporaryDir m_dir;
    std::optional<secrets::EngineKey> m_key;
    std::unique_ptr<rapidpro::RapidProSync> m_engine;
};

void TestConversationMedia::init()
{
    m_rapidpro = std::make_unique<RapidProEmulator>(QStringList{QStringLiteral("--advance-ms"), QStringLiteral("20")});
    QVERIFY2(m_rapidpro->ok(), qPrintable(m_rapidpro->startError()));
    auto deployed = deployRapidPro(m_rapidpro->baseUrl(), m_dir.path(), QStringLiteral("esther"));
    MHERO_VERIFY_OK(deployed);
    m_database = deployed->database;
    m_owner = std::move(deployed->owner);
    m_agent = deployed->agent;
    m_serviceUser = deployed->service;
    m_key = deployed->key;
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES "
                                             "('messaging.free_text_policy', '\"free_text\"') "
                                             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")));
    auto serviceConnection = TestCluster::connectAs(m_serviceUser);
    MHERO_VERIFY_OK(serviceConnection);
    m_service.emplace(std::move(*serviceConnection));
}

void TestConversationMedia::cleanup()
{
    m_engine.reset();
    m_service.reset();
    m_owner.reset();
    m_rapidpro.reset();
    TestCluster::instance().dropDatabase(m_database);
}

void TestConversationMedia::openDatabase(Database& database)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_agent.settings);
    QTRY_COMPARE(opened.count(), 1);
}

rapidpro::RapidProSync& TestConversationMedia::engine()
{
    if (!m_engine) {
        auto sources = rapidpro::loadRapidProSources(m_service->db(), {}, &*m_key);
        if (!sources || sources->size() != 1)
            qFatal("cannot load the RapidPro source as the service role");
        m_engine
            = std::make_unique<rapidpro::RapidProSync>(sources->first(), m_service->db(), QStringLiteral("engine"));
        m_engine->client().setTimeout(5000);
    }
    return *m_engine;
}

qint64 TestConversationMedia::inboundConversation(const QJsonArray& attachments)
{
    m_rapidpro->inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), QStringLiteral("tel:+231770100009")},
                                               {QStringLiteral("name"), QStringLiteral("Mariama Konneh")},
                                               {QStringLiteral("text"), QStringLiteral("the stock card, see")},
                                               {QStringLiteral("attachments"), attachments}}});
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    if (!added || *added != 1)
        qWarning() << "inbound:" << (added ? QString::number(*added) : added.error().toString());
    auto id = sql::scalar(m_owner->db(), QStringLiteral("SELECT max(id) FROM mhero.conversation"));
    return id ? id->toLongLong() : 0;
}

void TestConversationMedia::composerSendsAPictureOnce()
{
    const qint64 conversation = inboundConversation({});
    QVERIFY(conversation > 0);
    const QString path = m_dir.filePath(QStringLiteral("stock-chart.png"));
    const QImage picture = chart(900, 600);
    QVERIFY(picture.save(path, "PNG"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    Database database;
    openDatabase(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1280, 760);
    page.show();
    page.openConversation(conversation);
    QTRY_COMPARE(page.currentConversation(), conversation);
    ComposerWidget* composer = page.composer();
    auto* attach = composer->findChild<QToolButton*>(QStringLiteral("attachButton"));
    QVERIFY(attach);
    QTRY_VERIFY(attach->isEnabled()); // the channel's media rules are in

    // What the channel cannot carry is refused in the composer, with words, before any send.
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not something RapidPro sends");
    }
    QVERIFY(!composer->attachFile(text));
    QVERIFY(!composer->attachment());
    auto* problem = composer->findChild<QLabel*>(QStringLiteral("composerAttachmentError"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("text/plain")), qPrintable(problem->text()));

    // The picture: attached (as the button's dialog, a drop or a paste would), sent with Send.
    QVERIFY(composer->attachFile(path));
    QVERIFY(!problem->isVisible());
    QCOMPARE(composer->attachment()->contentType, QStringLiteral("image/png"));
    auto* chip = composer->findChild<QLabel*>(QStringLiteral("composerAttachment"));
    QVERIFY(chip->isVisible());
    QVERIFY(chip->text().contains(QLatin1String("stock-chart.png")));
    auto* send = composer->findChild<QPushButton*>(QStringLiteral("sendButton"));
    QTRY_VERIFY(send->isEnabled()); // no text needed with a picture

    // The screenshot the brief asks for: the composer holding its attachment.
    composer->setText(QStringLiteral("Here is the chart for this month."));
    QTest::qWait(50);
    const QString shots = qEnvironmentVariable("MHERO_MEDIA_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(page.grab().save(shots + QStringLiteral("/composer-attachment.png")));

    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(!composer->attachment()); // cleared once the reply is queued
    QTRY_COMPARE(page.threadModel()->rowCount(), 2);
    const QVariantList attachments = page.threadModel()->index(1).data(ThreadModel::AttachmentsRole).toList();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.first().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("stored"));
    // Its thumbnail was made by the console when queuing and is shown from the database.
    QTRY_VERIFY(!page.threadModel()->index(1).data(Qt::DecorationRole).value<QPixmap>().isNull());

    // The sync engine's outbox sender delivers it: one upload, one message, the file's bytes.
    m_rapidpro->takeRequests();
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    auto again = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(again);
    QCOMPARE(again->sent + again->retrying + again->failed, 0);
    const QStringList requests = m_rapidpro->takeRequests();
    QCOMPARE(requests.count(QStringLiteral("POST /api/v2/media.json 201")), 1);
    QCOMPARE(requests.filter(QStringLiteral("POST /api/v2/messages.json")).size(), 1);
    const QJsonArray sent = m_rapidpro->sent();
    QCOMPARE(sent.size(), 1);
    const QJsonObject message = sent.first().toObject();
    QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Here is the chart for this month."));
    const QJsonArray carried = message.value(QLatin1String("attachments")).toArray();
    QCOMPARE(carried.size(), 1);
    QCOMPARE(carried.first().toObject().value(QLatin1String("content_type")).toString(), QStringLiteral("image/png"));
    const auto uploaded = m_rapidpro->download(carried.first().toObject().value(QLatin1String("url")).toString());
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.body, bytes);
    database.close();
}

void TestConversationMedia::inboundPictureIsShownFromTheDatabaseWithRapidProStopped()
{
    const QImage photo = chart(1200, 900);
    const QByteArray jpeg = encoded(photo, "JPG");
    const QByteArray pdf("%PDF-1.4\n% a stock report\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const QJsonObject picture = m_rapidpro->uploadMedia(jpeg, QStringLiteral("image/jpeg"), QStringLiteral("card.jpg"));
    const QJsonObject report
        = m_rapidpro->uploadMedia(pdf, QStringLiteral("application/pdf"), QStringLiteral("report.pdf"));
    const qint64 conversation
        = inboundConversation({QJsonObject{{QStringLiteral("content_type"), QStringLiteral("image/jpeg")},
                                           {QStringLiteral("url"), picture.value(QLatin1String("url"))}},
                               QJsonObject{{QStringLiteral("content_type"), QStringLiteral("application/pdf")},
                                           {QStringLiteral("url"), report.value(QLatin1String("url"))}}});
    QVERIFY(conversation > 0);
    // The engine keeps the attachments, then RapidPro goes away.
    auto sources = rapidpro::loadRapidProSources(m_service->db(), {}, &*m_key);
    MHERO_VERIFY_OK(sources);
    channels::MediaFetcher fetcher(engine().adapter(), sources->first().id, m_service->db());
    auto fetched = await<channels::MediaReport>([&](auto done) { fetcher.run(done); });
    MHERO_VERIFY_OK(fetched);
    QCOMPARE(fetched->stored, 2);
    m_engine.reset();
    m_rapidpro.reset(); // stopped: nothing below can reach it

    Database database;
    openDatabase(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1280, 760);
    page.show();
    page.openConversation(conversation);
    QTRY_COMPARE(page.threadModel()->rowCount(), 1);
    const QModelIndex message = page.threadModel()->index(0);
    // The thumbnail, from the database: 320×240 as the engine made it.
    QTRY_VERIFY(!message.data(Qt::DecorationRole).value<QPixmap>().isNull());
    QCOMPARE(message.data(Qt::DecorationRole).value<QPixmap>().size(), QSize(320, 240));
    const QVariantList attachments = message.data(ThreadModel::AttachmentsRole).toList();
    QCOMPARE(attachments.size(), 2);
    QCOMPARE(attachments.at(0).toMap().value(QStringLiteral("thumbnailState")).toString(), QStringLiteral("ready"));
    QCOMPARE(attachments.at(1).toMap().value(QStringLiteral("contentType")).toString(),
             QStringLiteral("application/pdf"));
    QCOMPARE(attachments.at(1).toMap().value(QStringLiteral("state")).toString(), QStringLiteral("stored"));

    // The view paints it; a click on the picture opens the viewer with the full picture.
    auto* view = page.findChild<QListView*>(QStringLiteral("threadView"));
    QVERIFY(view);
    QTest::qWait(100);
    const QString shots = qEnvironmentVariable("MHERO_MEDIA_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(page.grab().save(shots + QStringLiteral("/thread-picture.png")));
    QSignalSpy viewer(page.mediaOpener(), &MediaOpener::viewerShown);
    const QRect bubble = view->visualRect(message);
    QVERIFY(bubble.isValid());
    // The thumbnail is the first thing in an inbound bubble under its text: click inside its area.
    QFontMetrics fm(view->font());
    const QPoint onPicture(bubble.left() + 12 + 8 + 60, bubble.top() + 3 + 30 + 8 + fm.height() + 3 + 60);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onPicture);
    QTRY_COMPARE(viewer.count(), 1);
    auto* shown = viewer.first().first().value<QWidget*>();
    auto* image = shown->findChild<QLabel*>(QStringLiteral("mediaViewerImage"));
    QVERIFY(image);
    QCOMPARE(image->pixmap().size(), photo.size());
    shown->close();

    // The PDF opens with the desktop's reader, through a file holding the stored bytes.
    QList<QUrl> handed;
    page.mediaOpener()->setExternalOpener([&](const QUrl& url) {
        handed.append(url);
        return true;
    });
    QSignalSpy external(page.mediaOpener(), &MediaOpener::openedExternally);
    page.mediaOpener()->open(message.data(ThreadModel::IdRole).toLongLong(), 1);
    QTRY_COMPARE(external.count(), 1);
    QCOMPARE(handed.size(), 1);
    QFile opened(handed.first().toLocalFile());
    QVERIFY(opened.open(QIODevice::ReadOnly));
    QCOMPARE(opened.readAll(), pdf);
    database.close();
}

void TestConversationMedia::filesOpenOnlyAsTheirTypeSays()
{
    // A sender chooses an inbound document's name and type: the desktop is given a file whose
    // extension is the type's, never the sender's, and nothing that could run.
    QCOMPARE(MediaOpener::safeFileName(QStringLiteral("report.pdf"), QStringLiteral("application/pdf")),
             QStringLiteral("report.pdf"));
    QCOMPARE(MediaOpener::safeFileName(QStringLiteral("results.pdf.exe"), QStringLiteral("application/pdf")),
             QStringLiteral("results_pdf_exe.pdf"));
    QCOMPARE(MediaOpener::safeFileName(QStringLiteral("../../x/payslip.pdf"), QStringLiteral("application/pdf")),
             QStringLiteral("payslip.pdf"));
    const QString voice = MediaOpener::safeFileName(QStringLiteral("voice"), QStringLiteral("audio/ogg; codecs=opus"));
    QVERIFY2(voice.startsWith(QLatin1String("voice."))
                 && QMimeDatabase().mimeTypeForName(QStringLiteral("audio/ogg")).suffixes().contains(voice.mid(6)),
             qPrintable(voice));
    QVERIFY(MediaOpener::safeFileName(QStringLiteral(".bashrc"), QStringLiteral("text/plain")).endsWith(QLatin1String(".txt")));
    QVERIFY(!MediaOpener::safeFileName(QStringLiteral(".bashrc"), QStringLiteral("text/plain")).startsWith(QLatin1Char('.')));
    for (const char* type : {"application/x-msdownload", "application/x-sh", "text/html", "image/svg+xml",
                             "application/octet-stream", "application/x-desktop", "application/java-archive", ""})
        QVERIFY2(MediaOpener::safeFileName(QStringLiteral("invoice.pdf"), QString::fromLatin1(type)).isEmpty(), type);
}

QTEST_MAIN(TestConversationMedia)
#include "tst_conversationmedia.moc"
