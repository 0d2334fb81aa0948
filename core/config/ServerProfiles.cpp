#include "config/ServerProfiles.h"

#include <QSettings>

namespace mhero {

ServerProfiles::ServerProfiles(QSettings& settings)
    : m_settings(settings)
{ }

QList<ServerProfile> ServerProfiles::all() const
{
    QList<ServerProfile> profiles;
    ServerProfile local;
    local.name = QString(kLocalName);
    local.local = true;
    local.settings.database = QStringLiteral("mhero");
    local.lastUser = m_settings.value(QStringLiteral("profiles/local/lastUser")).toString();
    profiles.append(local);

    m_settings.beginGroup(QStringLiteral("profiles"));
    const QStringList names = m_settings.childGroups();
    for (const QString& key : names) {
        if (key == kLocalName)
            continue;
        m_settings.beginGroup(key);
        ServerProfile profile;
        profile.name = m_settings.value(QStringLiteral("name"), key).toString();
        profile.settings.host = m_settings.value(QStringLiteral("host")).toString();
        profile.settings.port = m_settings.value(QStringLiteral("port"), 5432).toInt();
        profile.settings.database = m_settings.value(QStringLiteral("database"), QStringLiteral("mhero")).toString();
        profile.settings.sslMode = m_settings.value(QStringLiteral("sslMode"), QStringLiteral("require")).toString();
        profile.settings.sslRootCert = m_settings.value(QStringLiteral("sslRootCert")).toString();
        profile.lastUser = m_settings.value(QStringLiteral("lastUser")).toString();
        m_settings.endGroup();
        profiles.append(profile);
    }
    m_settings.endGroup();
    return profiles;
}

std::optional<ServerProfile> ServerProfiles::find(const QString& name) const
{
    for (const ServerProfile& profile : all())
        if (profile.name == name)
            return profile;
    return std::nullopt;
}

namespace {
QString groupFor(const QString& name)
{
    // Profile names are free text; QSettings keys must not contain '/' or '\\'.
    QString key = name;
    key.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStringLiteral("profiles/") + key;
}
} // namespace

void ServerProfiles::save(const ServerProfile& profile)
{
    m_settings.beginGroup(groupFor(profile.local ? QString(kLocalName) : profile.name));
    if (!profile.local) {
        m_settings.setValue(QStringLiteral("name"), profile.name);
        m_settings.setValue(QStringLiteral("host"), profile.settings.host);
        m_settings.setValue(QStringLiteral("port"), profile.settings.port);
        m_settings.setValue(QStringLiteral("database"), profile.settings.database);
        m_settings.setValue(QStringLiteral("sslMode"), profile.settings.sslMode);
        m_settings.setValue(QStringLiteral("sslRootCert"), profile.settings.sslRootCert);
    }
    m_settings.setValue(QStringLiteral("lastUser"), profile.lastUser);
    m_settings.endGroup();
}

void ServerProfiles::remove(const QString& name)
{
    if (name == kLocalName)
        return;
    m_settings.remove(groupFor(name));
}

QString ServerProfiles::lastUsed() const
{
    return m_settings.value(QStringLiteral("lastProfile"), QString(kLocalName)).toString();
}

void ServerProfiles::setLastUsed(const QString& name)
{
    m_settings.setValue(QStringLiteral("lastProfile"), name);
}

} // namespace mhero
