#pragma once

#include <QStringList>

class QTextStream;

namespace mhero {

/// mhero-admin: the command line IT uses to install and run mHero (migrate, users, the local
/// cluster, demo data). Kept in core, not in main(), so tests can run its commands.
///
/// This is the front only: the global options, which database to open, and the table of
/// commands. Each command is a small handler in admin/commands/ that calls core's use cases.
class AdminCli final
{
public:
    AdminCli(QTextStream& out, QTextStream& err, QTextStream& in);
    /// Runs one command line (arguments[0] is the program name); returns the exit code:
    /// 0 success, 1 failure, 2 usage error.
    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
};

} // namespace mhero
