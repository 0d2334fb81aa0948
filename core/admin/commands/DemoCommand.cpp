// mhero-admin demo load: the demo data set and its users.
#include "admin/commands/Command.h"

#include "admin/DemoData.h"

#include <QTextStream>

namespace mhero::cli {

namespace {
int demo(CommandContext& c)
{
    if (c.word(1) != QLatin1String("load"))
        return c.usage("Usage: mhero-admin demo load\n");
    auto loaded = demo::load(*c.db);
    if (!loaded)
        return c.fail(loaded.error());
    c.out << loaded.value() << "\n";
    return kOk;
}
} // namespace

CommandGroup demoCommand()
{
    return {QLatin1StringView{"  demo load                    Load the demo data set and the demo users.\n"},
            {},
            {{QLatin1StringView("demo"), true, demo}}};
}

} // namespace mhero::cli
