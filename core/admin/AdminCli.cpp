#include "admin/AdminCli.h"

#include "Version.h"
#include "admin/commands/Command.h"
#include "db/Connection.h"
#include "db/LocalCluster.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace mhero {

namespace {
using cli::CommandGroup;

/// Every command, in the order `mhero-admin --help` lists them.
const QList<CommandGroup>& commandGroups()
{
    static const QList<CommandGroup> groups{cli::schemaCommands(), cli::userCommands(),    cli::localCommands(),
                                            cli::demoCommand(),    cli::sourceCommands(),  cli::syncCommand(),
                                            cli::importCommand(),  cli::settingCommands(), cli::templateCommands(),
                                            cli::suggestCommand()};
    return groups;
}

const QLatin1StringView kDatabaseHelp{
    "\n"
    "The database is chosen by --db CONNINFO (a libpq connection string such as\n"
    "\"host=db.example.org dbname=mhero user=it_admin sslmode=verify-full\"), else by the\n"
    "MHERO_DB environment variable, else by --local (this computer's private cluster, as its\n"
    "superuser), else by libpq's PG* environment variables.\n"};

QString commandsHelp()
{
    QString help = QStringLiteral("Commands:\n");
    for (const CommandGroup& group : commandGroups())
        help += group.help;
    return help + kDatabaseHelp;
}

const cli::Command* findCommand(const QString& name)
{
    for (const CommandGroup& group : commandGroups())
        for (const cli::Command& command : group.commands)
            if (command.name == name)
                return &command;
    return nullptr;
}

/// The settings of the database the command line names: --db, MHERO_DB, --local (started if
/// need be), or libpq's PG* environment variables.
Result<ConnectionSettings> chooseDatabase(const QString& connInfo, bool local, const LocalCluster& cluster)
{
    if (!connInfo.isEmpty())
        return ConnectionSettings::fromConnInfo(connInfo);
    if (local) {
        if (Status status = cluster.start(); !status)
            return status.error();
        return cluster.superuserSettings(QStringLiteral("mhero"));
    }
    return ConnectionSettings{};
}
} // namespace

AdminCli::AdminCli(QTextStream& out, QTextStream& err, QTextStream& in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{ }

int AdminCli::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("mHero administration: schema, users, local database, demo data.\n\n") + commandsHelp());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("libpq connection string."),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption localOption(QStringLiteral("local"),
                                         QStringLiteral("Use this computer's private cluster (as its superuser)."));
    const QCommandLineOption localDirOption(
        QStringLiteral("local-dir"),
        QStringLiteral("Folder of the private cluster (default: %1).").arg(LocalCluster::defaultBaseDir()),
        QStringLiteral("dir"));
    parser.addOptions({dbOption, localOption, localDirOption});
    // Each group brings the options its commands read; an option two groups share (--region) is
    // declared by both and added once.
    QStringList added;
    for (const CommandGroup& group : commandGroups())
        for (const QCommandLineOption& option : group.options)
            if (!added.contains(option.names().constFirst())) {
                added.append(option.names().constFirst());
                parser.addOption(option);
            }
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See the list of commands above."));

    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << "\n"
              << "Try \"mhero-admin --help\".\n";
        return cli::kUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        return cli::kOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << "mhero-admin " << kVersion << "\n";
        return cli::kOk;
    }

    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        m_err << "No command given. Try \"mhero-admin --help\".\n";
        return cli::kUsage;
    }
    const cli::Command* command = findCommand(words.constFirst());
    if (!command) {
        m_err << "Unknown command \"" << words.constFirst() << "\". Try \"mhero-admin --help\".\n";
        return cli::kUsage;
    }
    const LocalCluster cluster(parser.isSet(localDirOption) ? parser.value(localDirOption)
                                                            : LocalCluster::defaultBaseDir());
    cli::CommandContext context{m_out, m_err, m_in, parser, words, cluster};
    if (!command->needsDatabase)
        return command->run(context);

    QString connInfo = parser.value(dbOption);
    if (connInfo.isEmpty())
        connInfo = qEnvironmentVariable("MHERO_DB");
    auto settings = chooseDatabase(connInfo, parser.isSet(localOption), cluster);
    if (!settings)
        return context.fail(settings.error());
    settings->applicationName = QStringLiteral("mhero-admin");
    auto connection = ScopedConnection::open(*settings, QStringLiteral("admin"));
    if (!connection)
        return context.fail(connection.error());
    context.db = &connection->db();
    context.databaseNamed = !connInfo.isEmpty();
    return command->run(context);
}

} // namespace mhero
