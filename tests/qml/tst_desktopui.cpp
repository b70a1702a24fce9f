// The real desktop UI against the real embedded backend, offscreen: it must load without a single
// QML warning, show the backend's health, and switch theme and language at run time.
#include "apiclient.h"
#include "appsettings.h"
#include "desktopapp.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(SynapScalePlugin)

using namespace synapscale;

namespace {
QStringList g_warnings;

void recordWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings << message;
}

QQuickItem *findItem(QQuickWindow *window, const char *name)
{
    return window->findChild<QQuickItem *>(QString::fromLatin1(name));
}

void saveScreenshot(QQuickWindow *window, const QString &name)
{
    QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
    const QImage image = window->grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QStringLiteral(SCREENSHOT_DIR "/%1.png").arg(name)));
}
} // namespace

class TestDesktopUi : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;
    std::unique_ptr<DesktopApp> m_app;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qunsetenv("DATABASE_URL");
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_app = std::make_unique<DesktopApp>();
        m_app->settings().setLanguage(QStringLiteral("en"));
        m_app->settings().setTheme(QStringLiteral("light"));
        QCOMPARE(m_app->start({}), 0);
        qInstallMessageHandler(recordWarnings);
        QVERIFY(m_app->window());
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        m_app.reset();
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
    }

    void showsTheEmbeddedBackendsHealth()
    {
        QQuickWindow *window = m_app->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->api().baseUrl().isValid(), 10000);
        QCOMPARE(m_app->api().baseUrl().host(), QStringLiteral("127.0.0.1"));
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->api().live(), 10000);
        qDebug() << "live after" << t.elapsed();
        auto *badge = findItem(window, "healthBadge");
        QVERIFY(badge);
        QTRY_COMPARE_WITH_TIMEOUT(badge->property("level").toString(), QStringLiteral("ok"), 10000);
        QCOMPARE(badge->property("label").toString(), QStringLiteral("Healthy"));
        auto *database = findItem(window, "databaseRow");
        QCOMPARE(database->property("value").toString(), QStringLiteral("SQLite (embedded)"));
        QVERIFY(!findItem(window, "connectionBanner")->isVisible());
        saveScreenshot(window, QStringLiteral("home-light-en"));
    }

    void switchesThemeAndLanguageAtRunTime()
    {
        QQuickWindow *window = m_app->window();
        const QColor lightBackground = window->color();
        auto *nav = findItem(window, "navSettings");
        QVERIFY(nav);
        QCOMPARE(nav->property("text").toString(), QStringLiteral("Settings"));
        QTest::mouseClick(window, Qt::LeftButton, {}, nav->mapToScene(QPointF(nav->width() / 2, nav->height() / 2)).toPoint());
        QTRY_COMPARE(window->property("currentPage").toInt(), 2);

        auto *dark = findItem(window, "darkTheme");
        QVERIFY(dark);
        QTRY_VERIFY(dark->isVisible() && dark->width() > 0);
        QTest::mouseClick(window, Qt::LeftButton, {}, dark->mapToScene(QPointF(20, dark->height() / 2)).toPoint());
        QTRY_VERIFY(m_app->settings().dark());
        QVERIFY(window->color() != lightBackground);
        saveScreenshot(window, QStringLiteral("settings-dark-en"));

        m_app->settings().setLanguage(QStringLiteral("pt_BR"));
        QTRY_COMPARE(nav->property("text").toString(), QStringLiteral("Configurações"));
        QCOMPARE(findItem(window, "navHome")->property("text").toString(), QStringLiteral("Início"));
        QCOMPARE(findItem(window, "languageBox")->property("currentValue").toString(), QStringLiteral("pt_BR"));
        saveScreenshot(window, QStringLiteral("settings-dark-pt_BR"));

        window->setProperty("currentPage", 0);
        QTRY_COMPARE(findItem(window, "healthBadge")->property("label").toString(), QStringLiteral("Saudável"));
        saveScreenshot(window, QStringLiteral("home-dark-pt_BR"));

        m_app->settings().setLanguage(QStringLiteral("en"));
        m_app->settings().setTheme(QStringLiteral("light"));
        QTRY_COMPARE(nav->property("text").toString(), QStringLiteral("Settings"));
        QCOMPARE(window->color(), lightBackground);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SynapScaleTest"));
    QGuiApplication::setApplicationName(QStringLiteral("SynapScaleTest"));
    TestDesktopUi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktopui.moc"
