// QtQuickTest of the chat view (tst_chatview.qml): the real ChatPage against a real backend on
// 127.0.0.1 whose OpenAI provider is the fake provider server speaking the real wire protocol.
// The QML side scripts the fake's replies through `fake` and drives the page by mouse and keys.
#include "api/backendhost.h"
#include "apiclient.h"
#include "appsettings.h"
#include "auth/authservice.h"
#include "desktopapp.h"
#include "encryptionkeystore.h"
#include "support/apihost.h"
#include "support/fakeprovider.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(SynapScalePlugin)

using namespace synapscale;
using namespace synapscale::test;

// What the QML test may ask of the world outside the page.
class FakeControl : public QObject {
    Q_OBJECT
public:
    FakeControl(FakeProvider &fake, quint16 apiPort, QString token) : m_fake(fake), m_port(apiPort), m_token(std::move(token)) {}

    // A streamed OpenAI reply made of these deltas, one event every `gapMs`.
    Q_INVOKABLE void replyWith(const QStringList &deltas, int gapMs = 0)
    {
        FakeReply reply;
        reply.pieces = {FakeProvider::openAiText(deltas, 12, int(deltas.size()))};
        reply.splitByEvent();
        reply.gapMs = gapMs;
        m_fake.enqueue(reply);
    }
    // A reply whose connection drops after its deltas, before it finishes.
    Q_INVOKABLE void replyThenDrop(const QStringList &deltas)
    {
        QByteArray stream = FakeProvider::openAiText(deltas, 5, 5);
        stream.truncate(stream.lastIndexOf("data: ", stream.indexOf("\"finish_reason\":\"stop\"")));
        FakeReply reply;
        reply.pieces = {stream};
        reply.splitByEvent();
        reply.gapMs = 20;
        reply.drop = true;
        m_fake.enqueue(reply);
    }
    Q_INVOKABLE void callCalculator(const QString &expression)
    {
        FakeReply reply;
        reply.pieces = {FakeProvider::openAiToolCall(QStringLiteral("call_1"), QStringLiteral("calculator"),
                                                     {QStringLiteral("{\"expression\":"), QStringLiteral("\"%1\"}").arg(expression)})};
        m_fake.enqueue(reply);
    }
    Q_INVOKABLE int requestCount() const { return int(m_fake.requests().size()); }
    // The messages the provider was sent last, as text: "role: content" lines.
    Q_INVOKABLE QString lastPrompt() const
    {
        QStringList lines;
        for (auto it = m_fake.requests().crbegin(); it != m_fake.requests().crend(); ++it) {
            const auto body = it->json();
            if (!body.is_object() || !body.contains("messages"))
                continue;
            for (const auto &m : body["messages"])
                lines << QString::fromStdString(m.value("role", std::string()) + ": " + (m["content"].is_string() ? m["content"].get<std::string>() : std::string()));
            break;
        }
        return lines.join(QLatin1Char('\n'));
    }
    Q_INVOKABLE QString clipboardText() const { return QGuiApplication::clipboard()->text(); }
    // An agent with the calculator tool, made through the API; returns its id.
    Q_INVOKABLE QString createCalculatorAgent()
    {
        const auto r = callApi(m_port, "POST", QStringLiteral("/api/v1/agents"), m_token,
                               {{"name", "Calculator agent"}, {"provider", "openai"}, {"model", "gpt-test"},
                                {"tools", {{{"type", "builtin"}, {"name", "calculator"}}}}});
        return QString::fromStdString(r.json().value("id", std::string()));
    }

    // A workflow with a Chat Trigger that answers "Echo: <message>"; returns its id.
    Q_INVOKABLE QString createEchoWorkflow()
    {
        const nlohmann::json definition = {
            {"nodes", {{{"id", "c"}, {"name", "Chat"}, {"type", "trigger.chat"}},
                       {{"id", "s"}, {"name", "Answer"}, {"type", "core.set"},
                        {"parameters", {{"includeOtherFields", false}, {"fields", {{{"name", "output"}, {"value", "Echo: {{ $json.message }}"}}}}}}}}},
            {"edges", {{{"from", "c"}, {"to", "s"}}}}};
        const auto r = callApi(m_port, "POST", QStringLiteral("/api/v1/workflows"), m_token, {{"name", "Echo"}, {"definition", definition}});
        return QString::fromStdString(r.json().value("id", std::string()));
    }

private:
    FakeProvider &m_fake;
    quint16 m_port;
    QString m_token;
};

class Setup : public QObject {
    Q_OBJECT
public:
    Setup() = default;

public Q_SLOTS:
    // Setup is built before the application object: sockets and timers are made here.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        m_fakeProvider = std::make_unique<FakeProvider>();
        FakeProvider &m_fake = *m_fakeProvider;
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        DesktopApp::setUpQuick();
        m_fake.always("/v1/models", FakeReply::json(200, {{"object", "list"}, {"data", {{{"id", "gpt-test"}}, {{"id", "gpt-other"}}}}}));
        const TestDatabase db = freshDatabase(QStringLiteral("sqlite"), m_home.path());
        m_host = startHost(db, {{QStringLiteral("OPENAI_BASE_URL"), m_fake.url(QStringLiteral("/v1"))},
                                {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test")},
                                {QStringLiteral("OLLAMA_BASE_URL"), QStringLiteral("http://127.0.0.1:9")},
                                {QStringLiteral("ANTHROPIC_API_KEY"), QString()},
                                {QStringLiteral("GOOGLE_API_KEY"), QString()}},
                           &m_port);
        Q_ASSERT(m_host);
        auto session = m_host->auth().signInLocalUser({});
        Q_ASSERT(session.ok());
        m_settings = std::make_unique<AppSettings>(nullptr);
        m_settings->setLanguage(QStringLiteral("en"));
        m_settings->setTheme(QStringLiteral("light"));
        m_settings->setEngine(engine);
        AppSettings::setInstance(m_settings.get());
        m_keys = std::make_unique<EncryptionKeyStore>(m_home.path(), QStringLiteral("SynapScaleTest"), nullptr);
        EncryptionKeyStore::setInstance(m_keys.get());
        m_api = std::make_unique<ApiClient>(nullptr);
        ApiClient::setInstance(m_api.get());
        m_api->configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), session->accessToken, session->refreshToken, session->expiresIn);
        m_control = std::make_unique<FakeControl>(m_fake, m_port, session->accessToken);
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("fake"), m_control.get());
    }
    void cleanupTestCase()
    {
        m_control.reset();
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<FakeProvider> m_fakeProvider;
    std::unique_ptr<BackendHost> m_host;
    quint16 m_port = 0;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<EncryptionKeyStore> m_keys;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<FakeControl> m_control;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_chatview, Setup)

#include "tst_chatview.moc"
