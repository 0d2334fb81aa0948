#include "templates/ApprovalsPage.h"

#include "common/LiveRefresh.h"
#include "common/PageParts.h"
#include "db/Database.h"
#include "db/Notifications.h"
#include "templates/ApproveDialog.h"
#include "templates/TemplateDiff.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mhero::ui {

using namespace mhero::templates;

namespace {
bool ownWork(const VersionInfo& v, const QString& me)
{
    return v.author == me || v.lastEditor == me;
}
} // namespace

ApprovalsPage::ApprovalsPage(Database& database, const QString& roleName, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_roleName(roleName)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Approvals")));
    layout->addWidget(mutedLabel(tr("Submitted template versions, oldest first. ↑/↓ move · Ctrl+Enter approves · "
                                    "type a reason and press Enter to reject.")));

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("approvalQueue"));
    m_list->setMinimumWidth(260);
    m_list->setSpacing(2);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("approvalHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    rightLayout->addWidget(m_header);
    m_diff = new QTextBrowser;
    m_diff->setObjectName(QStringLiteral("approvalDiff"));
    m_diff->setFocusPolicy(Qt::NoFocus);
    rightLayout->addWidget(m_diff, 1);
    auto* decision = new QHBoxLayout;
    m_reason = new QLineEdit;
    m_reason->setObjectName(QStringLiteral("rejectionReason"));
    m_reason->setPlaceholderText(tr("Reason for rejecting (required to reject)"));
    m_approve = new QPushButton(tr("Approve…  (Ctrl+Enter)"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setStyleSheet(QStringLiteral("QPushButton { background: #0B6E4F; color: white; padding: 5px 14px; "
                                            "border-radius: 4px; } QPushButton:disabled { background: #B0BEC5; }"));
    m_reject = new QPushButton(tr("Reject"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    decision->addWidget(m_reason, 1);
    decision->addWidget(m_reject);
    decision->addWidget(m_approve);
    rightLayout->addLayout(decision);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 800});
    layout->addWidget(splitter, 1);
    m_statusLine = mutedLabel();
    m_statusLine->setObjectName(QStringLiteral("approvalStatus"));
    layout->addWidget(m_statusLine);

    connect(m_list, &QListWidget::currentRowChanged, this, &ApprovalsPage::showCurrent);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveCurrent);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::rejectCurrent);
    connect(m_reason, &QLineEdit::returnPressed, this, &ApprovalsPage::rejectCurrent);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ApprovalsPage::approveCurrent);
    }
    // Up/Down move through the queue even while typing a reason.
    for (const auto key : {Qt::Key_Up, Qt::Key_Down}) {
        auto* shortcut = new QShortcut(QKeySequence(key), m_reason);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, key] {
            const int row = m_list->currentRow() + (key == Qt::Key_Up ? -1 : 1);
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
        });
    }
    connect(&database, &Database::reconnected, this, &ApprovalsPage::refresh);
    // Versions submitted or decided at another console appear and go as it happens.
    new LiveRefresh(database, {QString(notify::kTemplate)}, this, [this] { refresh(); });
    refresh();
}

void ApprovalsPage::refresh()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return approvalQueue(db); },
        [this](const Result<QList<PendingApproval>>& queue) {
            if (!queue) {
                m_statusLine->setText(tr("The queue could not be loaded: %1").arg(queue.error().message));
                return;
            }
            const qint64 keep = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
            m_queue = *queue;
            const QSignalBlocker blocker(m_list);
            m_list->clear();
            int select = 0;
            for (int i = 0; i < m_queue.size(); ++i) {
                const PendingApproval& p = m_queue.at(i);
                auto* item = new QListWidgetItem(
                    tr("%1 · v%2\nby %3 · %4")
                        .arg(p.templateName)
                        .arg(p.version.version)
                        .arg(p.version.lastEditor,
                             QLocale().toString(p.version.submittedAt.toLocalTime(), QLocale::ShortFormat)));
                item->setData(Qt::UserRole, p.version.id);
                if (ownWork(p.version, m_roleName))
                    item->setForeground(QColor(0x78, 0x90, 0x9C));
                m_list->addItem(item);
                if (p.version.id == keep)
                    select = i;
            }
            if (!m_queue.isEmpty())
                m_list->setCurrentRow(select);
            showCurrent();
            const QString waiting = tr("%n version(s) waiting", nullptr, int(m_queue.size()));
            m_statusLine->setText(m_lastDecision.isEmpty() ? waiting
                                                           : m_lastDecision + QStringLiteral(" · ") + waiting);
            // A reload caused by another console must not pull the cursor out of a reason being typed.
            if (!m_reason->hasFocus())
                m_list->setFocus();
            Q_EMIT queueLoaded();
        });
}

