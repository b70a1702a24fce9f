#pragma once

#include "core/config.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace synapscale {

class BackendHost;

// Runs the backend inside the desktop process, on its own thread, bound to 127.0.0.1 on an
// ephemeral port with a token made fresh for this launch. The UI reaches it only through the
// API, exactly as it would reach a team server.
class EmbeddedBackend : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedBackend(QObject *parent = nullptr);
    ~EmbeddedBackend() override;

    // Starts the backend thread; emits ready() or failed() when it knows.
    void start(Config config);
    // Graceful stop; blocks until the backend thread has finished (bounded by SHUTDOWN_TIMEOUT).
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QByteArray token() const { return m_token; }

Q_SIGNALS:
    void ready(const QUrl &baseUrl, const QByteArray &token);
    void failed(const QString &message);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;   // context object living on m_thread
    BackendHost *m_host = nullptr; // lives on m_thread
    QUrl m_baseUrl;
    QByteArray m_token;
};

// Desktop defaults: loopback, any free port, readable logs, and signing keys the app generates
// once and keeps (0600) in its data folder, so nothing needs configuring to start.
ConfigSources desktopConfigSources(const QStringList &flags);

} // namespace synapscale
