#include "conversations/LinkContactDialog.h"

#include "db/Database.h"
#include "directory/DirectorySearch.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace mhero::ui {

LinkContactDialog::LinkContactDialog(Database& database, const QString& urn, const QString& search, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("linkContactDialog"));
    setWindowTitle(tr("Link to a health worker"));
    resize(460, 420);
    auto* layout = new QVBoxLayout(this);
    auto* intro
        = new QLabel(tr("Who writes from %1? Search the directory by name, phone number or facility.").arg(urn));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_query = new QLineEdit;
    m_query->setObjectName(QStringLiteral("linkContactSearch"));
    m_query->setPlaceholderText(tr("Name, phone number, facility…"));
    m_query->setClearButtonEnabled(true);
    layout->addWidget(m_query);
    m_results = new QListWidget;
    m_results->setObjectName(QStringLiteral("linkContactResults"));
    layout->addWidget(m_results, 1);
    m_status = new QLabel;
    m_status->setStyleSheet(QStringLiteral("color: #546E7A;"));
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(buttons);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &LinkContactDialog::search);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_results, &QListWidget::currentRowChanged, this,
            [buttons](int row) { buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0); });
    connect(m_results, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // An unknown contact usually writes from a number the directory knows in another format.
    m_query->setText(search);
}

qint64 LinkContactDialog::selectedHealthWorker() const
{
    const QListWidgetItem* item = m_results->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void LinkContactDialog::search()
{
    const int generation = ++m_generation;
    directory::SearchFilter filter;
    filter.text = m_query->text().trimmed();
    if (filter.text.isEmpty()) {
        m_results->clear();
        return;
    }
    m_status->setText(tr("Searching…"));
    m_database.run(
        this, [filter](QSqlDatabase& db) { return directory::search(db, filter, std::nullopt, 30); },
        [this, generation](const Result<directory::SearchPage>& page) {
            if (generation != m_generation)
                return;
            m_results->clear();
            if (!page) {
                m_status->setText(page.error().message);
                return;
            }
            for (const directory::DirectoryRow& row : page->rows) {
                auto* item = new QListWidgetItem(
                    tr("%1 — %2, %3 · %4").arg(row.displayName, row.cadre, row.facility, row.phone));
                item->setData(Qt::UserRole, row.id);
                m_results->addItem(item);
            }
            m_status->setText(page->rows.isEmpty() ? tr("Nobody found.") : QString());
        });
}

} // namespace mhero::ui
