#pragma once

#include "core/config.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace synapscale {

class BackendHost;

// Runs the backend inside the desktop process, on its own thread, bound to 127.0.0.1 on an
// ephemeral port, and signs the local user in with a fresh session at every launch. The UI
// reaches it only through the API and its tokens, exactly as it would reach a team server.
class EmbeddedBackend : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedBackend(QObject *parent = nullptr);
    ~EmbeddedBackend() override;

    // Starts the backend thread; emits ready() or failed() when it knows.
    void start(Config config);
    // Graceful stop; blocks until the backend thread has finished (bounded by SHUTDOWN_TIMEOUT).
    void stop();
    // Credentials become usable once the key is known (keychain or passphrase, after start-up).
    void setEncryptionKey(const QByteArray &key);

    QUrl baseUrl() const { return m_baseUrl; }

Q_SIGNALS:
    void ready(const QUrl &baseUrl, const QString &accessToken, const QString &refreshToken, int expiresIn);
    void failed(const QString &message);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;   // context object living on m_thread
    BackendHost *m_host = nullptr; // lives on m_thread
    QByteArray m_encryptionKey;    // used on m_thread only
    QUrl m_baseUrl;
};

// Desktop defaults: loopback, any free port, readable logs, and signing keys the app generates
// once and keeps (0600) in its data folder, so nothing needs configuring to start.
ConfigSources desktopConfigSources(const QStringList &flags);

} // namespace synapscale
