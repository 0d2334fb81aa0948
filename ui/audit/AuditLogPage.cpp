#include "audit/AuditLogPage.h"

#include "audit/AuditLogModel.h"
#include "common/LiveRefresh.h"
#include "common/PageParts.h"
#include "db/Notifications.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mhero::ui {

AuditLogPage::AuditLogPage(Database& database, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);

    layout->addWidget(pageTitle(tr("Audit log")));
    layout->addWidget(mutedLabel(tr("Every change to users, settings, sources, templates and assignments, recorded by "
                                    "the database itself. Nobody can edit or delete it.")));

    m_search = searchField(QStringLiteral("auditSearch"), tr("Search by person, record or action…"));
    layout->addWidget(m_search);

    m_model = new AuditLogModel(database, this);
    m_table = recordTable(QStringLiteral("auditTable"), m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(AuditLogModel::TimeColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(AuditLogModel::UserColumn, 220);
    m_table->setColumnWidth(AuditLogModel::ActionColumn, 120);
    m_table->setColumnWidth(AuditLogModel::RecordColumn, 200);

    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select an entry to see the record before and after the change."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_details->setFont(mono);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_status = mutedLabel();
    m_status->setObjectName(QStringLiteral("auditStatus"));
    layout->addWidget(m_status);

    // Wait for a pause in typing before asking the server.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, [this] { m_model->setFilter(m_search->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogPage::showDetails);
    connect(m_model, &AuditLogModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_status->setText(tr("Loading…"));
    });
    connect(m_model, &AuditLogModel::pageLoaded, this, [this] {
        m_status->setText(tr("%n entry(ies) shown", nullptr, m_model->rowCount())
                          + (m_model->canFetchMore({}) ? tr(" — scroll for more") : QString()));
    });
    connect(m_model, &AuditLogModel::errorOccurred, this,
            [this](const QString& message) { m_status->setText(tr("Could not load the audit log: %1").arg(message)); });
    // What other consoles and the engine record appears at the top as it is written.
    new LiveRefresh(database, {QString(notify::kAudit)}, this, [this] { m_model->fetchNewer(); });
    m_model->reload();
}

void AuditLogPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const AuditEntry& entry = m_model->entry(current.row());
    QString text
        = tr("%1 · %2 · %3")
              .arg(AuditLogModel::actionLabel(entry.action), AuditLogModel::recordLabel(entry),
                   entry.application.isEmpty() ? entry.actor : entry.actor + QStringLiteral(" / ") + entry.application);
    if (!entry.before.isEmpty())
        text += QStringLiteral("\n\n") + tr("Before:") + QLatin1Char('\n')
            + QString::fromUtf8(QJsonDocument(entry.before).toJson(QJsonDocument::Indented));
    if (!entry.after.isEmpty())
        text += QStringLiteral("\n") + tr("After:") + QLatin1Char('\n')
            + QString::fromUtf8(QJsonDocument(entry.after).toJson(QJsonDocument::Indented));
    m_details->setPlainText(text);
}

} // namespace mhero::ui
