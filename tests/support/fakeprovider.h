#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QTcpServer>

#include <deque>

namespace synapscale::test {

// One canned answer of the fake provider.
struct FakeReply {
    int status = 200;
    QByteArray contentType = "text/event-stream";
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QByteArray> pieces;  // the body, written piece by piece (chunked transfer encoding)
    int firstDelayMs = 0;      // wait before the status line (a slow first token)
    int gapMs = 0;             // wait between pieces
    bool drop = false;         // close the connection after the pieces, mid-body

    // The body split every `size` bytes: splits land inside events, lines and UTF-8 characters.
    FakeReply &splitEvery(int size);
    // One piece per SSE event (or NDJSON line pair), so a gap falls between events.
    FakeReply &splitByEvent();
    static FakeReply json(int status, const nlohmann::json &body, QList<QPair<QByteArray, QByteArray>> headers = {});
};

// What a request to the fake looked like.
struct FakeRequest {
    QByteArray method;
    QByteArray target; // path and query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    nlohmann::json json() const;
};

// A fake AI provider on 127.0.0.1 that speaks HTTP/1.1 for real: it records every request and
// answers from a queue of scripted replies (or a fixed reply per path), written with the
// timing, splitting and failures the script asks for. The canned streams below follow each
// provider's documented wire format.
class FakeProvider : public QObject {
    Q_OBJECT
public:
    FakeProvider();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &suffix = {}) const;

    void enqueue(FakeReply reply) { m_queue.push_back(std::move(reply)); }
    // Answers every request whose path starts with `pathPrefix` (before the queue is used).
    void always(const QByteArray &pathPrefix, FakeReply reply) { m_fixed.append({pathPrefix, std::move(reply)}); }
    const QList<FakeRequest> &requests() const { return m_requests; }
    bool waitForRequests(int count, int timeoutMs = 5000);
    // Connections the client closed before the reply was written whole.
    int clientDisconnects() const { return m_clientDisconnects; }

    // Canned streams, in each protocol's format.
    static QByteArray openAiText(const QStringList &deltas, int inTokens, int outTokens, const char *finish = "stop");
    static QByteArray openAiToolCall(const QString &id, const QString &name, const QStringList &argumentPieces);
    static QByteArray anthropicText(const QStringList &deltas, int inTokens, int outTokens);
    static QByteArray anthropicToolUse(const QString &id, const QString &name, const QStringList &argumentPieces, const char *stop = "tool_use");
    static QByteArray geminiText(const QStringList &deltas, int inTokens, int outTokens);
    static QByteArray geminiFunctionCall(const QString &name, const nlohmann::json &args);
    static QByteArray ollamaText(const QStringList &deltas, int inTokens, int outTokens);
    static QByteArray ollamaToolCall(const QString &name, const nlohmann::json &args);

private:
    struct Connection;
    void onConnection();
    void serve(Connection *c);
    void write(Connection *c, FakeReply reply);

    QTcpServer m_server;
    std::deque<FakeReply> m_queue;
    QList<QPair<QByteArray, FakeReply>> m_fixed;
    QList<FakeRequest> m_requests;
    int m_clientDisconnects = 0;
};

} // namespace synapscale::test
