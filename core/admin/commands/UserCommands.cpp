// mhero-admin user add|list|disable|enable: the people who sign in.
#include "admin/commands/Command.h"

#include "admin/UserAdmin.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace mhero::cli {

namespace {
int add(CommandContext& c)
{
    const QString name = c.word(2);
    const auto kind = userKindFromString(c.value(QStringLiteral("role")));
    if (name.isEmpty() || !kind)
        return c.usage("Usage: mhero-admin user add NAME --role agent|supervisor|admin|service "
                       "[--display-name TEXT] [--languages en,fr] [--password-stdin]\n");
    // A generated password is shown once; one typed by IT never appears on the screen.
    const bool generated = !c.isSet(QStringLiteral("password-stdin"));
    const QString password = generated ? users::generatePassword() : c.in.readLine().trimmed();
    const QStringList languages = c.value(QStringLiteral("languages")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (Status status = users::add(*c.db, name, *kind, c.value(QStringLiteral("display-name")), languages, password);
        !status)
        return c.fail(status.error());
    c.out << "Created " << toString(*kind) << " \"" << name << "\".\n";
    if (generated)
        c.out << "Password (shown once, hand it over privately): " << password << "\n";
    return kOk;
}

int list(CommandContext& c)
{
    auto list = users::list(*c.db);
    if (!list)
        return c.fail(list.error());
    c.out << qSetFieldWidth(24) << Qt::left << "NAME" << qSetFieldWidth(12) << "ROLE" << qSetFieldWidth(10) << "ACTIVE"
          << qSetFieldWidth(0) << "DISPLAY NAME\n";
    for (const UserRecord& user : *list)
        c.out << qSetFieldWidth(24) << user.name << qSetFieldWidth(12) << toString(user.kind) << qSetFieldWidth(10)
              << (user.active ? "yes" : "no") << qSetFieldWidth(0) << user.displayName << "\n";
    return kOk;
}

int setActive(CommandContext& c, bool active)
{
    const QString name = c.word(2);
    if (name.isEmpty()) {
        c.err << "Usage: mhero-admin user " << c.word(1) << " NAME\n";
        return kUsage;
    }
    if (Status status = users::setActive(*c.db, name, active); !status)
        return c.fail(status.error());
    c.out << (active ? "Enabled" : "Disabled") << " \"" << name << "\".\n";
    return kOk;
}

int user(CommandContext& c)
{
    const QString sub = c.word(1);
    if (sub == QLatin1String("add"))
        return add(c);
    if (sub == QLatin1String("list"))
        return list(c);
    if (sub == QLatin1String("disable") || sub == QLatin1String("enable"))
        return setActive(c, sub == QLatin1String("enable"));
    c.err << "Unknown user command \"" << sub << "\". Try \"mhero-admin --help\".\n";
    return kUsage;
}
} // namespace

CommandGroup userCommands()
{
    return {
        QLatin1StringView{"  user add NAME --role ROLE    Create a user; ROLE is agent, supervisor, admin or service.\n"
                          "                               The password is read from stdin with --password-stdin,\n"
                          "                               otherwise generated and printed once.\n"
                          "  user list                    List users.\n"
                          "  user disable NAME            Stop a user from signing in (history is kept).\n"
                          "  user enable NAME             Let a disabled user sign in again.\n"},
        {QCommandLineOption(QStringLiteral("role"), QStringLiteral("agent, supervisor, admin or service."),
                            QStringLiteral("role")),
         QCommandLineOption(QStringLiteral("display-name"), QStringLiteral("Name shown in the console."),
                            QStringLiteral("text")),
         QCommandLineOption(QStringLiteral("languages"), QStringLiteral("Languages the user answers in, e.g. en,fr."),
                            QStringLiteral("list"), QStringLiteral("en")),
         QCommandLineOption(QStringLiteral("password-stdin"),
                            QStringLiteral("Read the password from the first line of stdin."))},
        {{QLatin1StringView("user"), true, user}}};
}

} // namespace mhero::cli
