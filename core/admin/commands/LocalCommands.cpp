// mhero-admin local init|start|stop|status|destroy: this computer's private PostgreSQL cluster.
#include "admin/commands/Command.h"

#include "db/LocalCluster.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace mhero::cli {

namespace {
int init(CommandContext& c)
{
    const LocalCluster& target = c.cluster;
    if (!target.exists()) {
        c.out << "Creating the local PostgreSQL cluster in " << target.baseDir() << " …\n";
        c.out.flush();
        LocalCluster::InitOptions options;
        options.port = c.value(QStringLiteral("port")).toInt();
        if (Status status = target.init(options); !status)
            return c.fail(status.error());
    } else {
        c.out << "The local cluster in " << target.baseDir() << " exists already.\n";
    }
    auto applied = target.prepare(QStringLiteral("mhero"));
    if (!applied)
        return c.fail(applied.error());
    if (*applied > 0)
        c.out << "Applied " << *applied << " migration(s).\n";
    c.out << "Local database ready in " << target.baseDir() << " (database \"mhero\", socket folder "
          << target.socketDir() << ", port " << target.port() << ").\n"
          << "Add people with: mhero-admin --local user add NAME --role agent|supervisor|admin\n";
    return kOk;
}

int start(CommandContext& c)
{
    if (Status status = c.cluster.start(); !status)
        return c.fail(status.error());
    c.out << "The local cluster is running (" << c.cluster.socketDir() << ", port " << c.cluster.port() << ").\n";
    return kOk;
}

int stop(CommandContext& c)
{
    if (Status status = c.cluster.stop(); !status)
        return c.fail(status.error());
    c.out << "The local cluster is stopped.\n";
    return kOk;
}

/// Exits 1 unless the cluster runs, so scripts can wait for it.
int status(CommandContext& c)
{
    if (!c.cluster.exists()) {
        c.out << "No local cluster in " << c.cluster.baseDir() << ".\n";
        return kFailed;
    }
    const bool running = c.cluster.isRunning();
    c.out << "Local cluster in " << c.cluster.baseDir() << ": " << (running ? "running" : "stopped") << ", port "
          << c.cluster.port() << ".\n";
    return running ? kOk : kFailed;
}

int destroy(CommandContext& c)
{
    if (Status status = c.cluster.destroy(); !status)
        return c.fail(status.error());
    c.out << "Deleted " << c.cluster.baseDir() << ".\n";
    return kOk;
}

int local(CommandContext& c)
{
    const QString sub = c.word(1);
    const struct
    {
        QLatin1StringView name;
        Handler run;
    } subcommands[]{{QLatin1StringView("init"), init},
                    {QLatin1StringView("start"), start},
                    {QLatin1StringView("stop"), stop},
                    {QLatin1StringView("status"), status},
                    {QLatin1StringView("destroy"), destroy}};
    for (const auto& subcommand : subcommands)
        if (sub == subcommand.name)
            return subcommand.run(c);
    c.err << "Unknown local command \"" << sub << "\". Try \"mhero-admin --help\".\n";
    return kUsage;
}
} // namespace

CommandGroup localCommands()
{
    return {
        QLatin1StringView{"  local init [--port N]        Create this computer's private PostgreSQL cluster, its\n"
                          "                               database \"mhero\", and apply the migrations.\n"
                          "  local start|stop|status      Start, stop or show the private cluster.\n"
                          "  local destroy                Stop the private cluster and delete it with all its data.\n"},
        {QCommandLineOption(QStringLiteral("port"), QStringLiteral("Port for a new local cluster."),
                            QStringLiteral("port"))},
        // The cluster may not exist yet, or not run: no connection is opened for these.
        {{QLatin1StringView("local"), false, local}}};
}

} // namespace mhero::cli
