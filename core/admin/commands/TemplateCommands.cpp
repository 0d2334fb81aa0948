// mhero-admin templates export|import: approved templates from one server to another.
#include "admin/commands/Command.h"

#include "templates/TemplateStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace mhero::cli {

namespace {
int exportTemplates(CommandContext& c, const QString& path)
{
    auto json = templates::exportJson(*c.db);
    if (!json)
        return c.fail(json.error());
    if (path == QLatin1String("-")) {
        c.out << QString::fromUtf8(*json);
        return kOk;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*json) != json->size())
        return c.fail(Error{QStringLiteral("file"), QStringLiteral("Cannot write %1").arg(path), file.errorString()});
    const auto count = QJsonDocument::fromJson(*json).object().value(QStringLiteral("templates")).toArray().size();
    c.out << "Exported " << count << " approved templates to " << path << ".\n";
    return kOk;
}

int importTemplates(CommandContext& c, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return c.fail(Error{QStringLiteral("file"), QStringLiteral("Cannot read %1").arg(path), file.errorString()});
    auto imported = templates::importJson(*c.db, file.readAll());
    if (!imported)
        return c.fail(imported.error());
    c.out << "Imported " << path << ": " << imported->created << " new templates, " << imported->updated
          << " new draft versions of existing templates. They await a supervisor's approval.\n";
    return kOk;
}

int templatesCommand(CommandContext& c)
{
    const QString sub = c.word(1);
    const QString path = c.word(2);
    if (sub == QLatin1String("export") && !path.isEmpty())
        return exportTemplates(c, path);
    if (sub == QLatin1String("import") && !path.isEmpty())
        return importTemplates(c, path);
    return c.usage("Usage: mhero-admin templates export|import FILE.json\n");
}
} // namespace

CommandGroup templateCommands()
{
    return {QLatin1StringView{
                "  templates export FILE.json   Write the approved version of every template in use (\"-\" for\n"
                "                               stdout).\n"
                "  templates import FILE.json   Load templates as drafts authored by the connected user, all or\n"
                "                               nothing; connect as an mHero supervisor or administrator.\n"
                "                               A supervisor who did not import them approves them.\n"},
            {},
            {{QLatin1StringView("templates"), true, templatesCommand}}};
}

} // namespace mhero::cli
