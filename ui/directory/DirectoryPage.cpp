#include "directory/DirectoryPage.h"

#include "common/Icons.h"
#include "common/PageParts.h"
#include "db/Database.h"
#include "db/Notifications.h"
#include "directory/DirectoryModel.h"
#include "messaging/ConversationQueries.h"
#include "sources/SyncProgress.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace mhero::ui {

namespace {
QComboBox* filterBox(const QString& objectName, const QString& allText)
{
    auto* box = new QComboBox;
    box->setObjectName(objectName);
    box->addItem(allText, QString());
    box->setMinimumContentsLength(14);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    return box;
}

void fillBox(QComboBox* box, const QStringList& values)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const QString& v : values)
        box->addItem(v, v);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString ago(const QDateTime& when)
{
    if (!when.isValid())
        return DirectoryPage::tr("never");
    const qint64 minutes = when.secsTo(QDateTime::currentDateTimeUtc()) / 60;
    if (minutes < 1)
        return DirectoryPage::tr("just now");
    if (minutes < 60)
        return DirectoryPage::tr("%n minute(s) ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return DirectoryPage::tr("%n hour(s) ago", nullptr, int(minutes / 60));
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

DirectoryPage::DirectoryPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Directory")));

    m_search = searchField(QStringLiteral("directorySearch"),
                           tr("Name, phone number (any format), identifier or facility…"));
    QFont bigger = m_search->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.15);
    m_search->setFont(bigger);
    layout->addWidget(m_search);

    auto* filters = new QHBoxLayout;
    m_district = filterBox(QStringLiteral("districtFilter"), tr("All districts"));
    m_facility = filterBox(QStringLiteral("facilityFilter"), tr("All facilities"));
    m_cadre = filterBox(QStringLiteral("cadreFilter"), tr("All cadres"));
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Active"), int(directory::SearchFilter::Status::Active));
    m_status->addItem(tr("Inactive"), int(directory::SearchFilter::Status::Inactive));
    m_status->addItem(tr("Active and inactive"), int(directory::SearchFilter::Status::Any));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_kind->addItem(tr("Health workers"), int(directory::SearchFilter::Kind::HealthWorkers));
    m_kind->addItem(tr("Patients"), int(directory::SearchFilter::Kind::Patients));
    m_kind->addItem(tr("Everyone"), int(directory::SearchFilter::Kind::Everyone));
    for (QComboBox* box : {m_kind, m_district, m_facility, m_cadre, m_status})
        filters->addWidget(box);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_model = new DirectoryModel(database, this);
    m_table = recordTable(QStringLiteral("directoryTable"), m_model);
    m_table->horizontalHeader()->setSectionResizeMode(DirectoryModel::NameColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(DirectoryModel::PhoneColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("+231 000 000 0000")) + 12);
    m_table->setColumnWidth(DirectoryModel::NameColumn, 190);
    m_table->setColumnWidth(DirectoryModel::CadreColumn, 140);
    m_table->setColumnWidth(DirectoryModel::FacilityColumn, 170);
    m_table->setColumnWidth(DirectoryModel::DistrictColumn, 110);

    m_details = new QTextBrowser;
    m_details->setObjectName(QStringLiteral("workerDetails"));
    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(300);
    m_details->setPlaceholderText(tr("Select a person to see their phones, roles and conversations."));

    m_message = new QPushButton(icon(QStringLiteral("conversations")), tr("Message"));
    m_message->setObjectName(QStringLiteral("messageButton"));
    m_message->setToolTip(tr("Open this person's conversation, or start one assigned to you (Ctrl+M)"));
    m_message->setVisible(false);
    m_messageProblem = new QLabel;
    m_messageProblem->setObjectName(QStringLiteral("messageProblem"));
    m_messageProblem->setWordWrap(true);
    m_messageProblem->setStyleSheet(QStringLiteral("color: #B71C1C;"));
    m_messageProblem->setVisible(false);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_details, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_message);
    actions->addStretch(1);
    sideLayout->addLayout(actions);
    sideLayout->addWidget(m_messageProblem);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_table);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({720, 330});
    layout->addWidget(splitter, 1);

    m_statusLine = mutedLabel();
    m_statusLine->setObjectName(QStringLiteral("directoryStatus"));
    layout->addWidget(m_statusLine);

    // Search as you type, after a short pause; filters apply at once.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(120);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, &DirectoryPage::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        m_table->setFocus();
    });
    for (QComboBox* box : {m_kind, m_district, m_facility, m_cadre, m_status})
        connect(box, &QComboBox::currentIndexChanged, this, &DirectoryPage::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DirectoryPage::showDetails);
    connect(m_message, &QPushButton::clicked, this, &DirectoryPage::messageSelected);
    connect(m_table, &QTableView::doubleClicked, this, &DirectoryPage::messageSelected);
    auto* messageShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    messageShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(messageShortcut, &QShortcut::activated, this, &DirectoryPage::messageSelected);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (m_messagingAllowed && url.scheme() == QLatin1String("conversation"))
            Q_EMIT conversationRequested(url.path().toLongLong());
    });
    connect(m_model, &DirectoryModel::loadingChanged, this, [this](bool loading) {
        if (loading && m_model->rowCount() == 0)
            m_statusLine->setText(tr("Searching…"));
    });
    connect(m_model, &DirectoryModel::pageLoaded, this, &DirectoryPage::updateStatus);
    connect(m_model, &DirectoryModel::errorOccurred, this,
            [this](const QString& message) { m_statusLine->setText(tr("The search failed: %1").arg(message)); });
    connect(&database, &Database::reconnected, this, &DirectoryPage::refresh);
    // A sync engine somewhere reports its progress; when a run ends, filters may have changed.
    // A note added, edited or deleted in one of the shown person's conversations (the payload is
    // the conversation) redraws the details.
    connect(&database, &Database::notification, this, [this](const QString& channel, const QString& payload) {
        if (channel == notify::kSync)
            loadSyncStatus();
        else if (channel == notify::kNote && m_shownConversations.contains(payload.toLongLong()))
            showDetails();
    });
    database.listen(QString(notify::kSync));
    database.listen(QString(notify::kNote));

    refresh();
    applyFilter();
}

