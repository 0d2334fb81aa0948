#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace mhero::ui {

/// Tells the user about something while the console is in the background. A seam: the page
/// calls it, tests give it a recording fake.
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(const QString& title, const QString& body) = 0;
};

/// Desktop notifications through the system tray, where the desktop has one; silent elsewhere.
class TrayNotifier final : public QObject, public Notifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    explicit TrayNotifier(QObject* parent = nullptr);
    void notify(const QString& title, const QString& body) override;

private:
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace mhero::ui
