#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Opens an attachment of the thread, read from PostgreSQL (never from the platform): a picture
/// in a viewer dialog at full size; audio, video and documents (PDF) with the computer's own
/// player or reader, through a temporary file that lives as long as the console (Qt Multimedia
/// is not part of the build, so audio plays in the system player too).
class MediaOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaOpener)

public:
    /// @p window: the parent of the viewer dialogs.
    MediaOpener(Database& database, QWidget* window, QObject* parent = nullptr);
    ~MediaOpener() override;

    /// Reads attachment @p position of message @p messageId and opens it.
    void open(qint64 messageId, int position);

    /// How a file is handed to the desktop (QDesktopServices::openUrl by default): a seam for tests.
    void setExternalOpener(std::function<bool(const QUrl&)> opener) { m_openExternally = std::move(opener); }

    /// The name an attachment is saved under to be opened by the desktop, or empty when its type
    /// must not be handed to the desktop at all. The sender chose both the name and the type: the
    /// extension always follows the type (never the name: "results.pdf.exe" would run on
    /// Windows), and only documents, pictures, sound and video are opened.
    static QString safeFileName(const QString& fileName, const QString& contentType);

Q_SIGNALS:
    /// A picture is shown in a viewer (objectName "mediaViewer").
    void viewerShown(QWidget* viewer);
    /// A file was handed to the desktop's player or reader.
    void openedExternally(const QString& path);
    void failed(const QString& message);

private:
    Database& m_database;
    QWidget* m_window;
    std::unique_ptr<QTemporaryDir> m_files;
    std::function<bool(const QUrl&)> m_openExternally;
};

} // namespace mhero::ui