void DirectoryPage::refresh()
{
    m_database.run(
        this,
        [](QSqlDatabase& db) -> Result<std::pair<directory::Facets, directory::SyncStatus>> {
            auto facets = directory::loadFacets(db);
            if (!facets)
                return facets.error();
            auto status = directory::loadSyncStatus(db);
            if (!status)
                return status.error();
            return std::make_pair(*facets, *status);
        },
        [this](const Result<std::pair<directory::Facets, directory::SyncStatus>>& loaded) {
            if (!loaded) {
                m_syncText = tr("Filters unavailable: %1").arg(loaded.error().message);
                updateStatus();
                return;
            }
            fillBox(m_district, loaded->first.districts);
            fillBox(m_facility, loaded->first.facilities);
            fillBox(m_cadre, loaded->first.cadres);
            const directory::SyncStatus& s = loaded->second;
            m_syncText = s.sources.isEmpty() ? tr("No registry is connected yet.")
                                             : tr("%1 · last synced %2").arg(s.sources, ago(s.lastSuccess));
            if (!s.lastError.isEmpty())
                m_syncText += QStringLiteral(" · ") + tr("last sync failed: %1").arg(s.lastError.left(120));
            updateStatus();
        });
    loadSyncStatus();
    m_database.run(
        this, [](QSqlDatabase& db) { return directory::loadDefaultPhoneRegion(db); },
        [this](const Result<QString>& region) {
            if (region && !region->isEmpty() && *region != m_phoneRegion) {
                m_phoneRegion = *region;
                applyFilter();
            }
        });
}

void DirectoryPage::loadSyncStatus()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return sources::loadRunningSyncs(db); },
        [this](const Result<QList<sources::RunningSync>>& running) {
            if (!running)
                return; // the status line keeps what it said; the search goes on
            QStringList parts;
            for (const sources::RunningSync& r : *running)
                parts << tr("syncing %1: %2, %Ln resource(s) read", nullptr, r.resources).arg(r.source, r.pass);
            const QString text = parts.join(QStringLiteral(" · "));
            const bool ended = !m_runningText.isEmpty() && text.isEmpty();
            m_runningText = text;
            if (ended)
                refresh(); // new filter choices and "last synced"
            else
                updateStatus();
        });
}

void DirectoryPage::showExample(const QString& text)
{
    m_search->setText(text);
    applyFilter();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_model, &DirectoryModel::pageLoaded, this, [this, connection] {
        disconnect(*connection);
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
}

void DirectoryPage::setMessagingAllowed(bool allowed)
{
    m_messagingAllowed = allowed;
    m_message->setVisible(allowed);
    updateMessageButton();
    if (m_shownId != 0)
        showDetails(); // the recent conversations become links (or stop being links)
}

void DirectoryPage::updateMessageButton()
{
    m_message->setEnabled(m_messagingAllowed && m_shownId != 0 && m_shownReachable && !m_starting);
}

void DirectoryPage::messageSelected()
{
    if (!m_messagingAllowed || m_starting || m_shownId == 0)
        return;
    const qint64 id = m_shownId;
    m_starting = true;
    m_messageProblem->setVisible(false);
    updateMessageButton();
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::startConversation(db, id); },
        [this](const Result<qint64>& conversation) {
            m_starting = false;
            updateMessageButton();
            if (!conversation) {
                m_messageProblem->setText(conversation.error().message);
                m_messageProblem->setVisible(true);
                return;
            }
            Q_EMIT conversationRequested(*conversation);
        });
}

