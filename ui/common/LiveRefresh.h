#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class QWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Keeps a page in step with the database: when one of @p channels is notified (another console
/// submitted a template, approved it, wrote to the audit log…), a visible page reloads after a
/// short pause that folds a burst of notifications into one load; a hidden page only notes that
/// it is stale and reloads when it is shown again, so pages nobody looks at cost no queries.
class LiveRefresh final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRefresh)

public:
    LiveRefresh(Database& database, const QStringList& channels, QWidget* page, std::function<void()> reload);

    /// Whether a notification arrived while the page was hidden (and no reload has run since).
    [[nodiscard]] bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void changed();

    QWidget* m_page = nullptr;
    std::function<void()> m_reload;
    QStringList m_channels;
    QTimer m_pause;
    bool m_stale = false;
};

} // namespace mhero::ui
