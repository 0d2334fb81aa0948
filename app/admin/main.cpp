// mhero-admin: schema migrations, users, the private local cluster, demo data.
#include "Version.h"
#include "admin/AdminCli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mhero-admin"));
    QCoreApplication::setApplicationVersion(QString(mhero::kVersion));
    QCoreApplication::setOrganizationName(QString(mhero::kOrganization));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    return mhero::AdminCli(out, err, in).run(QCoreApplication::arguments());
}
