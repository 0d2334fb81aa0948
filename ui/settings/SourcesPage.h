#pragma once

#include "admin/SourceAdmin.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Where mHero's data comes from and goes to, for supervisors and administrators: each source's
/// name, kind, URL, whether it is enabled, its last sync (or last error) and the state of its
/// secret (administrators only; the database does not let others read it). Read-only — sources
/// are set up with `mhero-admin source` — and read through sourceadmin::listSources, as the
/// command line does. Follows the sync engine's progress notifications and reloads when shown.
class SourcesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesPage)

public:
    explicit SourcesPage(Database& database, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] const QList<sourceadmin::SourceListing>& sources() const { return m_sources; }

    /// The kind of source in words ("FHIR directory").
    static QString kindLabel(const QString& kind);
    /// The secret's state in words.
    static QString secretLabel(const sourceadmin::SourceListing& source);

Q_SIGNALS:
    void loaded(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fill();

    Database& m_database;
    QList<sourceadmin::SourceListing> m_sources;
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;
    bool m_loadedOnce = false;
};

} // namespace mhero::ui
