// mhero-test-cluster setup|cleanup: the CTest fixture around the integration tests.
#include "TestCluster.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString command = app.arguments().value(1);
    if (command == QLatin1String("setup")) {
        auto base = mhero::test::TestCluster::setUpShared();
        if (!base) {
            out << "cannot start the test cluster: " << base.error().toString() << "\n";
            return 1;
        }
        out << "test cluster running in " << *base << "\n";
        return 0;
    }
    if (command == QLatin1String("cleanup")) {
        const mhero::Status status = mhero::test::TestCluster::tearDownShared();
        out << (status ? QStringLiteral("test cluster removed") : status.error().toString()) << "\n";
        return status ? 0 : 1;
    }
    out << "usage: mhero-test-cluster setup|cleanup\n";
    return 2;
}
