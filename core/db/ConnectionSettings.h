#pragma once

#include "Result.h"

#include <QMap>
#include <QString>

class QSqlDatabase;

namespace mhero {

/// Where and as whom to connect to PostgreSQL. Built from a libpq connection string
/// ("host=… dbname=…" or "postgresql://…"), from the sign-in dialog, or from the local cluster.
/// Empty fields are left to libpq, so the standard PG* environment variables and ~/.pgpass apply.
struct ConnectionSettings
{
    QString host; ///< host name, IP address, or a Unix-socket directory (starts with '/')
    int port = 0; ///< 0: libpq's default (PGPORT or 5432)
    QString database;
    QString user;
    QString password; ///< never persisted; the keychain holds remembered passwords
    QString sslMode; ///< disable, allow, prefer, require, verify-ca, verify-full; empty: libpq default
    QString sslRootCert;
    QString applicationName;
    int connectTimeoutSeconds = 10;
    QMap<QString, QString> extraOptions; ///< any other libpq keyword (sslcert, target_session_attrs, …)

    /// Parses a libpq connection string with libpq's own parser (PQconninfoParse).
    static Result<ConnectionSettings> fromConnInfo(const QString& connInfo);

    /// A libpq connection string with every set field, values quoted as libpq requires.
    /// The password is included only when @p withPassword is true.
    [[nodiscard]] QString toConnInfo(bool withPassword = false) const;

    /// Short human description, "user@host:port/db", never with the password.
    [[nodiscard]] QString describe() const;

    /// Configures a QPSQL connection with these settings.
    void applyTo(QSqlDatabase& db) const;

    bool operator==(const ConnectionSettings&) const = default;
};

/// Quotes a value for a libpq connection string (single quotes, backslash escapes) when needed.
QString quoteConnInfoValue(const QString& value);

} // namespace mhero
