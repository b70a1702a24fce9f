#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace synapscale {

class ApiClient;
class AppSettings;
class EmbeddedBackend;
class EncryptionKeyStore;

// The desktop application minus main(): services, the embedded backend, and the QML engine.
// Tests build one to load the real UI against a real backend.
class DesktopApp : public QObject {
    Q_OBJECT
public:
    explicit DesktopApp(QObject *parent = nullptr);
    ~DesktopApp() override;

    // How every window of the app (and its tests and benchmarks) draws: the Material style, and
    // the UI's text rendered natively (hinted glyphs, cheaper to draw than distance fields
    // with software GL). Canvas text that zooms asks for distance fields itself. Call before
    // the first window.
    static void setUpQuick();

    // Loads the configuration (flags > environment > .env > desktop defaults), starts the
    // backend thread and loads Main.qml. Returns a process exit code when start-up is impossible.
    int start(const QStringList &flags);
    QQmlApplicationEngine &engine() { return *m_engine; }
    QQuickWindow *window() const;
    ApiClient &api() { return *m_api; }
    AppSettings &settings() { return *m_settings; }
    EncryptionKeyStore &keys() { return *m_keys; }
    void stop();

private:
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<EmbeddedBackend> m_backend;
    std::unique_ptr<EncryptionKeyStore> m_keys;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

} // namespace synapscale
