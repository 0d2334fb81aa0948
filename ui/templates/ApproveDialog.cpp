#include "templates/ApproveDialog.h"

#include "templates/TemplateText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mhero::ui {

using namespace mhero::templates;

namespace {
QString codes(const QStringList& languages)
{
    return languages.join(QStringLiteral(", ")).toUpper();
}
} // namespace

ApproveDialog::ApproveDialog(const PendingApproval& pending, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("approveConfirmation"));
    setWindowTitle(tr("Approve this version?"));
    resize(640, 480);
    auto* layout = new QVBoxLayout(this);

    const VersionInfo& v = pending.version;
    const QStringList languages = v.bodies.keys();
    QString summary = tr("Approve <b>%1</b>, version %2, in %n language(s): %3?", nullptr, int(languages.size()))
                          .arg(pending.templateName.toHtmlEscaped())
                          .arg(v.version)
                          .arg(codes(languages));
    summary += QStringLiteral("<br>")
        + (pending.approved
               ? tr("Agents will send this wording from now on, instead of version %1.").arg(pending.approved->version)
               : tr("Agents will be able to send this wording from now on."));
    m_summary = new QLabel(summary);
    m_summary->setObjectName(QStringLiteral("approveSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    const LanguageChanges changes
        = pending.approved ? compareLanguages(pending.approved->bodies, v.bodies) : compareLanguages({}, v.bodies);
    m_warns = changes.leftSomeBehind();
    m_warning = new QLabel;
    m_warning->setObjectName(QStringLiteral("approveWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #FFF3CD; border: 1px solid #E0C170; "
                                            "border-radius: 6px; padding: 8px; color: #5C4400; }"));
    if (m_warns && pending.approved)
        m_warning->setText(tr("%1 changed, while %2 stayed word for word as in version %3. Check that every language "
                              "still says the same thing before approving.")
                               .arg(codes(changes.changed), codes(changes.unchanged))
                               .arg(pending.approved->version));
    m_warning->setVisible(m_warns);
    layout->addWidget(m_warning);

    // Every body in full: what agents will send, language by language.
    QString html;
    for (auto it = v.bodies.cbegin(); it != v.bodies.cend(); ++it) {
        QString note;
        if (changes.unchanged.contains(it.key()))
            note = tr("unchanged since version %1").arg(pending.approved->version);
        else if (changes.changed.contains(it.key()))
            note = tr("changed");
        else
            note = tr("new");
        html += QStringLiteral("<p><b>%1</b> <span style=\"color:#607D8B\">(%2)</span><br>%3</p>")
                    .arg(it.key().toUpper(), note.toHtmlEscaped(),
                         it.value().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    }
    m_bodies = new QTextBrowser;
    m_bodies->setObjectName(QStringLiteral("approveBodies"));
    m_bodies->setHtml(html);
    layout->addWidget(m_bodies, 1);

    auto* buttons = new QDialogButtonBox;
    m_approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("confirmApproveButton"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelApproveButton"));
    // A warning deserves a second look: Enter then cancels, approving takes a deliberate click
    // (or Alt+A).
    QPushButton* byDefault = m_warns ? cancel : m_approve;
    m_approve->setAutoDefault(!m_warns);
    cancel->setAutoDefault(m_warns);
    byDefault->setDefault(true);
    byDefault->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace mhero::ui
