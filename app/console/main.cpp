// mhero-console: the call-center console.
#include "ConsoleApplication.h"

int main(int argc, char* argv[])
{
    return mhero::ui::ConsoleApplication::main(argc, argv);
}
