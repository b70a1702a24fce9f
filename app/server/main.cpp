#include "servercli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SynapScale"));
    QCoreApplication::setApplicationName(QStringLiteral("SynapScale"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNAPSCALE_VERSION));
    auto args = QCoreApplication::arguments();
    args.removeFirst();
    return synapscale::runServerCli(args);
}
