#pragma once

#include <QStringList>

class QTextStream;
class QSqlDatabase;

namespace mhero {
namespace rapidpro {
struct RapidProSource;
}

/// mhero-admin: the command line IT uses to install and run mHero (migrate, users, the local
/// cluster, demo data). Kept in core, not in main(), so tests can run its commands.
class AdminCli final
{
public:
    AdminCli(QTextStream& out, QTextStream& err, QTextStream& in);
    /// Runs one command line (arguments[0] is the program name); returns the exit code:
    /// 0 success, 1 failure, 2 usage error.
    int run(const QStringList& arguments);

private:
    int syncRapidProOnce(QSqlDatabase& db, const rapidpro::RapidProSource& source);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
};

} // namespace mhero
