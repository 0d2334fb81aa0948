#pragma once

#include "admin/Settings.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The deployment's settings for administrators: free-text policy, default phone region, sync
/// interval, retries, template length. Each value is edited with what its kind allows (a list of
/// choices, a number within its bounds, a country code); the database checks it again
/// (mhero.setting_guard), refuses everyone but administrators, and audits the change. The same
/// settings as `mhero-admin setting`.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(Database& database, QWidget* parent = nullptr);

    /// Reloads the settings from the database.
    void refresh();
    /// Selects the row of @p key (tests, links from elsewhere).
    void selectSetting(const QString& key);
    [[nodiscard]] const QList<settings::Setting>& settings() const { return m_settings; }

Q_SIGNALS:
    void loaded();
    /// A change was applied (true) or refused (false, the reason is shown).
    void applied(bool ok);

private:
    void fill();
    void showEditor();
    void apply();
    [[nodiscard]] QString editedValue() const;

    Database& m_database;
    QList<settings::Setting> m_settings;
    QString m_pendingKey;
    QTableWidget* m_table = nullptr;
    QLabel* m_description = nullptr;
    QStackedWidget* m_editors = nullptr;
    QComboBox* m_choice = nullptr;
    QSpinBox* m_number = nullptr;
    QLineEdit* m_region = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace mhero::ui