void ApprovalsPage::showCurrent()
{
    const int row = m_list->currentRow();
    const bool has = row >= 0 && row < m_queue.size();
    m_approve->setEnabled(has);
    m_reject->setEnabled(has);
    m_reason->setEnabled(has);
    if (!has) {
        m_header->setText(tr("<b>Nothing to approve.</b>"));
        m_diff->clear();
        return;
    }
    const PendingApproval& p = m_queue.at(row);
    QString header = tr("<b>%1</b> · %2 · version %3 · written by %4, last edited by %5")
                         .arg(p.templateName.toHtmlEscaped(), categoryLabel(p.category))
                         .arg(p.version.version)
                         .arg(p.version.author.toHtmlEscaped(), p.version.lastEditor.toHtmlEscaped());
    if (!p.version.freePlaceholders.isEmpty())
        header += QStringLiteral("<br>") + tr("Placeholders the agent fills in: %1")
                                               .arg(p.version.freePlaceholders.join(QStringLiteral(", ")).toHtmlEscaped());
    if (ownWork(p.version, m_roleName)) {
        header += QStringLiteral("<br><span style=\"color:#B02A37\">%1</span>")
                      .arg(tr("You wrote or edited this version: another supervisor must decide on it."));
        m_approve->setEnabled(false);
        m_reject->setEnabled(false);
    }
    m_header->setText(header);
    if (p.approved)
        m_diff->setHtml(versionDiffHtml(p.approved->bodies, p.version.bodies,
                                        tr("In use: version %1").arg(p.approved->version),
                                        tr("Submitted: version %1").arg(p.version.version)));
    else
        m_diff->setHtml(QStringLiteral("<p style=\"color:#607D8B\">%1</p>").arg(tr("A first version: nothing is in use yet."))
                        + versionDiffHtml({}, p.version.bodies, {}, tr("Submitted: version %1").arg(p.version.version)));
}

void ApprovalsPage::approveCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_queue.size() || !m_approve->isEnabled() || m_confirmation)
        return;
    // Approving puts words in every agent's mouth: say exactly which, and ask.
    const PendingApproval pending = m_queue.at(row);
    m_confirmation = new ApproveDialog(pending, this);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    // Back to the queue whatever the answer, so ↑/↓ and Ctrl+Enter go on working.
    // (A closed question may live on until the event loop deletes it: it is not the open one.)
    connect(m_confirmation, &QDialog::finished, this, [this] {
        m_confirmation = nullptr;
        m_list->setFocus();
    });
    connect(m_confirmation, &QDialog::accepted, this,
            [this, pending] { decide(pending.version.id, pending.templateName, true); });
    m_confirmation->open();
}

void ApprovalsPage::rejectCurrent()
{
    if (m_reason->text().trimmed().isEmpty()) {
        m_statusLine->setText(tr("Type the reason for rejecting, then press Enter."));
        m_reason->setFocus();
        return;
    }
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_queue.size() || !m_reject->isEnabled())
        return;
    decide(m_queue.at(row).version.id, m_queue.at(row).templateName, false);
}

void ApprovalsPage::decide(qint64 version, const QString& name, bool approve)
{
    const QString reason = m_reason->text().trimmed();
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_database.run(
        this,
        [version, approve, reason](QSqlDatabase& db) {
            return approve ? approveVersion(db, version) : rejectVersion(db, version, reason);
        },
        [this, approve, name](const Status& status) {
            if (!status) {
                m_statusLine->setText(tr("Refused: %1").arg(status.error().message));
                showCurrent();
                Q_EMIT decided(false);
                return;
            }
            m_reason->clear();
            m_lastDecision = approve ? tr("Approved \"%1\".").arg(name) : tr("Rejected \"%1\".").arg(name);
            m_statusLine->setText(m_lastDecision);
            refresh();
            Q_EMIT decided(true);
        });
}

} // namespace mhero::ui
