// mhero-console: the call-center console.
#include "ConsoleApplication.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return mhero::ui::ConsoleApplication::run(app);
}
