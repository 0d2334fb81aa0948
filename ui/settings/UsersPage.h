#pragma once

#include "admin/UserAdmin.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Who may sign in, for supervisors and administrators: name, login, role, languages, whether
/// the account is active. Read-only — accounts are made and switched off with `mhero-admin user`
/// — and read through users::list, as the command line does. Reloaded each time it is shown.
class UsersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(Database& database, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] const QList<UserRecord>& users() const { return m_users; }

    /// The role in words ("Supervisor").
    static QString roleLabel(UserKind kind);

Q_SIGNALS:
    void loaded(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fill();

    Database& m_database;
    QList<UserRecord> m_users;
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;
    bool m_loadedOnce = false;
};

} // namespace mhero::ui
