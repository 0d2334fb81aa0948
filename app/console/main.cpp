// mhero-console: the call-center console. On this computer's own database it also runs the
// sync engine (engine/), which the ui library cannot reach otherwise.
#include "ConsoleApplication.h"
#include "engine/SyncEngine.h"

int main(int argc, char* argv[])
{
    return mhero::ui::ConsoleApplication::main(argc, argv, mhero::engine::localEngineFactory());
}
