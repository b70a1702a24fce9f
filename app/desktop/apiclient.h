#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QVariant>
#include <QWebSocket>

#include <functional>

namespace synapscale {

// The result of one API call, already decoded for view-models and QML.
struct ApiReply {
    int status = 0;          // HTTP status, 0 when the server could not be reached
    QVariant data;           // decoded JSON body
    QString error;           // a sentence for people, empty on success
    bool ok() const { return status >= 200 && status < 300; }
};

// The one client every page uses to talk to a SynapScale server: the embedded one on loopback
// or a team server by URL. REST calls are asynchronous and carry the access token; the token is
// refreshed before it expires (and once more on a 401, then the call is retried). A WebSocket to
// /api/v1/ws/user (the signed-in user's events, instance-wide ones included) reconnects with backoff and re-authenticates; its frames arrive as
// eventReceived().
class ApiClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QUrl baseUrl READ baseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    Q_PROPERTY(QString connectionError READ connectionError NOTIFY connectionErrorChanged)
public:
    explicit ApiClient(QObject *parent); // not default-constructible: QML must use create()
    ~ApiClient() override;
    static ApiClient *create(QQmlEngine *, QJSEngine *);
    static void setInstance(ApiClient *client);

    // Points the client at a server with a signed-in session; reconnects the live channel.
    void configure(const QUrl &baseUrl, const QString &accessToken, const QString &refreshToken, int expiresIn);
    QUrl baseUrl() const { return m_baseUrl; }
    bool live() const { return m_live; }
    // Why there is no server to talk to (e.g. the embedded backend could not start); empty otherwise.
    QString connectionError() const { return m_connectionError; }
    void setConnectionError(const QString &message);

    using Callback = std::function<void(const ApiReply &)>;
    void get(const QString &path, QObject *context, Callback callback);
    void send(const QByteArray &verb, const QString &path, const QVariant &body, QObject *context, Callback callback);

    // For view-models that mirror server data: `refresh` runs once the client has a server (soon
    // after this call when it already has one) and again each time the live channel comes back,
    // so what changed while it was down is caught up. Stops with `receiver`.
    static void keepFresh(QObject *receiver, std::function<void()> refresh);

    // Turns a network failure or an API error body into words a person understands.
    static QString describeFailure(int status, QNetworkReply::NetworkError error, const QVariant &body);

Q_SIGNALS:
    void baseUrlChanged();
    void liveChanged();
    void connectionErrorChanged();
    void eventReceived(const QString &type, const QVariantMap &data);

private:
    void connectSocket();
    void refreshTokens(std::function<void(bool ok)> done);
    void setTokens(const QString &access, const QString &refresh, int expiresIn);
    void sendOnce(const QByteArray &verb, const QString &path, const QByteArray &payload, bool retryOn401, QObject *context,
                  Callback callback);
    void scheduleReconnect();
    void setLive(bool live);

    QNetworkAccessManager m_network;
    QWebSocket m_socket;
    QTimer m_reconnect;
    QTimer m_refreshTimer;
    bool m_refreshing = false;
    QList<std::function<void(bool)>> m_waitingForRefresh;
    int m_attempt = 0;
    QUrl m_baseUrl;
    QString m_accessToken;
    QString m_refreshToken;
    bool m_live = false;
    QString m_connectionError;
};

} // namespace synapscale
