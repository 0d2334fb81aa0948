// mhero-server: the headless sync engine, deployed by IT next to the database.
#include "Version.h"
#include "engine/ServerCli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mhero-server"));
    QCoreApplication::setApplicationVersion(QString(mhero::kVersion));
    QCoreApplication::setOrganizationName(QString(mhero::kOrganization));
    return mhero::engine::runServer(app);
}
