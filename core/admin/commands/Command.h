#pragma once

#include "Result.h"

#include <QCommandLineOption>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;
class QSqlDatabase;
class QTextStream;

namespace mhero {
class LocalCluster;
}

/// mhero-admin's commands, one small handler each. AdminCli (the front) parses the command line,
/// opens the database when the command needs one and calls the handler with a CommandContext;
/// the handlers hold no SQL of their own: they call core's use-case functions and print.
namespace mhero::cli {

/// Exit codes: scripts that run mhero-admin rely on them.
constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2; ///< the command line was wrong: nothing was done

/// What a handler is given: the streams, the parsed command line, and what the front opened.
struct CommandContext
{
    QTextStream& out;
    QTextStream& err;
    QTextStream& in; ///< secrets and passwords are read from here, never from the command line
    const QCommandLineParser& options;
    QStringList words; ///< positional words: the command, then its own (e.g. "user", "add", "NAME")
    const LocalCluster& cluster; ///< this computer's private cluster (--local-dir or the default)
    QSqlDatabase* db = nullptr; ///< the open connection; null for commands that need none
    /// The database was named by --db or MHERO_DB (not by --local or libpq's PG* variables).
    bool databaseNamed = false;

    /// words[i], empty when the command line has fewer words.
    [[nodiscard]] QString word(qsizetype i) const { return words.value(i); }
    [[nodiscard]] bool isSet(const QString& option) const;
    [[nodiscard]] QString value(const QString& option) const;
    /// Prints @p error (message, code, indented detail) to err; returns kFailed.
    int fail(const Error& error) const;
    /// Prints @p usage (UTF-8) to err; returns kUsage.
    int usage(const char* usage) const;
    /// A source's secret: from the environment variable named by --secret-env, else the first
    /// line of stdin (never an argument: arguments show in the process list).
    [[nodiscard]] QString readSecret() const;
};

using Handler = int (*)(CommandContext& context);

/// One command word and its handler.
struct Command
{
    QLatin1StringView name; ///< the first positional word
    bool needsDatabase = true;
    Handler run = nullptr;
};

/// Commands that belong together (user add|list|…), with their lines of `mhero-admin --help`
/// and the options only they read. AdminCli lists the groups, in the order --help shows them.
struct CommandGroup
{
    QLatin1StringView help; ///< lines of the "Commands:" section, each ending with "\n"
    QList<QCommandLineOption> options;
    QList<Command> commands;
};

// One function per file in this folder.
CommandGroup schemaCommands(); // migrate, status
CommandGroup userCommands(); // user add|list|disable|enable
CommandGroup localCommands(); // local init|start|stop|status|destroy
CommandGroup demoCommand(); // demo load
CommandGroup sourceCommands(); // source add|secret|set-url|list|quarantine
CommandGroup syncCommand(); // sync --once
CommandGroup importCommand(); // import FILE.json
CommandGroup settingCommands(); // setting list|get|set
CommandGroup templateCommands(); // templates export|import
CommandGroup suggestCommand(); // suggest-eval

} // namespace mhero::cli