void DirectoryPage::applyFilter()
{
    directory::SearchFilter filter;
    filter.text = m_search->text();
    filter.district = m_district->currentData().toString();
    filter.facility = m_facility->currentData().toString();
    filter.cadre = m_cadre->currentData().toString();
    filter.status = directory::SearchFilter::Status(m_status->currentData().toInt());
    filter.kind = directory::SearchFilter::Kind(m_kind->currentData().toInt());
    filter.phoneRegion = m_phoneRegion;
    m_model->setFilter(filter);
}

void DirectoryPage::updateStatus()
{
    QString text;
    const int rows = m_model->rowCount();
    if (rows == 0 && !m_model->isLoading())
        text = m_search->text().trimmed().isEmpty() ? tr("Nobody matches these filters.")
                                                    : tr("Nobody matches \"%1\".").arg(m_search->text().trimmed());
    else
        text = tr("%n person(s) shown", nullptr, rows)
            + (m_model->canFetchMore({}) ? tr(" — scroll for more") : QString());
    if (m_model->exactCount() < rows)
        text += QStringLiteral(" · ")
            + tr("%n with a similar spelling (in italics)", nullptr, rows - m_model->exactCount());
    if (!m_runningText.isEmpty())
        text += QStringLiteral("   |   ") + m_runningText + QStringLiteral("…");
    else if (!m_syncText.isEmpty())
        text += QStringLiteral("   |   ") + m_syncText;
    m_statusLine->setText(text);
}

void DirectoryPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    m_shownReachable = false;
    m_messageProblem->setVisible(false);
    if (!current.isValid()) {
        m_shownId = 0;
        m_shownConversations.clear();
        m_details->clear();
        updateMessageButton();
        return;
    }
    const qint64 id = m_model->row(current.row()).id;
    m_shownId = id;
    updateMessageButton();
    m_database.run(
        this, [id](QSqlDatabase& db) { return directory::loadDetails(db, id); },
        [this, id](const Result<directory::WorkerDetails>& details) {
            if (id == m_shownId) // the agent may have moved on meanwhile
                renderDetails(details);
        });
}

