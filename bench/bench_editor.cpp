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
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>

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

// Runs the event loop until the window has presented a frame after `before` frames. Not
// QTest::qWaitFor: it sleeps 10 ms between checks, which rounded every frame up to 10 or 20 ms.
bool waitForFrame(QQuickWindow *window, const std::atomic<int> &frames, int before, int timeoutMs)
{
    QEventLoop loop;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (frames.load() == before)
        loop.exec();
    return frames.load() > before;
}

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
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

    // BENCH_SIZE=1100x720 (the app's first window) or any other; 1400 x 860 by default.
    const QStringList sizeParts = qEnvironmentVariable("BENCH_SIZE", QStringLiteral("1400x860")).split(QLatin1Char('x'));
    const QSize size(sizeParts.value(0).toInt(), sizeParts.value(1).toInt());
    if (size.width() < 400 || size.height() < 300) {
        std::fprintf(stderr, "BENCH_SIZE must be WIDTHxHEIGHT, at least 400x300\n");
        return 1;
    }
    QQmlEngine engine;
    AppSettings settings(nullptr);
    settings.setLanguage(QStringLiteral("en"));
    settings.setEngine(&engine);
    AppSettings::setInstance(&settings);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport SynapScale\n"
                      "Window { width: " + QByteArray::number(size.width()) + "; height: " + QByteArray::number(size.height()) +
                      "; visible: true; color: Theme.background\n"
                      "  property alias page: page\n"
                      "  NodeCatalog { id: catalog }\n"
                      "  EditorPage { id: page; anchors.fill: parent; catalog: catalog } }",
                      QUrl(QStringLiteral("bench:editor")));
    if (component.isLoading() && !QTest::qWaitFor([&] { return !component.isLoading(); }, 10000)) {
        std::fprintf(stderr, "the editor did not load\n");
        return 1;
    }
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
    auto *canvasItem = qobject_cast<QQuickItem *>(canvas);
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
    // Counted on the render thread (where frameSwapped is emitted), with the render thread's own
    // time per frame: from the scene's sync with the GUI thread until the swap.
    std::atomic<int> frames = 0;
    std::atomic<qint64> syncStartNs = 0, renderNs = 0;
    QElapsedTimer renderClock;
    renderClock.start();
    QObject::connect(window, &QQuickWindow::beforeSynchronizing, window, [&] { syncStartNs = renderClock.nsecsElapsed(); },
                     Qt::DirectConnection);
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        renderNs = renderClock.nsecsElapsed() - syncStartNs;
        ++frames;
    }, Qt::DirectConnection);
    QElapsedTimer clock;
    clock.start();
    QMetaObject::invokeMethod(page, "openWorkflow", Q_ARG(QVariant, id));
    if (!QTest::qWaitFor([&] { return nodes->property("count").toInt() == nodeCount; }, 30000)) {
        std::fprintf(stderr, "the workflow did not load\n");
        return 1;
    }
    waitForFrame(window, frames, frames.load(), 10000);
    const double interactiveMs = clock.nsecsElapsed() / 1e6;
    const long rssOpen = rssKb();

    // One view change, then wait until it is on screen.
    std::vector<double> renderTimes;
    auto frameAfter = [&](auto change) {
        const int before = frames;
        QElapsedTimer t;
        t.start();
        change();
        window->update();
        waitForFrame(window, frames, before, 2000);
        renderTimes.push_back(renderNs.load() / 1e6);
        return t.nsecsElapsed() / 1e6;
    };
    // BENCH_HIDE=grid,edgeLayer,minimap: leave parts out, to see what each costs.
    for (const QString &name : qEnvironmentVariable("BENCH_HIDE").split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (auto *item = name == QLatin1String("header") ? page->property("header").value<QQuickItem *>()
                                                         : root->findChild<QQuickItem *>(name))
            item->setVisible(false);
    canvas->setProperty("zoom", 0.6);
    QTest::qWait(200);
    std::vector<double> pan, zoom;
    const size_t panFrames = 240;
    const double cpuBeforePan = processCpuMs();
    for (size_t i = 0; i < panFrames; ++i)
        pan.push_back(frameAfter([&] { canvas->setProperty("panX", canvas->property("panX").toDouble() - 12); }));
    const double cpuPan = processCpuMs() - cpuBeforePan;
    for (int i = 0; i < 120; ++i) {
        const double factor = i < 60 ? 1.02 : 1 / 1.02;
        zoom.push_back(frameAfter([&] {
            QMetaObject::invokeMethod(canvas, "zoomAt", Q_ARG(QVariant, canvasItem->width() / 2), Q_ARG(QVariant, canvasItem->height() / 2), Q_ARG(QVariant, factor));
        }));
    }
    const double cpuZoom = processCpuMs() - cpuBeforePan - cpuPan;
    const long rssAfter = rssKb();
    // BENCH_SHOT=file.png: what the last frame showed.
    if (const QString shot = qEnvironmentVariable("BENCH_SHOT"); !shot.isEmpty())
        window->grabWindow().save(shot);
    const Stats p = stats(pan), z = stats(zoom);
    const Stats pr = stats({renderTimes.begin(), renderTimes.begin() + panFrames}),
                zr = stats({renderTimes.begin() + panFrames, renderTimes.end()});
    std::printf("editor with %d nodes / %d edges, %dx%d window (%s)\n", nodeCount, edgeCount, size.width(), size.height(),
                qPrintable(QQuickWindow::sceneGraphBackend().isEmpty() ? QStringLiteral("default scene graph backend")
                                                                       : QQuickWindow::sceneGraphBackend()));
    std::printf("  open -> interactive: %.0f ms\n", interactiveMs);
    std::printf("  pan frames:  median %.1f ms  p95 %.1f ms  max %.1f ms  (%zu frames)\n", p.median, p.p95, p.max, pan.size());
    std::printf("  zoom frames: median %.1f ms  p95 %.1f ms  max %.1f ms  (%zu frames)\n", z.median, z.p95, z.max, zoom.size());
    std::printf("  render thread per frame (sync -> swap): pan median %.1f ms p95 %.1f ms, zoom median %.1f ms p95 %.1f ms\n",
                pr.median, pr.p95, zr.median, zr.p95);
    // All threads (GUI, render, llvmpipe's rasterizers): steadier than wall time on a shared machine.
    std::printf("  CPU per frame (all threads): pan %.1f ms, zoom %.1f ms\n", cpuPan / pan.size(), cpuZoom / zoom.size());
    std::printf("  RSS: %.0f MB before the editor, %.0f MB open, %.0f MB after panning and zooming\n", rssBefore / 1024.0,
                rssOpen / 1024.0, rssAfter / 1024.0);
    root.reset();
    return 0;
}
