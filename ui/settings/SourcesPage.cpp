#include "settings/SourcesPage.h"

#include "common/LiveRefresh.h"
#include "common/PageParts.h"
#include "db/Database.h"
#include "db/Notifications.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mhero::ui {

using sourceadmin::SourceListing;

namespace {
enum Column { NameColumn, KindColumn, UrlColumn, EnabledColumn, SyncColumn, SecretColumn, ColumnCount };
} // namespace

SourcesPage::SourcesPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Sources")));
    layout->addWidget(mutedLabel(tr("The directories and messaging platforms the sync engine reads and sends through. "
                                    "IT adds and changes them (\"mhero-admin source\"); secrets never leave the "
                                    "server.")));

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("sourcesTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("URL"), tr("Enabled"), tr("Last sync"), tr("Secret")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    for (const int column : {NameColumn, KindColumn, EnabledColumn, SyncColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_status = mutedLabel();
    m_status->setObjectName(QStringLiteral("sourcesStatus"));
    layout->addWidget(m_status);

    connect(&database, &Database::reconnected, this, &SourcesPage::refresh);
    // A sync run ended or made progress somewhere: its "last sync" may have changed.
    new LiveRefresh(database, {QString(notify::kSync)}, this, [this] { refresh(); });
    refresh();
}

QString SourcesPage::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("fhir"))
        return tr("FHIR directory");
    if (kind == QLatin1String("file"))
        return tr("Directory file");
    if (kind == QLatin1String("rapidpro"))
        return tr("RapidPro");
    if (kind == QLatin1String("whatsapp"))
        return tr("WhatsApp");
    if (kind == QLatin1String("messenger"))
        return tr("Messenger");
    return kind;
}

QString SourcesPage::secretLabel(const SourceListing& source)
{
    if (!source.secretKnown)
        return tr("Administrators only");
    switch (source.secret) {
    case SourceListing::Secret::None:
        return tr("None stored");
    case SourceListing::Secret::Sealed:
        return tr("Sealed for the sync engine, sent only to %1").arg(source.origin);
    case SourceListing::Secret::MustReenter:
        return tr("Must be entered again (%1)").arg(sourceadmin::invalidReasonText(source.invalidReason));
    }
    return {};
}

void SourcesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_loadedOnce)
        refresh();
}

void SourcesPage::refresh()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return sourceadmin::listSources(db); },
        [this](const Result<QList<SourceListing>>& sources) {
            m_loadedOnce = true;
            if (!sources) {
                m_status->setText(tr("The sources could not be loaded: %1").arg(sources.error().message));
                Q_EMIT loaded(false);
                return;
            }
            m_sources = *sources;
            fill();
            Q_EMIT loaded(true);
        });
}

void SourcesPage::fill()
{
    m_table->setRowCount(int(m_sources.size()));
    const QLocale locale;
    int failing = 0;
    for (int row = 0; row < m_sources.size(); ++row) {
        const SourceListing& s = m_sources.at(row);
        auto* enabled = new QTableWidgetItem(s.enabled ? tr("Enabled") : tr("Disabled"));
        if (!s.enabled)
            enabled->setForeground(palette().color(QPalette::PlaceholderText));
        QString lastSync = s.lastSuccess.isValid() ? locale.toString(s.lastSuccess.toLocalTime(), QLocale::ShortFormat)
                                                   : tr("Never");
        auto* sync = new QTableWidgetItem;
        if (!s.lastError.isEmpty()) {
            ++failing;
            sync->setText(tr("Failed: %1").arg(s.lastError));
            sync->setToolTip(tr("Last success: %1").arg(lastSync) + QLatin1Char('\n') + s.lastError);
            sync->setForeground(QColor(0xB0, 0x2A, 0x37));
        } else {
            sync->setText(lastSync);
        }
        auto* secret = new QTableWidgetItem(secretLabel(s));
        secret->setToolTip(secret->text());
        if (s.secretKnown && s.secret == SourceListing::Secret::MustReenter)
            secret->setForeground(QColor(0xB0, 0x2A, 0x37));
        m_table->setItem(row, NameColumn, new QTableWidgetItem(s.name));
        m_table->setItem(row, KindColumn, new QTableWidgetItem(kindLabel(s.kind)));
        m_table->setItem(row, UrlColumn, new QTableWidgetItem(s.baseUrl));
        m_table->setItem(row, EnabledColumn, enabled);
        m_table->setItem(row, SyncColumn, sync);
        m_table->setItem(row, SecretColumn, secret);
    }
    QString status = tr("%n source(s)", nullptr, int(m_sources.size()));
    if (failing > 0)
        status += QStringLiteral(" · ") + tr("%n failing", nullptr, failing);
    m_status->setText(status);
}

} // namespace mhero::ui
