// mhero-admin migrate | status: the schema's version.
#include "admin/commands/Command.h"

#include "db/Migrator.h"

#include <QTextStream>

namespace mhero::cli {

namespace {
int migrate(CommandContext& c)
{
    const Migrator migrator;
    int definitions = 0;
    auto applied = migrator.migrate(
        *c.db,
        [&c](const Migration& m) {
            c.out << "Applying migration " << m.version << " (" << m.name << ")\n";
            c.out.flush();
        },
        [&definitions](const Definition&) { ++definitions; });
    if (!applied)
        return c.fail(applied.error());
    if (definitions > 0)
        c.out << "Applied " << definitions << " changed function definition(s).\n";
    c.out << (*applied == 0 && definitions == 0 ? "The schema is up to date" : "Migrated") << " (version "
          << migrator.latestVersion() << ").\n";
    return kOk;
}

int status(CommandContext& c)
{
    auto status = Migrator().status(*c.db);
    if (!status)
        return c.fail(status.error());
    c.out << "Schema version: " << status->current << " (this program knows " << status->latest << ")\n";
    if (!status->pending.isEmpty()) {
        c.out << "Pending migrations:";
        for (int version : status->pending)
            c.out << " " << version;
        c.out << "\n";
    }
    if (!status->pendingDefinitions.isEmpty())
        c.out << "Function definitions to apply (changed since the last migrate): "
              << status->pendingDefinitions.join(QStringLiteral(", ")) << "\n";
    // A database newer than this program: its functions may not be what this program expects.
    return status->current > status->latest ? kFailed : kOk;
}
} // namespace

CommandGroup schemaCommands()
{
    return {
        QLatin1StringView{"  migrate                      Apply pending schema migrations (needs the database owner).\n"
                          "  status                       Show the schema version and pending migrations.\n"},
        {},
        {{QLatin1StringView("migrate"), true, migrate}, {QLatin1StringView("status"), true, status}}};
}

} // namespace mhero::cli
