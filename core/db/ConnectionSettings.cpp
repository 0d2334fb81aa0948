#include "db/ConnectionSettings.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

#include <libpq-fe.h>

#include <memory>

namespace mhero {

Result<ConnectionSettings> ConnectionSettings::fromConnInfo(const QString& connInfo)
{
    char* errorMessage = nullptr;
    const QByteArray utf8 = connInfo.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(utf8.constData(), &errorMessage), &PQconninfoFree);
    if (!options) {
        QString detail = errorMessage ? QString::fromUtf8(errorMessage).trimmed() : QString();
        PQfreemem(errorMessage);
        return Error{QStringLiteral("connection-string"),
                     QCoreApplication::translate("mhero::ConnectionSettings", "Invalid connection string."), detail};
    }

    ConnectionSettings settings;
    bool portOk = true;
    for (PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString key = QString::fromLatin1(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (key == QLatin1String("host") || (key == QLatin1String("hostaddr") && settings.host.isEmpty()))
            settings.host = value;
        else if (key == QLatin1String("port"))
            settings.port = value.toInt(&portOk);
        else if (key == QLatin1String("dbname"))
            settings.database = value;
        else if (key == QLatin1String("user"))
            settings.user = value;
        else if (key == QLatin1String("password"))
            settings.password = value;
        else if (key == QLatin1String("sslmode"))
            settings.sslMode = value;
        else if (key == QLatin1String("sslrootcert"))
            settings.sslRootCert = value;
        else if (key == QLatin1String("application_name"))
            settings.applicationName = value;
        else if (key == QLatin1String("connect_timeout"))
            settings.connectTimeoutSeconds = value.toInt();
        else
            settings.extraOptions.insert(key, value);
    }
    if (!portOk || settings.port < 0 || settings.port > 65535)
        return Error{QStringLiteral("connection-string"),
                     QCoreApplication::translate("mhero::ConnectionSettings", "Invalid port number."),
                     {}};
    return settings;
}

QString quoteConnInfoValue(const QString& value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')) && !value.contains(QLatin1Char('=')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ConnectionSettings::toConnInfo(bool withPassword) const
{
    QStringList parts;
    const auto add = [&parts](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QString::fromLatin1(key) + QLatin1Char('=') + quoteConnInfoValue(value);
    };
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    if (withPassword)
        add("password", password);
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    add("application_name", applicationName);
    if (connectTimeoutSeconds > 0)
        add("connect_timeout", QString::number(connectTimeoutSeconds));
    for (auto it = extraOptions.cbegin(); it != extraOptions.cend(); ++it)
        add(it.key().toLatin1().constData(), it.value());
    return parts.join(QLatin1Char(' '));
}

QString ConnectionSettings::describe() const
{
    QString where = host.isEmpty() ? QStringLiteral("localhost") : host;
    if (port > 0)
        where += QLatin1Char(':') + QString::number(port);
    QString text = where + QLatin1Char('/') + (database.isEmpty() ? user : database);
    return user.isEmpty() ? text : user + QLatin1Char('@') + text;
}

void ConnectionSettings::applyTo(QSqlDatabase& db) const
{
    db.setHostName(host);
    if (port > 0)
        db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(user);
    db.setPassword(password);

    // QPSQL joins the ';'-separated options into the libpq connection string.
    QStringList options;
    const auto add = [&options](const QString& key, const QString& value) {
        if (!value.isEmpty())
            options << key + QLatin1Char('=') + quoteConnInfoValue(value);
    };
    add(QStringLiteral("sslmode"), sslMode);
    add(QStringLiteral("sslrootcert"), sslRootCert);
    add(QStringLiteral("application_name"), applicationName);
    if (connectTimeoutSeconds > 0)
        add(QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds));
    for (auto it = extraOptions.cbegin(); it != extraOptions.cend(); ++it)
        add(it.key(), it.value());
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

} // namespace mhero
