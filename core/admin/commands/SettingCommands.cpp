// mhero-admin setting list|get|set: the deployment's settings (mhero.setting).
#include "admin/commands/Command.h"

#include "admin/Settings.h"

#include <QTextStream>

namespace mhero::cli {

namespace {
void print(CommandContext& c, const settings::Setting& s, bool verbose)
{
    c.out << qSetFieldWidth(34) << Qt::left << s.key << qSetFieldWidth(16)
          << (s.value.isEmpty() ? QStringLiteral("(default)") : s.value) << qSetFieldWidth(0) << s.allowed << "\n";
    if (verbose) {
        c.out << "  " << s.description << "\n";
        if (s.updatedAt.isValid())
            c.out << "  Last changed " << s.updatedAt.toLocalTime().toString(Qt::ISODate) << " by " << s.updatedBy
                  << ".\n";
    }
}

int list(CommandContext& c)
{
    auto all = settings::list(*c.db);
    if (!all)
        return c.fail(all.error());
    c.out << qSetFieldWidth(34) << Qt::left << "KEY" << qSetFieldWidth(16) << "VALUE" << qSetFieldWidth(0)
          << "ALLOWED\n";
    for (const settings::Setting& s : *all)
        print(c, s, false);
    return kOk;
}

int get(CommandContext& c)
{
    auto one = settings::get(*c.db, c.word(2));
    if (!one)
        return c.fail(one.error());
    print(c, *one, true);
    return kOk;
}

int set(CommandContext& c)
{
    const QString key = c.word(2);
    if (Status status = settings::set(*c.db, key, c.word(3)); !status)
        return c.fail(status.error());
    // Shown as the database stored it (a region in capitals, a number as a number).
    auto one = settings::get(*c.db, key);
    if (!one)
        return c.fail(one.error());
    c.out << "Set " << key << " to " << one->value << ".\n";
    return kOk;
}

int setting(CommandContext& c)
{
    const QString sub = c.word(1);
    if (sub == QLatin1String("list") && c.words.size() == 2)
        return list(c);
    if (sub == QLatin1String("get") && c.words.size() == 3)
        return get(c);
    if (sub == QLatin1String("set") && c.words.size() == 4)
        return set(c);
    return c.usage("Usage: mhero-admin setting list | get KEY | set KEY VALUE\n");
}
} // namespace

CommandGroup settingCommands()
{
    return {QLatin1StringView{
                "  setting list                 Show the deployment's settings, their values and what they do.\n"
                "  setting get KEY              Show one setting.\n"
                "  setting set KEY VALUE        Change a setting, e.g. \"setting set messaging.free_text_policy\n"
                "                               free_text\" lets agents type their own replies. The database\n"
                "                               checks the value and keeps the change in the audit log.\n"},
            {},
            {{QLatin1StringView("setting"), true, setting}}};
}

} // namespace mhero::cli
