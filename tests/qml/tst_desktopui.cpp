// The real desktop UI against the real embedded backend, offscreen: it must load without a single
// QML warning, show the backend's health, and switch theme and language at run time.
#include "apiclient.h"
#include "appsettings.h"
#include "desktopapp.h"
#include "encryptionkeystore.h"
#include "support/fakeprovider.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
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

// By the visual tree: items made by a Repeater or a view are not QObject children of the page.
QQuickItem *findIn(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findIn(child, name))
            return found;
    return nullptr;
}

QQuickItem *findItem(QQuickWindow *window, const char *name)
{
    return findIn(window->contentItem(), QString::fromLatin1(name));
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
    test::FakeProvider m_fake;

    void click(const char *name, QQuickItem *within = nullptr)
    {
        QQuickWindow *window = m_app->window();
        auto *item = within ? findIn(within, QString::fromLatin1(name)) : findItem(window, name);
        QVERIFY2(item, name);
        QTRY_VERIFY2(item->isVisible() && item->isEnabled() && item->width() > 0, name);
        QTest::mouseClick(window, Qt::LeftButton, {}, item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    }
    void type(QQuickItem *field, const QString &text)
    {
        QVERIFY(field);
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        for (const QChar c : text) // QTest::keyClicks takes only widgets in Qt 6.4
            QTest::keyClick(m_app->window(), c.toLatin1());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qunsetenv("DATABASE_URL");
        qunsetenv("ENCRYPTION_KEY");
        // No keychain service here, no provider keys, and no Ollama: the app must say so.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        for (const char *name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY"})
            qunsetenv(name);
        qputenv("OLLAMA_BASE_URL", "http://127.0.0.1:9");
        qputenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
        m_fake.always("/v1/models", test::FakeReply::json(200, {{"object", "list"}, {"data", {{{"id", "gpt-fake"}}, {{"id", "gpt-fake-mini"}}}}}));
        DesktopApp::setUpQuick();
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

    void withoutAProviderTheChatPointsToSettings()
    {
        QQuickWindow *window = m_app->window();
        click("navChat");
        QTRY_COMPARE(window->property("currentPage").toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(findItem(window, "noProviderBanner")->isVisible(), 10000);
        saveScreenshot(window, QStringLiteral("chat-no-provider-light-en"));
        click("openSettingsButton");
        QTRY_COMPARE(window->property("currentPage").toInt(), 2);
    }

    void passphraseProtectsTheProviderKeyStoredInSettings()
    {
        QQuickWindow *window = m_app->window();
        window->setProperty("currentPage", 2);
        const int height = window->height();
        window->setHeight(1500); // the whole Settings page at once, nothing to scroll to
        // No keychain answers here: the app asks for a passphrase instead of storing keys in clear.
        QTRY_COMPARE_WITH_TIMEOUT(m_app->keys().state(), QStringLiteral("choose_passphrase"), 20000);
        auto *status = findItem(window, "encryptionStatus");
        QVERIFY(status->property("text").toString().contains(QLatin1String("cannot be stored")));
        QVERIFY(findItem(window, "encryptionMessage")->property("text").toString().contains(QLatin1String("passphrase")));

        auto *openai = findItem(window, "provider_openai");
        QVERIFY(openai);
        // Saving before the passphrase is chosen fails with the server's words.
        type(findIn(openai, QStringLiteral("apiKeyField")), QStringLiteral("sk-desktop-secret"));
        click("saveProviderButton", openai);
        auto *message = findIn(openai, QStringLiteral("providerMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10000);
        QVERIFY2(message->property("text").toString().contains(QLatin1String("encryption key")), qPrintable(message->property("text").toString()));

        type(findItem(window, "passphraseField"), QStringLiteral("a long desktop passphrase"));
        type(findItem(window, "passphraseConfirmation"), QStringLiteral("a long desktop passphrase"));
        click("unlockButton");
        QTRY_COMPARE_WITH_TIMEOUT(m_app->keys().state(), QStringLiteral("passphrase"), 20000);
        QTRY_VERIFY(status->property("text").toString().contains(QLatin1String("derived from your passphrase")));

        // Key and base URL (the fake provider) are stored; the provider becomes configured.
        openai = findItem(window, "provider_openai");
        type(findIn(openai, QStringLiteral("apiKeyField")), QStringLiteral("sk-desktop-secret"));
        auto *url = findIn(openai, QStringLiteral("baseUrlField"));
        url->setProperty("text", m_fake.url(QStringLiteral("/v1")));
        click("saveProviderButton", openai);
        QTRY_VERIFY_WITH_TIMEOUT(findItem(window, "provider_openai")->property("configured").toBool(), 10000);
        openai = findItem(window, "provider_openai");
        QCOMPARE(openai->property("keySource").toString(), QStringLiteral("credential"));
        QVERIFY(openai->property("hasStoredKey").toBool());
        QCOMPARE(openai->property("baseUrl").toString(), m_fake.url(QStringLiteral("/v1")));

        click("testProviderButton", openai);
        message = findIn(openai, QStringLiteral("providerMessage"));
        QTRY_VERIFY2_WITH_TIMEOUT(message->property("text").toString().startsWith(QLatin1String("Connected: 2 models")),
                                  qPrintable(message->property("text").toString()), 10000);
        QVERIFY(openai->property("messageOk").toBool());
        // The provider was asked with the stored key.
        QVERIFY(!m_fake.requests().isEmpty());
        QCOMPARE(m_fake.requests().last().headers.value("authorization"), QByteArray("Bearer sk-desktop-secret"));
        saveScreenshot(window, QStringLiteral("settings-providers-light-en"));

        // And the chat page no longer says that nothing is configured.
        window->setProperty("currentPage", 1);
        QTRY_VERIFY_WITH_TIMEOUT(!findItem(window, "noProviderBanner")->isVisible(), 10000);
        window->setHeight(height);
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
