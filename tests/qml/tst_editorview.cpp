// QtQuickTest of the workflow editor (tst_editorview.qml): the real EditorPage against a real
// backend on 127.0.0.1, driven by mouse and keys — add from the palette, connect by dragging
// between ports (and an invalid link refused), move, delete, undo/redo, copy/paste, run.
#include "api/backendhost.h"
#include "apiclient.h"
#include "appsettings.h"
#include "auth/authservice.h"
#include "desktopapp.h"
#include "support/apihost.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(SynapScalePlugin)

using namespace synapscale;
using namespace synapscale::test;

// What the QML test may ask of the server directly (to set up and to check what was stored).
class ServerControl : public QObject {
    Q_OBJECT
public:
    ServerControl(quint16 port, QString token) : m_port(port), m_token(std::move(token)) {}

    // Creates a workflow from a JSON definition; returns its id.
    Q_INVOKABLE QString createWorkflow(const QString &name, const QVariantMap &definition)
    {
        const auto def = nlohmann::json::parse(QJsonDocument::fromVariant(definition).toJson().toStdString());
        const auto r = callApi(m_port, "POST", QStringLiteral("/api/v1/workflows"), m_token, {{"name", name.toStdString()}, {"definition", def}});
        return QString::fromStdString(r.json().value("id", std::string()));
    }
    // Saves a new version over `version`, as another client would.
    Q_INVOKABLE bool updateWorkflow(const QString &id, const QVariantMap &definition, int version)
    {
        const auto def = nlohmann::json::parse(QJsonDocument::fromVariant(definition).toJson().toStdString());
        const auto r = callApi(m_port, "PUT", QStringLiteral("/api/v1/workflows/") + id, m_token,
                               {{"name", "Editor view test"}, {"definition", def}, {"version", version}});
        return r.status == 200;
    }
    // The stored workflow, as the API returns it.
    Q_INVOKABLE QVariantMap workflow(const QString &id)
    {
        const auto r = callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + id, m_token);
        return QJsonDocument::fromJson(r.body).object().toVariantMap();
    }

private:
    quint16 m_port;
    QString m_token;
};

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    // Built before the application object: sockets are made here, not in the constructor.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        DesktopApp::setUpQuick();
        const TestDatabase db = freshDatabase(QStringLiteral("sqlite"), m_home.path());
        // Credentials are stored encrypted: the picker tests create some.
        m_host = startHost(db, {{QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")}}, &m_port);
        Q_ASSERT(m_host);
        auto session = m_host->auth().signInLocalUser({});
        Q_ASSERT(session.ok());
        m_settings = std::make_unique<AppSettings>(nullptr);
        m_settings->setLanguage(QStringLiteral("en"));
        m_settings->setTheme(QStringLiteral("light"));
        m_settings->setEngine(engine);
        AppSettings::setInstance(m_settings.get());
        m_api = std::make_unique<ApiClient>(nullptr);
        ApiClient::setInstance(m_api.get());
        m_api->configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), session->accessToken, session->refreshToken, session->expiresIn);
        m_control = std::make_unique<ServerControl>(m_port, session->accessToken);
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("server"), m_control.get());
    }
    void cleanupTestCase() { m_control.reset(); }

private:
    QTemporaryDir m_home;
    std::unique_ptr<BackendHost> m_host;
    quint16 m_port = 0;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ServerControl> m_control;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_editorview, Setup)

#include "tst_editorview.moc"
