// The editor with a large workflow: 500 nodes and 600 edges opened in the real EditorPage
// against a real embedded backend. Measures the time from openWorkflow() until the first frame
// showing all nodes (interactive), the time per frame while panning and while zooming (each
// step changes the view, then waits for the frame to be presented), and the process RSS.
// Run under Xvfb: see bench/README.md ("Desktop editor").
#include "api/backendhost.h"
#include "apiclient.h"
#include "appsettings.h"
#include "auth/authservice.h"
#include "desktopapp.h"
#include "support/apihost.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(SynapScalePlugin)

using namespace synapscale;
using nlohmann::json;

namespace {
long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// 500 nodes in a 25 x 20 grid: a trigger, then Set / IF / No-op nodes; 600 edges, all forward
// (from a lower to a higher index), so there is no cycle.
json bigWorkflow(int nodes, int edges)
{
    json n = json::array(), e = json::array();
    const char *types[] = {"core.set", "core.if", "core.noop", "core.filter"};
    for (int i = 0; i < nodes; ++i) {
        const std::string type = i == 0 ? "trigger.manual" : types[i % 4];
        n.push_back({{"id", "n" + std::to_string(i)}, {"type", type}, {"name", "Node " + std::to_string(i)},
                     {"position", {(i % 25) * 280, (i / 25) * 140}}});
    }
    for (int i = 1; i < nodes && int(e.size()) < edges; ++i)
        e.push_back({{"from", "n" + std::to_string(i - 1)}, {"to", "n" + std::to_string(i)}});
    for (int i = 0; int(e.size()) < edges; i += 5) {
        const int from = i % (nodes - 30), to = from + 26;
        e.push_back({{"from", "n" + std::to_string(from)}, {"to", "n" + std::to_string(to)}});
    }
    return {{"nodes", n}, {"edges", e}};
}

struct Stats {
    double median, p95, max;
};
Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}
} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    DesktopApp::setUpQuick();
    const int nodeCount = argc > 1 ? std::atoi(argv[1]) : 500;
    const int edgeCount = argc > 2 ? std::atoi(argv[2]) : 600;
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    const auto db = test::freshDatabase(QStringLiteral("sqlite"), home.path());
    quint16 port = 0;
    auto host = test::startHost(db, {{QStringLiteral("LOG_LEVEL"), QStringLiteral("critical")}}, &port);
    if (!host)
        return 1;
    auto session = host->auth().signInLocalUser({});
    ApiClient api(nullptr);
    ApiClient::setInstance(&api);
    api.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), session->accessToken, session->refreshToken, session->expiresIn);
    const auto created = test::callApi(port, "POST", QStringLiteral("/api/v1/workflows"), session->accessToken,
                                       {{"name", "Big"}, {"definition", bigWorkflow(nodeCount, edgeCount)}});
    const QString id = QString::fromStdString(created.json().value("id", std::string()));
    if (id.isEmpty()) {
        std::fprintf(stderr, "could not create the workflow: %s\n", created.body.constData());
        return 1;
    }
    const long rssBefore = rssKb();

    QQmlEngine engine;
    AppSettings settings(nullptr);
    settings.setLanguage(QStringLiteral("en"));
    settings.setEngine(&engine);
    AppSettings::setInstance(&settings);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport SynapScale\n"
                      "Window { width: 1400; height: 860; visible: true\n"
                      "  property alias page: page\n"
                      "  NodeCatalog { id: catalog }\n"
                      "  EditorPage { id: page; anchors.fill: parent; catalog: catalog } }",
                      QUrl(QStringLiteral("bench:editor")));
    if (component.isLoading())
        QTest::qWaitFor([&] { return !component.isLoading(); }, 10000);
    if (component.isError()) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(root.get());
    auto *page = root->property("page").value<QObject *>();
    auto *document = page->property("document").value<QObject *>();
    auto *canvas = page->property("canvas").value<QObject *>();
    auto *nodes = document->property("nodes").value<QObject *>();
    if (!QTest::qWaitFor([&] { return window->isExposed(); }, 10000))
        return 1;
    // The catalog first (it is loaded once per connection in the app, before any workflow opens).
    QTest::qWait(500);

    // BENCH_EMPTY=edgeLayer,minimap: those parts get no delegates at all (what they cost in memory).
    for (const QString &name : qEnvironmentVariable("BENCH_EMPTY").split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (auto *item = root->findChild<QQuickItem *>(name))
            for (QObject *child : item->children())
                if (QByteArray(child->metaObject()->className()).contains("Repeater"))
                    child->setProperty("model", QVariant());
    int frames = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, [&] { ++frames; });
    QElapsedTimer clock;
    clock.start();
    QMetaObject::invokeMethod(page, "openWorkflow", Q_ARG(QVariant, id));
    if (!QTest::qWaitFor([&] { return nodes->property("count").toInt() == nodeCount; }, 30000)) {
        std::fprintf(stderr, "the workflow did not load\n");
        return 1;
    }
    const int framesAtLoad = frames;
    QTest::qWaitFor([&] { return frames > framesAtLoad; }, 10000);
    const double interactiveMs = clock.nsecsElapsed() / 1e6;
    const long rssOpen = rssKb();

    // One view change, then wait until it is on screen.
    auto frameAfter = [&](auto change) {
        const int before = frames;
        QElapsedTimer t;
        t.start();
        change();
        window->update();
        QTest::qWaitFor([&] { return frames > before; }, 2000);
        return t.nsecsElapsed() / 1e6;
    };
    // BENCH_HIDE=grid,edgeLayer,minimap: leave parts out, to see what each costs.
    for (const QString &name : qEnvironmentVariable("BENCH_HIDE").split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (auto *item = root->findChild<QQuickItem *>(name))
            item->setVisible(false);
    canvas->setProperty("zoom", 0.6);
    QTest::qWait(200);
    std::vector<double> pan, zoom;
    for (int i = 0; i < 240; ++i)
        pan.push_back(frameAfter([&] { canvas->setProperty("panX", canvas->property("panX").toDouble() - 12); }));
    for (int i = 0; i < 120; ++i) {
        const double factor = i < 60 ? 1.02 : 1 / 1.02;
        zoom.push_back(frameAfter([&] {
            QMetaObject::invokeMethod(canvas, "zoomAt", Q_ARG(QVariant, 700.0), Q_ARG(QVariant, 430.0), Q_ARG(QVariant, factor));
        }));
    }
    const long rssAfter = rssKb();
    const Stats p = stats(pan), z = stats(zoom);
    std::printf("editor with %d nodes / %d edges (%s)\n", nodeCount, edgeCount,
                qPrintable(QQuickWindow::sceneGraphBackend().isEmpty() ? QStringLiteral("default scene graph backend")
                                                                       : QQuickWindow::sceneGraphBackend()));
    std::printf("  open -> interactive: %.0f ms\n", interactiveMs);
    std::printf("  pan frames:  median %.1f ms  p95 %.1f ms  max %.1f ms  (%zu frames)\n", p.median, p.p95, p.max, pan.size());
    std::printf("  zoom frames: median %.1f ms  p95 %.1f ms  max %.1f ms  (%zu frames)\n", z.median, z.p95, z.max, zoom.size());
    std::printf("  RSS: %.0f MB before the editor, %.0f MB open, %.0f MB after panning and zooming\n", rssBefore / 1024.0,
                rssOpen / 1024.0, rssAfter / 1024.0);
    root.reset();
    return 0;
}
