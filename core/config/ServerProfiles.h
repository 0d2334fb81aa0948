#pragma once

#include "db/ConnectionSettings.h"

#include <QList>
#include <QString>

class QSettings;

namespace mhero {

/// A database the console can sign in to: this computer's private cluster, or a named shared
/// server. Never holds a password (the OS keychain does, when the user asks).
struct ServerProfile
{
    QString name; ///< unique, shown in the sign-in dialog
    bool local = false; ///< this computer's private cluster (LocalCluster)
    ConnectionSettings settings; ///< host, port, database, TLS; user and password left empty
    QString lastUser;

    bool operator==(const ServerProfile&) const = default;
};

/// The workstation's server profiles, kept in QSettings ("profiles/…"). The local profile is
/// always there, first.
class ServerProfiles final
{
public:
    static constexpr QLatin1StringView kLocalName{"local"};

    explicit ServerProfiles(QSettings& settings);

    [[nodiscard]] QList<ServerProfile> all() const;
    [[nodiscard]] std::optional<ServerProfile> find(const QString& name) const;
    void save(const ServerProfile& profile);
    void remove(const QString& name);

    [[nodiscard]] QString lastUsed() const;
    void setLastUsed(const QString& name);

private:
    QSettings& m_settings;
};

} // namespace mhero
