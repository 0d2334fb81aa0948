#include "AboutDialog.h"

#include "Version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>

namespace mhero::ui {

AboutDialog::AboutDialog(const SessionInfo& session, const ServerProfile& profile, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About mHero Console"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(72, 72));
    logo->setAlignment(Qt::AlignTop);
    top->addWidget(logo);

    QString version = QString(kVersion);
    if (!kGitRevision.isEmpty())
        version += QStringLiteral(" (%1)").arg(kGitRevision);
    const QString server = profile.local ? tr("this computer") : profile.settings.describe();
    auto* text = new QLabel(
        tr("<h2>mHero Console</h2>"
           "<p>Version %1</p>"
           "<p>Connects the national health-workforce registry with the messaging platforms health workers "
           "use, so the call center can answer every health worker with approved messages.</p>"
           "<table>"
           "<tr><td>Signed in as:</td><td>%2 (%3)</td></tr>"
           "<tr><td>Database:</td><td>%4</td></tr>"
           "<tr><td>PostgreSQL:</td><td>%5</td></tr>"
           "<tr><td>Schema version:</td><td>%6</td></tr>"
           "<tr><td>Qt:</td><td>%7 on %8</td></tr>"
           "</table>")
            .arg(version.toHtmlEscaped(), session.user.displayName.toHtmlEscaped(),
                 session.user.roleName.toHtmlEscaped(), server.toHtmlEscaped(), session.serverVersion.toHtmlEscaped())
            .arg(session.schemaVersion)
            .arg(QString::fromLatin1(qVersion()), QSysInfo::prettyProductName().toHtmlEscaped()));
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMinimumWidth(420);
    top->addWidget(text, 1);
    layout->addLayout(top);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace mhero::ui
