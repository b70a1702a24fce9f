#include "apiclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

namespace synapscale {

namespace {
ApiClient *g_instance = nullptr;
constexpr int kMaxBackoffMs = 30000;
} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refreshTokens([](bool) {}); });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &ApiClient::connectSocket);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        const QJsonDocument auth(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")},
                                             {QStringLiteral("token"), m_accessToken}});
        m_socket.sendTextMessage(QString::fromUtf8(auth.toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        setLive(false);
        scheduleReconnect();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const auto frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("auth.ok"))
            setLive(true);
        Q_EMIT eventReceived(type, frame.value(QStringLiteral("data")).toObject().toVariantMap());
    });
}

ApiClient::~ApiClient()
{
    // The socket outlives the timers (member order); its last signals must not reach them.
    m_socket.disconnect(this);
    m_socket.abort();
}

ApiClient *ApiClient::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void ApiClient::setInstance(ApiClient *client)
{
    g_instance = client;
}

void ApiClient::configure(const QUrl &baseUrl, const QString &accessToken, const QString &refreshToken, int expiresIn)
{
    m_baseUrl = baseUrl;
    setTokens(accessToken, refreshToken, expiresIn);
    Q_EMIT baseUrlChanged();
    m_attempt = 0;
    m_socket.abort();
    connectSocket();
}

void ApiClient::setConnectionError(const QString &message)
{
    if (message == m_connectionError)
        return;
    m_connectionError = message;
    Q_EMIT connectionErrorChanged();
}

void ApiClient::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    Q_EMIT liveChanged();
}

void ApiClient::connectSocket()
{
    if (!m_baseUrl.isValid())
        return;
    QUrl ws = m_baseUrl;
    ws.setScheme(m_baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ws.setPath(QStringLiteral("/api/v1/ws/user"));
    m_socket.open(ws);
}

void ApiClient::scheduleReconnect()
{
    // 0.5 s, 1 s, 2 s ... capped at 30 s, so a restarting server is found again quickly
    // without hammering one that is down.
    const int delay = qMin(kMaxBackoffMs, 500 << qMin(m_attempt, 6));
    ++m_attempt;
    m_reconnect.start(delay);
}

QString ApiClient::describeFailure(int status, QNetworkReply::NetworkError error, const QVariant &body)
{
    if (status == 0) {
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            return tr("The SynapScale server refused the connection. Is it running?");
        case QNetworkReply::HostNotFoundError:
            return tr("The server's address could not be found.");
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            return tr("The server took too long to answer.");
        default:
            return tr("The SynapScale server cannot be reached.");
        }
    }
    const QVariant detail = body.toMap().value(QStringLiteral("detail"));
    if (detail.typeId() == QMetaType::QString && !detail.toString().isEmpty())
        return detail.toString();
    // Validation errors (422): [{loc, msg, type}], told by their messages.
    QStringList messages;
    for (const QVariant &item : detail.toList())
        if (const QString msg = item.toMap().value(QStringLiteral("msg")).toString(); !msg.isEmpty())
            messages << msg;
    if (!messages.isEmpty())
        return messages.join(QStringLiteral("; "));
    if (status == 503)
        return tr("The server is running but its database is unavailable.");
    if (status == 401 || status == 403)
        return tr("You are not allowed to do this. Sign in again.");
    return tr("The server answered with an error (HTTP %1).").arg(status);
}

void ApiClient::get(const QString &path, QObject *context, Callback callback)
{
    send("GET", path, {}, context, std::move(callback));
}

void ApiClient::keepFresh(QObject *receiver, std::function<void()> refresh)
{
    ApiClient *api = create(nullptr, nullptr);
    connect(api, &ApiClient::liveChanged, receiver, [api, refresh] {
        if (api->live())
            refresh();
    });
    if (api->baseUrl().isValid())
        QTimer::singleShot(0, receiver, refresh);
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QVariant &body, QObject *context, Callback callback)
{
    QByteArray payload;
    if (body.isValid())
        payload = QJsonDocument::fromVariant(body).toJson(QJsonDocument::Compact);
    sendOnce(verb, path, payload, true, context, std::move(callback));
}

void ApiClient::sendOnce(const QByteArray &verb, const QString &path, const QByteArray &payload, bool retryOn401, QObject *context,
                         Callback callback)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(path)));
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(15000);
    if (!payload.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, payload);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, verb, path, payload, retryOn401, callback = std::move(callback)] {
        reply->deleteLater();
        if (!guard)
            return;
        ApiReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (result.status == 401 && retryOn401 && !m_refreshToken.isEmpty()) {
            refreshTokens([this, guard, verb, path, payload, callback](bool ok) {
                if (!guard)
                    return;
                if (ok) {
                    sendOnce(verb, path, payload, false, guard, callback);
                } else {
                    ApiReply expired;
                    expired.status = 401;
                    expired.error = tr("Your session has ended. Sign in again.");
                    callback(expired);
                }
            });
            return;
        }
        const QByteArray bytes = reply->readAll();
        if (!bytes.isEmpty())
            result.data = QJsonDocument::fromJson(bytes).toVariant();
        if (!result.ok())
            result.error = describeFailure(result.status, reply->error(), result.data);
        callback(result);
    });
}

void ApiClient::setTokens(const QString &access, const QString &refresh, int expiresIn)
{
    m_accessToken = access;
    m_refreshToken = refresh;
    // Refresh at 80% of the lifetime so requests never meet an expired token in normal use.
    if (expiresIn > 0 && !refresh.isEmpty())
        m_refreshTimer.start(qMax(1000, expiresIn * 800));
}

void ApiClient::refreshTokens(std::function<void(bool ok)> done)
{
    m_waitingForRefresh << std::move(done);
    if (m_refreshing)
        return;
    m_refreshing = true;
    QNetworkRequest request(m_baseUrl.resolved(QUrl(QStringLiteral("/api/v1/auth/refresh"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(15000);
    const QJsonDocument body(QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}});
    QNetworkReply *reply = m_network.post(request, body.toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_refreshing = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto json = QJsonDocument::fromJson(reply->readAll()).object();
        const bool ok = status == 200 && json.contains(QStringLiteral("access_token"));
        if (ok) {
            setTokens(json.value(QStringLiteral("access_token")).toString(), json.value(QStringLiteral("refresh_token")).toString(),
                      json.value(QStringLiteral("expires_in")).toInt());
        } else if (status == 401) {
            m_refreshToken.clear();
            setConnectionError(tr("Your session has ended. Sign in again."));
        }
        const auto waiting = std::exchange(m_waitingForRefresh, {});
        for (const auto &callback : waiting)
            callback(ok);
    });
}

} // namespace synapscale
