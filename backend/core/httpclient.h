#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace synapscale {

// One outgoing HTTP request and how hard to try it.
struct OutgoingRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int idleTimeoutMs = 60000;   // no byte received for this long: the call fails with "timeout"
    int maxAttempts = 3;         // 429, 5xx and connection failures are retried, before any body is read
    int maxRetryWaitMs = 30000;  // a Retry-After longer than this is not waited for
    int baseBackoffMs = 500;     // without Retry-After: base · 2^(attempt-1), ±20 %

    void addHeader(QByteArray name, QByteArray value) { headers.append({std::move(name), std::move(value)}); }
};

// The one HTTP client of the backend: an exchange on this thread's QNetworkAccessManager that
// retries what is worth retrying (honouring Retry-After) and hands the body over as it arrives,
// so streaming APIs and large downloads never wait for the whole response. Lives on the thread
// that started it and deletes itself after `done`.
class HttpCall : public QObject {
    Q_OBJECT
public:
    struct Handlers {
        // The status and headers of the response the caller gets (after retries). Optional.
        std::function<void(int status, const QList<QPair<QByteArray, QByteArray>> &headers)> response;
        std::function<void(const QByteArray &chunk)> data;
        // Last: ok, or an Error with code timeout | cancelled | connection_failed | network_error.
        std::function<void(const Result<void> &outcome)> done;
    };

    static QPointer<HttpCall> start(OutgoingRequest request, Handlers handlers);
    // Closes the connection; `done` reports "cancelled" (unless it already ran).
    void cancel();
    int attempts() const { return m_attempt; }

    // This thread's network manager (one per thread, destroyed when the thread finishes).
    static QNetworkAccessManager &manager();
    // How long to wait before attempt `attempt + 1`: Retry-After (seconds or HTTP date) when
    // given, else exponential backoff. Negative: the server asks for longer than `maxWaitMs`.
    static int retryDelayMs(int attempt, const QByteArray &retryAfter, int baseMs, int maxWaitMs);

private:
    HttpCall(OutgoingRequest request, Handlers handlers);
    static int acquireManager();
    static void releaseManager(int index);
    void send();
    void onHeaders();
    void onReadyRead();
    void onFinished();
    void complete(const Result<void> &outcome);
    bool retryable(int status, bool connectionFailed) const;

    OutgoingRequest m_request;
    Handlers m_handlers;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    int m_attempt = 0;
    int m_manager = -1; // index in this thread's manager pool while the call is in flight
    bool m_headersSeen = false;
    bool m_retrying = false;   // the current reply will be retried: its body is not the caller's
    QByteArray m_retryBody;
    bool m_done = false;
    bool m_cancelled = false;
};

} // namespace synapscale
