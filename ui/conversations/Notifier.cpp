#include "conversations/Notifier.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace mhero::ui {

TrayNotifier::TrayNotifier(QObject* parent)
    : QObject(parent)
{ }

void TrayNotifier::notify(const QString& title, const QString& body)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/app.svg")), this);
        m_tray->setToolTip(tr("mHero Console"));
        m_tray->show();
    }
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
}

} // namespace mhero::ui
