#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"
#include "db/LocalCluster.h"

#include <QDir>
#include <QTextStream>

namespace mhero::bench {

/// The benchmarks' own private cluster (never the demo one), created on first use in @p dir and
/// migrated; @p database is created if missing.
inline Result<ConnectionSettings> benchDatabase(const QString& dir, const QString& database, QTextStream& out)
{
    const LocalCluster cluster(dir);
    if (!cluster.exists()) {
        out << "creating the benchmark cluster in " << dir << " …\n";
        out.flush();
        LocalCluster::InitOptions options;
        if (Status status = cluster.init(options); !status)
            return status.error();
    }
    auto prepared = cluster.prepare(database);
    if (!prepared)
        return prepared.error();
    return cluster.superuserSettings(database);
}

inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values.at(static_cast<size_t>(p * double(values.size() - 1)));
}

} // namespace mhero::bench
