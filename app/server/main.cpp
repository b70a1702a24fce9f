#include "servercli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // The headless server needs no GLib main loop (nothing here integrates with one), and Qt's
    // own poll()-based dispatcher costs less per socket event: webhooks at c=50, alternated
    // runs, +4 % requests/s. An explicit QT_NO_GLIB from the environment still wins.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SynapScale"));
    QCoreApplication::setApplicationName(QStringLiteral("SynapScale"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNAPSCALE_VERSION));
    auto args = QCoreApplication::arguments();
    args.removeFirst();
    return synapscale::runServerCli(args);
}
