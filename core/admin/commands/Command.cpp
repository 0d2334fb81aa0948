#include "admin/commands/Command.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace mhero::cli {

bool CommandContext::isSet(const QString& option) const
{
    return options.isSet(option);
}

QString CommandContext::value(const QString& option) const
{
    return options.value(option);
}

int CommandContext::fail(const Error& error) const
{
    err << "error: " << error.message;
    if (!error.code.isEmpty())
        err << " [" << error.code << "]";
    err << "\n";
    if (!error.detail.isEmpty())
        err << "  " << QString(error.detail).replace(QLatin1Char('\n'), QLatin1String("\n  ")) << "\n";
    return kFailed;
}

int CommandContext::usage(const char* usage) const
{
    err << usage;
    return kUsage;
}

QString CommandContext::readSecret() const
{
    return isSet(QStringLiteral("secret-env"))
        ? qEnvironmentVariable(value(QStringLiteral("secret-env")).toLocal8Bit().constData())
        : in.readLine().trimmed();
}

} // namespace mhero::cli
