#pragma once

class QCoreApplication;

namespace mhero::engine {

/// mhero-server's command line and main loop: connects with the service account, checks the
/// schema, holds the connection (reconnecting when the server goes away) and runs the sync
/// engine's jobs. Returns the process exit code.
int runServer(QCoreApplication& app);

} // namespace mhero::engine
