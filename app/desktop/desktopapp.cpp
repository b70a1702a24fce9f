#include "desktopapp.h"

#include "apiclient.h"
#include "appsettings.h"
#include "core/logger.h"
#include "embeddedbackend.h"
#include "encryptionkeystore.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>

#include <cstdio>

namespace synapscale {

DesktopApp::DesktopApp(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>(nullptr))
    , m_api(std::make_unique<ApiClient>(nullptr))
    , m_backend(std::make_unique<EmbeddedBackend>())
    , m_keys(std::make_unique<EncryptionKeyStore>(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                                                  QCoreApplication::applicationName(), nullptr))
{
    AppSettings::setInstance(m_settings.get());
    ApiClient::setInstance(m_api.get());
    EncryptionKeyStore::setInstance(m_keys.get());
    connect(m_keys.get(), &EncryptionKeyStore::keyReady, m_backend.get(), &EmbeddedBackend::setEncryptionKey);
}

void DesktopApp::setUpQuick()
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    // The canvas's scalable (distance-field) text in grey antialiasing, not Qt's default
    // subpixel one: subpixel colour fringes are wrong on scaled text anyway, and the subpixel
    // shader samples three times per pixel — with software GL ~10 % of an editor frame. Read
    // when the scene graph starts, so before any window; a user's own setting wins.
    if (qEnvironmentVariableIsEmpty("QSG_DISTANCEFIELD_ANTIALIASING"))
        qputenv("QSG_DISTANCEFIELD_ANTIALIASING", "gray");
}

DesktopApp::~DesktopApp()
{
    stop();
    m_engine.reset();
    AppSettings::setInstance(nullptr);
    ApiClient::setInstance(nullptr);
    EncryptionKeyStore::setInstance(nullptr);
}

QQuickWindow *DesktopApp::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
}

int DesktopApp::start(const QStringList &flags)
{
    auto config = Config::load(desktopConfigSources(flags));
    if (!config) {
        std::fprintf(stderr, "synapscale: %s\n", qPrintable(config.error().message));
        return 2;
    }
    Log::configure(config->logFormat == LogFormat::Json, config->logLevel, config->secretValues());
    Log::installQtHandler();

    connect(m_backend.get(), &EmbeddedBackend::ready, this,
            [this](const QUrl &url, const QString &access, const QString &refresh, int expiresIn) {
                m_api->setConnectionError({});
                m_api->configure(url, access, refresh, expiresIn);
            });
    connect(m_backend.get(), &EmbeddedBackend::failed, this, [this](const QString &message) {
        m_api->setConnectionError(tr("The built-in server could not start: %1").arg(message));
    });
    const bool keyFromEnvironment = !config->encryptionKey.isEmpty();
    m_backend->start(std::move(config).value());
    m_keys->start(keyFromEnvironment);

    m_engine = std::make_unique<QQmlApplicationEngine>();
    // Qt 6.4 does not search qrc:/qt/qml for modules yet (6.5 does); without it `import SynapScale`
    // from a subfolder finds no module and its composite types are "not a type".
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_settings->setEngine(m_engine.get());
    QObject::connect(m_engine.get(), &QQmlApplicationEngine::objectCreationFailed, qApp, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/SynapScale/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return 1;
    return 0;
}

void DesktopApp::stop()
{
    if (m_backend)
        m_backend->stop();
}

} // namespace synapscale
