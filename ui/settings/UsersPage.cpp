#include "settings/UsersPage.h"

#include "common/PageParts.h"
#include "db/Database.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
enum Column { NameColumn, LoginColumn, RoleColumn, LanguagesColumn, ActiveColumn, SinceColumn, ColumnCount };
} // namespace

UsersPage::UsersPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Users")));
    layout->addWidget(mutedLabel(tr("Everyone who may sign in, with their role. Accounts are created and deactivated "
                                    "by IT (\"mhero-admin user\"); every change is in the audit log.")));

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Login"), tr("Role"), tr("Languages"), tr("Status"), tr("Since")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    for (const int column : {LoginColumn, RoleColumn, LanguagesColumn, ActiveColumn, SinceColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_status = mutedLabel();
    m_status->setObjectName(QStringLiteral("usersStatus"));
    layout->addWidget(m_status);

    connect(&database, &Database::reconnected, this, &UsersPage::refresh);
    refresh();
}

QString UsersPage::roleLabel(UserKind kind)
{
    // The words the status bar already uses for the signed-in person.
    switch (kind) {
    case UserKind::Agent:
        return QCoreApplication::translate("mhero::UserProfile", "Agent");
    case UserKind::Supervisor:
        return QCoreApplication::translate("mhero::UserProfile", "Supervisor");
    case UserKind::Admin:
        return QCoreApplication::translate("mhero::UserProfile", "Administrator");
    case UserKind::Service:
        return QCoreApplication::translate("mhero::UserProfile", "Sync service");
    }
    return {};
}

void UsersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Accounts change rarely and from the command line, which does not notify: a fresh look
    // each time the page is opened (not the first time: the constructor has just asked).
    if (m_loadedOnce)
        refresh();
}

void UsersPage::refresh()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return users::list(db); },
        [this](const Result<QList<UserRecord>>& users) {
            m_loadedOnce = true;
            if (!users) {
                m_status->setText(tr("The users could not be loaded: %1").arg(users.error().message));
                Q_EMIT loaded(false);
                return;
            }
            m_users = *users;
            fill();
            Q_EMIT loaded(true);
        });
}

void UsersPage::fill()
{
    m_table->setRowCount(int(m_users.size()));
    const QLocale locale;
    int active = 0;
    for (int row = 0; row < m_users.size(); ++row) {
        const UserRecord& u = m_users.at(row);
        active += u.active ? 1 : 0;
        auto* status = new QTableWidgetItem(u.active ? tr("Active") : tr("Deactivated"));
        if (!u.active)
            status->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(row, NameColumn, new QTableWidgetItem(u.displayName));
        m_table->setItem(row, LoginColumn, new QTableWidgetItem(u.name));
        m_table->setItem(row, RoleColumn, new QTableWidgetItem(roleLabel(u.kind)));
        m_table->setItem(row, LanguagesColumn, new QTableWidgetItem(u.languages.join(QStringLiteral(", ")).toUpper()));
        m_table->setItem(row, ActiveColumn, status);
        m_table->setItem(row, SinceColumn,
                         new QTableWidgetItem(locale.toString(u.createdAt.toLocalTime().date(), QLocale::ShortFormat)));
    }
    m_status->setText(tr("%n user(s)", nullptr, int(m_users.size())) + QStringLiteral(" · ")
                      + tr("%n active", nullptr, active));
}

} // namespace mhero::ui
