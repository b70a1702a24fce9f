#include "desktopapp.h"

#include "core/logger.h"

#include <nlohmann/json.hpp>
#include "core/signalwatcher.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(SynapScalePlugin)

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SynapScale"));
    QGuiApplication::setApplicationName(QStringLiteral("SynapScale"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("SynapScale"));
    synapscale::DesktopApp::setUpQuick();

    synapscale::DesktopApp desktop;
    auto flags = QGuiApplication::arguments();
    flags.removeFirst();
    if (const int code = desktop.start(flags); code != 0)
        return code;
    if (auto *window = desktop.window()) {
        // Start-up time is measured to the first frame on screen (bench/README.md).
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [&sinceStart] {
            static bool once = false;
            if (once)
                return;
            once = true;
            synapscale::Log::write(synapscale::LogLevel::Info, QStringLiteral("window shown"),
                                   {{"startup_ms", sinceStart.elapsed()}});
        });
    }
    synapscale::SignalWatcher signals;
    QObject::connect(&signals, &synapscale::SignalWatcher::terminationRequested, &app, &QGuiApplication::quit);
    QObject::connect(&app, &QGuiApplication::aboutToQuit, &desktop, &synapscale::DesktopApp::stop);
    return QGuiApplication::exec();
}
