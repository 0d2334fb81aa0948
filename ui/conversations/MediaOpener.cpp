#include "conversations/MediaOpener.h"

#include "db/Database.h"
#include "messaging/MediaQueries.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
struct Opened
{
    std::optional<messaging::MediaContent> content;
    QImage image; ///< decoded on the database thread, for pictures
};
} // namespace

MediaOpener::MediaOpener(Database& database, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_window(window)
    , m_openExternally([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{ }

MediaOpener::~MediaOpener() = default;

void MediaOpener::open(qint64 messageId, int position)
{
    m_database.run(
        this,
        [messageId, position](QSqlDatabase& db) -> Result<Opened> {
            auto content = messaging::loadMediaContent(db, messageId, position, false);
            if (!content)
                return content.error();
            Opened opened{*content, {}};
            if (opened.content && opened.content->contentType.startsWith(QLatin1String("image/")))
                opened.image = QImage::fromData(opened.content->bytes);
            return opened;
        },
        [this](const Result<Opened>& opened) {
            if (!opened) {
                Q_EMIT failed(tr("The attachment could not be read: %1").arg(opened.error().message));
                return;
            }
            if (!opened->content) {
                Q_EMIT failed(tr("This attachment is not kept in mHero."));
                return;
            }
            const messaging::MediaContent& content = *opened->content;
            if (!opened->image.isNull()) {
                auto* dialog = new QDialog(m_window);
                dialog->setObjectName(QStringLiteral("mediaViewer"));
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->setWindowTitle(content.fileName.isEmpty() ? tr("Picture") : content.fileName);
                auto* layout = new QVBoxLayout(dialog);
                auto* area = new QScrollArea;
                auto* label = new QLabel;
                label->setObjectName(QStringLiteral("mediaViewerImage"));
                label->setPixmap(QPixmap::fromImage(opened->image));
                area->setWidget(label);
                area->setAlignment(Qt::AlignCenter);
                layout->addWidget(area);
                auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
                connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
                layout->addWidget(buttons);
                const QSize screen
                    = m_window && m_window->screen() ? m_window->screen()->availableSize() : QSize(1280, 800);
                dialog->resize(opened->image.size().grownBy(QMargins(30, 30, 30, 80)).boundedTo(screen * 0.9));
                dialog->show();
                Q_EMIT viewerShown(dialog);
                return;
            }
            // Anything else (and a picture Qt cannot read) goes to the desktop's own program.
            if (!m_files)
                m_files = std::make_unique<QTemporaryDir>();
            const QString name = safeFileName(content.fileName, content.contentType);
            if (name.isEmpty()) {
                Q_EMIT failed(tr("%1 files are not opened from a conversation: they could run a program on "
                                 "this computer.")
                                  .arg(content.contentType));
                return;
            }
            QString path = m_files->filePath(name);
            for (int n = 2; QFileInfo::exists(path); ++n)
                path = m_files->filePath(QStringLiteral("%1-%2").arg(n).arg(name));
            QFile file(path);
            if (!m_files->isValid() || !file.open(QIODevice::WriteOnly)
                || file.write(content.bytes) != content.bytes.size()) {
                Q_EMIT failed(tr("The attachment could not be saved to open it: %1").arg(file.errorString()));
                return;
            }
            file.close();
            if (!m_openExternally(QUrl::fromLocalFile(path))) {
                Q_EMIT failed(tr("No program on this computer opens %1 files.").arg(content.contentType));
                return;
            }
            Q_EMIT openedExternally(path);
        });
}

QString MediaOpener::safeFileName(const QString& fileName, const QString& contentType)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    static const QRegularExpression openable(QStringLiteral(
        "^(image|audio|video)/[a-z0-9.+-]+$|^application/(pdf|msword|vnd\\.ms-excel|vnd\\.ms-powerpoint|"
        "vnd\\.openxmlformats-officedocument\\.[a-z.]+|vnd\\.oasis\\.opendocument\\.[a-z.]+|rtf)$|^text/(plain|csv)$"));
    if (!openable.match(type).hasMatch() || type == QLatin1String("image/svg+xml"))
        return {};
    const QMimeType mime = QMimeDatabase().mimeTypeForName(type);
    const QString suffix = mime.isValid() ? mime.preferredSuffix() : QString();
    if (suffix.isEmpty())
        return {};
    // The name without any extension of its own, only harmless characters, not too long.
    QString base = QFileInfo(fileName).fileName();
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QStringLiteral("_"));
    base = base.left(80).trimmed();
    if (base.isEmpty() || base.startsWith(QLatin1Char('_')))
        base = tr("attachment") + base;
    if (base.endsWith(QLatin1Char('_') + suffix, Qt::CaseInsensitive))
        base.chop(suffix.size() + 1); // "report.pdf" → "report", not "report_pdf.pdf"
    return base + QLatin1Char('.') + suffix;
}

} // namespace mhero::ui
