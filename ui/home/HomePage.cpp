#include "home/HomePage.h"

#include "Version.h"
#include "common/LiveRefresh.h"
#include "db/Database.h"
#include "db/Notifications.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace mhero::ui {

HomePage::HomePage(Database& database, const SessionInfo& session, const ServerProfile& profile, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(16);

    const int hour = QTime::currentTime().hour();
    const QString greeting = hour < 12 ? tr("Good morning, %1")
        : hour < 18                    ? tr("Good afternoon, %1")
                                       : tr("Good evening, %1");
    auto* title = new QLabel(greeting.arg(session.user.displayName.section(QLatin1Char(' '), 0, 0)));
    title->setObjectName(QStringLiteral("greeting"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    const QString postgres = session.serverVersion.section(QLatin1Char(' '), 0, 0);
    auto* where
        = new QLabel(profile.local ? tr("Signed in as %1 (%2) on this computer · PostgreSQL %3 · schema version %4")
                                         .arg(session.user.roleName, session.user.primaryRoleLabel(), postgres)
                                         .arg(session.schemaVersion)
                                   : tr("Signed in as %1 (%2) on %3 · PostgreSQL %4 · schema version %5")
                                         .arg(session.user.roleName, session.user.primaryRoleLabel(),
                                              profile.settings.host, postgres)
                                         .arg(session.schemaVersion));
    where->setObjectName(QStringLiteral("sessionSummary"));
    where->setStyleSheet(QStringLiteral("color: #546E7A;"));
    where->setWordWrap(true);
    layout->addWidget(where);

    auto* grid = new QGridLayout;
    grid->setSpacing(16);
    m_healthWorkers = addCard(grid, 0, 0, QStringLiteral("directory"), tr("Health workers"),
                              QStringLiteral("healthWorkersValue"), &m_healthWorkersCaption);
    m_conversations = addCard(grid, 0, 1, QStringLiteral("conversations"), tr("Open conversations"),
                              QStringLiteral("conversationsValue"), &m_conversationsCaption);
    m_templates = addCard(grid, 0, 2, QStringLiteral("templates"), tr("Approved templates"),
                          QStringLiteral("templatesValue"), &m_templatesCaption);
    m_templatesCaption->setObjectName(QStringLiteral("templatesCaption"));
    layout->addLayout(grid);

    // What needs someone's attention behind the figures: the engine's sources.
    m_attention = new QLabel;
    m_attention->setObjectName(QStringLiteral("homeAttention"));
    m_attention->setWordWrap(true);
    m_attention->setTextFormat(Qt::PlainText);
    m_attention->setStyleSheet(QStringLiteral("QLabel { background: #FFF8E1; border: 1px solid #FFE082; "
                                              "border-radius: 8px; padding: 10px; color: #5D4037; }"));
    m_attention->hide();
    layout->addWidget(m_attention);

    auto* footer = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("homeStatus"));
    m_status->setStyleSheet(QStringLiteral("color: #546E7A;"));
    m_status->setWordWrap(true);
    footer->addWidget(m_status, 1);
    m_refresh = new QPushButton(tr("Refresh"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    footer->addWidget(m_refresh);
    layout->addLayout(footer);
    layout->addStretch(1);

    connect(m_refresh, &QPushButton::clicked, this, &HomePage::refresh);
    connect(&database, &Database::reconnected, this, &HomePage::refresh);
    // The count of versions awaiting approval follows the database as the Approvals page does,
    // so the two never disagree; the other figures change all day and follow the timer.
    new LiveRefresh(database, {QString(notify::kTemplate)}, this, [this] { refresh(); });
    auto* timer = new QTimer(this);
    timer->setInterval(60'000);
    connect(timer, &QTimer::timeout, this, &HomePage::refresh);
    timer->start();
    refresh();
}

QLabel* HomePage::addCard(QGridLayout* grid, int row, int column, const QString& iconName, const QString& title,
                          const QString& valueName, QLabel** caption)
{
    auto* card = new QFrame;
    card->setObjectName(QStringLiteral("card"));
    card->setStyleSheet(
        QStringLiteral("QFrame#card { background: white; border: 1px solid #D8DEDC; border-radius: 10px; }"));
    card->setMinimumSize(240, 130);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    auto* head = new QHBoxLayout;
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/%1.svg").arg(iconName)).pixmap(22, 22));
    head->addWidget(icon);
    auto* titleLabel = new QLabel(title);
    titleLabel->setStyleSheet(QStringLiteral("color: #37474F; font-weight: 600;"));
    head->addWidget(titleLabel, 1);
    layout->addLayout(head);
    auto* value = new QLabel(QStringLiteral("…"));
    value->setObjectName(valueName);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.4);
    valueFont.setBold(true);
    value->setFont(valueFont);
    value->setStyleSheet(QStringLiteral("color: #0B6E4F;"));
    layout->addWidget(value);
    *caption = new QLabel;
    (*caption)->setWordWrap(true);
    (*caption)->setStyleSheet(QStringLiteral("color: #546E7A;"));
    layout->addWidget(*caption);
    grid->addWidget(card, row, column);
    return value;
}

void HomePage::refresh()
{
    m_status->setText(tr("Loading…"));
    const int generation = ++m_generation;
    m_database.run(
        this, [](QSqlDatabase& db) { return loadOverview(db); },
        [this, generation](const Result<Overview>& overview) {
            if (generation == m_generation) // a newer refresh is on its way
                show(overview);
        });
}

void HomePage::show(const Result<Overview>& result)
{
    if (!result) {
        m_status->setText(tr("Could not load the figures: %1").arg(result.error().message));
        return;
    }
    const Overview& o = *result;
    const QLocale locale;
    m_healthWorkers->setText(locale.toString(o.activeHealthWorkers));
    m_healthWorkersCaption->setText(
        tr("active, in %1 and %2")
            .arg(tr("%n district(s)", nullptr, int(o.districts)), tr("%n facility(ies)", nullptr, int(o.facilities))));
    m_conversations->setText(locale.toString(o.openConversations));
    m_conversationsCaption->setText(tr("%n waiting for an agent", nullptr, int(o.unassignedConversations))
                                    + QStringLiteral(" · ")
                                    + tr("%n assigned to you", nullptr, int(o.myConversations)));
    m_templates->setText(locale.toString(o.approvedTemplates));
    m_templatesCaption->setText(tr("%n version(s) awaiting approval", nullptr, int(o.submittedTemplates)));
    QStringList attention;
    // Administrators get the command that says more; everyone else, what it means for them.
    if (o.sourcesWithErrors > 0 && m_session.user.isAdmin)
        attention << tr("%n source(s) reported an error on the last sync; \"mhero-admin source list\" shows it.",
                        nullptr, int(o.sourcesWithErrors));
    else if (o.sourcesWithErrors > 0)
        attention << tr("%n source(s) reported an error on the last sync: new messages may arrive late and replies "
                        "may wait. Please tell IT.",
                        nullptr, int(o.sourcesWithErrors));
    if (o.quarantinedEntries > 0)
        attention << tr("%n inbound message(s) were set aside because mHero cannot store them (for example an "
                        "address it does not know); \"mhero-admin source quarantine NAME\" lists them with the reason.",
                        nullptr, int(o.quarantinedEntries));
    m_attention->setText(attention.join(QLatin1Char('\n')));
    m_attention->setVisible(!attention.isEmpty());
    m_status->setText(tr("Updated at %1").arg(locale.toString(QTime::currentTime(), QLocale::ShortFormat)));
    Q_EMIT loaded();
}

} // namespace mhero::ui
