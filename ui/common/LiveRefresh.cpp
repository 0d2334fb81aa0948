#include "common/LiveRefresh.h"

#include "db/Database.h"

#include <QEvent>
#include <QWidget>

namespace mhero::ui {

LiveRefresh::LiveRefresh(Database& database, const QStringList& channels, QWidget* page, std::function<void()> reload)
    : QObject(page)
    , m_page(page)
    , m_reload(std::move(reload))
    , m_channels(channels)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(100);
    connect(&m_pause, &QTimer::timeout, this, [this] {
        m_stale = false;
        m_reload();
    });
    connect(&database, &Database::notification, this, [this](const QString& channel, const QString&) {
        if (m_channels.contains(channel))
            changed();
    });
    for (const QString& channel : channels)
        database.listen(channel);
    page->installEventFilter(this);
}

void LiveRefresh::changed()
{
    if (m_page->isVisible())
        m_pause.start();
    else
        m_stale = true;
}

bool LiveRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_page && event->type() == QEvent::Show && m_stale)
        m_pause.start();
    return QObject::eventFilter(watched, event);
}

} // namespace mhero::ui