void DirectoryPage::renderDetails(const Result<directory::WorkerDetails>& loaded)
{
    if (!loaded) {
        m_details->setHtml(QStringLiteral("<p style='color:#B71C1C'>%1</p>").arg(esc(loaded.error().message)));
        return;
    }
    const directory::WorkerDetails& d = *loaded;
    m_shownConversations.clear();
    for (const auto& c : d.conversations)
        m_shownConversations.append(c.id);
    for (const auto& n : d.notes)
        if (n.conversationId != 0 && !m_shownConversations.contains(n.conversationId))
            m_shownConversations.append(n.conversationId);
    m_shownReachable = d.row.active && std::any_of(d.phones.cbegin(), d.phones.cend(), [](const auto& p) {
        return !p.e164.isEmpty();
    });
    updateMessageButton();
    const QLocale locale;
    QString html = QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(esc(d.row.displayName));
    QStringList subtitle;
    if (d.row.patient)
        subtitle << tr("Patient");
    else if (!d.row.job.isEmpty())
        subtitle << esc(d.row.job)
                + (d.row.cadre.isEmpty() || d.row.cadre == d.row.job
                       ? QString()
                       : QStringLiteral(" (") + esc(d.row.cadre) + QLatin1Char(')'));
    if (!d.row.active)
        subtitle << QStringLiteral("<b style='color:#B71C1C'>%1</b>")
                        .arg(d.deletedAt.isValid() ? tr("deleted from the registry") : tr("inactive"));
    if (d.optedOut) {
        const QString since = d.optedOutAt.isValid()
            ? QLocale().toString(d.optedOutAt.toLocalTime(), QLocale::ShortFormat)
            : QString();
        const QString how = d.optOutReason == QLatin1String("stop_word") ? tr("replied STOP")
            : d.optOutReason == QLatin1String("platform")                ? tr("opted out on the messaging platform")
                                                                         : QString();
        QString text = since.isEmpty() ? tr("opted out of messages") : tr("opted out of messages since %1").arg(since);
        if (!how.isEmpty())
            text += QStringLiteral(" (") + how + QLatin1Char(')');
        subtitle << QStringLiteral("<b style='color:#B71C1C'>%1</b>").arg(esc(text));
    }
    html += QStringLiteral("<p style='color:#546E7A; margin-top:0'>%1</p>").arg(subtitle.join(QStringLiteral(" · ")));

    QString rows;
    const auto field = [&rows](const QString& label, const QString& value) {
        if (!value.isEmpty())
            rows += QStringLiteral("<tr><td style='color:#546E7A; padding-right:12px'>%1</td><td>%2</td></tr>")
                        .arg(esc(label), value);
    };
    QStringList phones;
    for (const auto& p : d.phones) {
        if (!p.e164.isEmpty())
            phones << QStringLiteral("%1 <span style='color:#2E7D32'>✓</span>%2")
                          .arg(esc(p.e164),
                               p.use.isEmpty() ? QString()
                                               : QStringLiteral(" <i>") + esc(p.use) + QStringLiteral("</i>"));
        else
            phones << QStringLiteral("<span style='color:#B71C1C'>%1 ⚠ %2</span>").arg(esc(p.raw), esc(p.problem));
    }
    field(tr("Phones"), phones.isEmpty() ? tr("none on record") : phones.join(QStringLiteral("<br>")));
    field(tr("Email"), esc(d.email));
    field(tr("Facility"), esc(d.row.facility));
    field(tr("District"), esc(d.row.district));
    field(tr("County / region"), esc(d.region));
    field(tr("Language"), esc(d.language));
    field(tr("Gender"), esc(d.gender));
    field(tr("Identifiers"),
          esc(d.identifiers.join(QStringLiteral("\n"))).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    field(tr("Source"), esc(QStringLiteral("%1 · %2/%3").arg(d.source, d.resourceType, d.resourceId)));
    field(tr("Updated at source"),
          d.sourceUpdatedAt.isValid() ? esc(locale.toString(d.sourceUpdatedAt.toLocalTime(), QLocale::ShortFormat))
                                      : QString());
    field(tr("Updated here"), esc(locale.toString(d.updatedAt.toLocalTime(), QLocale::ShortFormat)));
    html += QStringLiteral("<table cellspacing='3'>%1</table>").arg(rows);

    if (!d.roles.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul style='margin-left:-20px'>").arg(tr("Roles"));
        for (const auto& r : d.roles) {
            QString period;
            if (r.start.isValid() || r.end.isValid())
                period = QStringLiteral(" · %1 – %2")
                             .arg(r.start.isValid() ? locale.toString(r.start, QLocale::ShortFormat) : QString(),
                                  r.end.isValid() ? locale.toString(r.end, QLocale::ShortFormat) : QString());
            html += QStringLiteral("<li>%1%2%3%4</li>")
                        .arg(esc(r.job.isEmpty() ? tr("(no job)") : r.job),
                             r.facility.isEmpty() ? QString() : QStringLiteral(", ") + esc(r.facility), esc(period),
                             r.active ? QString()
                                      : QStringLiteral(" <i style='color:#78909C'>(%1)</i>").arg(tr("ended")));
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Recent conversations"));
    if (d.conversations.isEmpty()) {
        html += QStringLiteral("<p style='color:#546E7A'>%1</p>").arg(tr("None yet."));
    } else {
        html += QStringLiteral("<ul style='margin-left:-20px'>");
        for (const auto& c : d.conversations) {
            const QString address = m_messagingAllowed
                ? QStringLiteral("<a href='conversation:%1'>%2</a>").arg(c.id).arg(esc(c.urn))
                : esc(c.urn);
            html += QStringLiteral("<li>%1 · %2 · %3%4</li>")
                        .arg(address, esc(c.status), esc(ago(c.lastActivity)),
                             c.assignee.isEmpty() ? QString() : QStringLiteral(" · ") + esc(c.assignee));
        }
        html += QStringLiteral("</ul>");
    }
    if (!d.notes.isEmpty()) {
        // What colleagues need to know before calling ("called back on Monday, waiting for
        // payroll"): the newest few, each with a link to its conversation.
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Notes"));
        for (const auto& n : d.notes) {
            QString where;
            if (n.conversationId != 0 && m_messagingAllowed)
                where = QStringLiteral(" · <a href='conversation:%1'>%2</a>")
                            .arg(n.conversationId)
                            .arg(tr("conversation"));
            html += QStringLiteral("<p style='margin:2px 0 8px 0'><b>%1</b> <span style='color:#546E7A'>· %2%3</span>"
                                   "<br>%4</p>")
                        .arg(esc(n.authorName), esc(ago(n.createdAt)), where,
                             esc(n.body).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        }
        if (d.noteCount > d.notes.size())
            html += QStringLiteral("<p style='color:#546E7A'>%1</p>")
                        .arg(tr("%n older note(s) in the person's conversations.", nullptr,
                                d.noteCount - int(d.notes.size())));
    }
    m_details->setHtml(html);
}

} // namespace mhero::ui
