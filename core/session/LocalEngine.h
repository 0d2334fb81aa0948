#pragma once

#include "db/ConnectionSettings.h"

#include <QString>

#include <functional>
#include <memory>

namespace mhero {

/// The console's only handle on a sync engine: on this computer's private cluster no mhero-server
/// is deployed, so the console runs one for as long as someone is signed in. The engine itself
/// (engine/, library mhero_engine) is not linked into the ui library: mhero-console's main()
/// hands ConsoleApplication a factory, so no widget code can reach the engine's jobs.
class LocalEngine
{
public:
    virtual ~LocalEngine() = default;
    /// Starts the jobs on threads of their own; returns at once.
    virtual void start() = 0;
    /// Stops the jobs and waits for their threads (their sessions and locks end).
    virtual void stop() = 0;

protected:
    LocalEngine() = default;
    LocalEngine(const LocalEngine&) = delete;
    LocalEngine& operator=(const LocalEngine&) = delete;
};

/// Makes an engine that connects with @p owner (the local cluster's owner) and keeps its key in
/// @p keyPath. Empty: this console runs no engine (tests that need none).
using LocalEngineFactory = std::function<std::unique_ptr<LocalEngine>(const ConnectionSettings& owner, const QString& keyPath)>;

} // namespace mhero
