#include "httpclient.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThreadStorage>
#include <QTimer>

#include <memory>
#include <vector>

namespace synapscale {

namespace {
// QNetworkAccessManager opens at most six HTTP/1.1 connections per host and queues the rest, so
// 200 streamed replies from one local server would run six at a time. Calls therefore spread
// over a per-thread pool of managers, each kept under that limit.
constexpr int kPerManager = 6;

struct ManagerPool {
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<int> inFlight;
};

ManagerPool &pool()
{
    static QThreadStorage<ManagerPool *> pools;
    if (!pools.hasLocalData())
        pools.setLocalData(new ManagerPool);
    return *pools.localData();
}
} // namespace

int HttpCall::acquireManager()
{
    ManagerPool &p = pool();
    for (std::size_t i = 0; i < p.managers.size(); ++i) {
        if (p.inFlight[i] < kPerManager) {
            ++p.inFlight[i];
            return int(i);
        }
    }
    p.managers.push_back(std::make_unique<QNetworkAccessManager>());
    p.inFlight.push_back(1);
    return int(p.managers.size() - 1);
}

void HttpCall::releaseManager(int index)
{
    ManagerPool &p = pool();
    if (index >= 0 && std::size_t(index) < p.inFlight.size() && p.inFlight[index] > 0)
        --p.inFlight[index];
}

QNetworkAccessManager &HttpCall::manager()
{
    // QThreadStorage, not thread_local: destroyed while its QThread finishes, not after.
    static QThreadStorage<QNetworkAccessManager *> managers;
    if (!managers.hasLocalData())
        managers.setLocalData(new QNetworkAccessManager);
    return *managers.localData();
}

int HttpCall::retryDelayMs(int attempt, const QByteArray &retryAfter, int baseMs, int maxWaitMs)
{
    const QByteArray value = retryAfter.trimmed();
    if (!value.isEmpty()) {
        bool isNumber = false;
        const double seconds = value.toDouble(&isNumber);
        qint64 ms = -1;
        if (isNumber && seconds >= 0) {
            ms = qint64(seconds * 1000.0);
        } else {
            const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
            if (when.isValid())
                ms = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
        }
        if (ms >= 0)
            return ms > maxWaitMs ? -1 : int(ms);
    }
    const qint64 backoff = qint64(baseMs) << std::min(attempt - 1, 16);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return int(std::min<qint64>(qint64(backoff * jitter), maxWaitMs));
}

QPointer<HttpCall> HttpCall::start(OutgoingRequest request, Handlers handlers)
{
    auto *call = new HttpCall(std::move(request), std::move(handlers));
    call->send();
    return call;
}

HttpCall::HttpCall(OutgoingRequest request, Handlers handlers)
    : m_request(std::move(request))
    , m_handlers(std::move(handlers))
{
}

void HttpCall::send()
{
    ++m_attempt;
    m_headersSeen = false;
    m_retrying = false;
    m_retryBody.clear();
    QNetworkRequest request(m_request.url);
    request.setTransferTimeout(m_request.idleTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    if (m_manager < 0)
        m_manager = acquireManager();
    QNetworkReply *reply = pool().managers[std::size_t(m_manager)]->sendCustomRequest(request, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onHeaders);
    connect(reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpCall::onFinished);
}

bool HttpCall::retryable(int status, bool connectionFailed) const
{
    if (m_attempt >= m_request.maxAttempts || m_cancelled)
        return false;
    return connectionFailed || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

void HttpCall::onHeaders()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant statusValue = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusValue.isValid())
        return;
    m_headersSeen = true;
    const int status = statusValue.toInt();
    if (retryable(status, false)) {
        m_retrying = true; // its body is only an error page; onFinished schedules the retry
        return;
    }
    if (m_handlers.response) {
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const auto &pair : m_reply->rawHeaderPairs())
            headers.append(pair);
        m_handlers.response(status, headers);
    }
}

void HttpCall::onReadyRead()
{
    if (!m_reply)
        return;
    onHeaders();
    const QByteArray chunk = m_reply->readAll();
    if (m_retrying) {
        if (m_retryBody.size() < 1024 * 1024)
            m_retryBody += chunk; // kept in case this answer is handed over after all
        return;
    }
    if (m_done || chunk.isEmpty())
        return;
    if (m_handlers.data)
        m_handlers.data(chunk);
}

void HttpCall::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_done)
        return;
    if (m_cancelled) {
        complete(Error::make(QStringLiteral("cancelled"), QStringLiteral("The request was cancelled")));
        return;
    }
    const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusValue.isValid() ? statusValue.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    const bool connectionFailed = status == 0 && error != QNetworkReply::NoError && error != QNetworkReply::OperationCanceledError &&
                                  error != QNetworkReply::TimeoutError;
    if (m_retrying || (!m_headersSeen && retryable(status, connectionFailed))) {
        const int delay = retryDelayMs(m_attempt, reply->rawHeader("Retry-After"), m_request.baseBackoffMs, m_request.maxRetryWaitMs);
        if (delay >= 0 && m_attempt < m_request.maxAttempts) {
            if (!m_retryTimer) {
                m_retryTimer = new QTimer(this);
                m_retryTimer->setSingleShot(true);
                connect(m_retryTimer, &QTimer::timeout, this, &HttpCall::send);
            }
            m_retryTimer->start(delay);
            return;
        }
        // Not worth waiting: hand the last answer over as it is.
        if (status > 0 && m_handlers.response) {
            QList<QPair<QByteArray, QByteArray>> headers;
            for (const auto &pair : reply->rawHeaderPairs())
                headers.append(pair);
            m_handlers.response(status, headers);
        }
        if (status > 0 && m_handlers.data) {
            const QByteArray body = m_retryBody + reply->readAll();
            if (!body.isEmpty())
                m_handlers.data(body);
        }
        if (status > 0) {
            complete({});
            return;
        }
    }
    if (status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        // No HTTP answer at all, or the connection broke while the body was arriving.
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            complete(Error::make(QStringLiteral("timeout"),
                                 QStringLiteral("No data from %1 for %2 s").arg(m_request.url.host()).arg(m_request.idleTimeoutMs / 1000.0)));
        } else if (status == 0 && error <= QNetworkReply::UnknownNetworkError && error != QNetworkReply::RemoteHostClosedError) {
            complete(Error::make(QStringLiteral("connection_failed"),
                                 QStringLiteral("Cannot reach %1: %2").arg(m_request.url.host(), reply->errorString())));
        } else {
            complete(Error::make(QStringLiteral("network_error"),
                                 QStringLiteral("The connection to %1 broke: %2").arg(m_request.url.host(), reply->errorString())));
        }
        return;
    }
    complete({});
}

void HttpCall::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply)
        m_reply->abort(); // closes the connection; onFinished reports the cancellation
    else
        complete(Error::make(QStringLiteral("cancelled"), QStringLiteral("The request was cancelled")));
}

void HttpCall::complete(const Result<void> &outcome)
{
    if (m_done)
        return;
    m_done = true;
    releaseManager(std::exchange(m_manager, -1));
    if (m_handlers.done)
        m_handlers.done(outcome);
    deleteLater();
}

} // namespace synapscale
