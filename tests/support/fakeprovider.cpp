#include "fakeprovider.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace synapscale::test {

using nlohmann::json;

FakeReply &FakeReply::splitEvery(int size)
{
    QByteArray whole;
    for (const auto &p : std::as_const(pieces))
        whole += p;
    pieces.clear();
    for (qsizetype i = 0; i < whole.size(); i += size)
        pieces.append(whole.mid(i, size));
    return *this;
}

FakeReply &FakeReply::splitByEvent()
{
    QByteArray whole;
    for (const auto &p : std::as_const(pieces))
        whole += p;
    pieces.clear();
    qsizetype from = 0;
    while (from < whole.size()) {
        const qsizetype end = whole.indexOf("\n\n", from);
        const qsizetype next = end < 0 ? whole.size() : end + 2;
        pieces.append(whole.mid(from, next - from));
        from = next;
    }
    return *this;
}

FakeReply FakeReply::json(int status, const nlohmann::json &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    FakeReply r;
    r.status = status;
    r.contentType = "application/json";
    r.headers = std::move(headers);
    r.pieces = {QByteArray::fromStdString(body.dump())};
    return r;
}

nlohmann::json FakeRequest::json() const
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

struct FakeProvider::Connection {
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    bool writing = false;
    bool finishedWriting = true;
};

FakeProvider::FakeProvider()
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeProvider::onConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeProvider::url(const QString &suffix) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(suffix);
}

bool FakeProvider::waitForRequests(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_requests.size() >= count; }, timeoutMs);
}

void FakeProvider::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *c = new Connection{socket, {}, false, true};
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // one piece per TCP segment
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { serve(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] {
            if (!c->finishedWriting)
                ++m_clientDisconnects;
            if (c->socket)
                c->socket->deleteLater();
            c->socket = nullptr;
            if (!c->writing)
                delete c;
        });
    }
}

void FakeProvider::serve(Connection *c)
{
    if (!c->socket)
        return;
    c->buffer += c->socket->readAll();
    if (c->writing)
        return;
    const qsizetype headEnd = c->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    FakeRequest request;
    const QList<QByteArray> lines = c->buffer.left(headEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (int i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (c->buffer.size() < headEnd + 4 + length)
        return;
    request.body = c->buffer.mid(headEnd + 4, length);
    c->buffer.remove(0, headEnd + 4 + length);
    m_requests.append(request);

    FakeReply reply;
    bool found = false;
    const QByteArray path = request.target.split('?').first();
    for (const auto &[prefix, fixed] : std::as_const(m_fixed)) {
        if (path.startsWith(prefix)) {
            reply = fixed;
            found = true;
            break;
        }
    }
    if (!found && !m_queue.empty()) {
        reply = std::move(m_queue.front());
        m_queue.pop_front();
        found = true;
    }
    if (!found)
        reply = FakeReply::json(500, {{"error", {{"message", "the fake provider has no reply scripted"}}}});
    write(c, std::move(reply));
}

void FakeProvider::write(Connection *c, FakeReply reply)
{
    c->writing = true;
    c->finishedWriting = false;
    auto pieces = std::make_shared<QList<QByteArray>>(reply.pieces);
    auto step = std::make_shared<std::function<void()>>();
    auto release = [this, c] {
        c->writing = false;
        if (!c->socket) {
            delete c;
            return;
        }
        if (!c->buffer.isEmpty())
            serve(c);
    };
    *step = [c, pieces, reply, step, release]() {
        // Clearing *step destroys this lambda: keep what is needed after it on the stack.
        auto finishWith = [step, release = release]() {
            *step = nullptr;
            release();
        };
        if (!c->socket) {
            finishWith();
            return;
        }
        if (pieces->isEmpty()) {
            if (reply.drop) {
                c->socket->flush();
                c->finishedWriting = true; // the drop is ours
                c->socket->abort();
            } else {
                c->socket->write("0\r\n\r\n");
                c->finishedWriting = true;
            }
            finishWith();
            return;
        }
        const QByteArray piece = pieces->takeFirst();
        c->socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        c->socket->flush();
        QTimer::singleShot(reply.gapMs, c->socket, [step] {
            if (*step)
                (*step)();
        });
    };
    auto head = [c, reply, step, release] {
        if (!c->socket) {
            release();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Fake\r\nContent-Type: " + reply.contentType + "\r\n";
        for (const auto &[name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "Transfer-Encoding: chunked\r\n\r\n";
        c->socket->write(out);
        (*step)();
    };
    if (reply.firstDelayMs > 0)
        QTimer::singleShot(reply.firstDelayMs, this, head);
    else
        head();
}

namespace {
QByteArray sse(const json &data, const char *event = nullptr)
{
    QByteArray out;
    if (event)
        out += QByteArray("event: ") + event + "\n";
    return out + "data: " + QByteArray::fromStdString(data.dump()) + "\n\n";
}
} // namespace

QByteArray FakeProvider::openAiText(const QStringList &deltas, int inTokens, int outTokens, const char *finish)
{
    QByteArray out = sse({{"id", "c1"}, {"object", "chat.completion.chunk"}, {"choices", {{{"index", 0}, {"delta", {{"role", "assistant"}, {"content", ""}}}}}}});
    for (const QString &d : deltas)
        out += sse({{"id", "c1"}, {"choices", {{{"index", 0}, {"delta", {{"content", d.toStdString()}}}, {"finish_reason", nullptr}}}}});
    out += sse({{"id", "c1"}, {"choices", {{{"index", 0}, {"delta", json::object()}, {"finish_reason", finish}}}}});
    out += sse({{"id", "c1"}, {"choices", json::array()}, {"usage", {{"prompt_tokens", inTokens}, {"completion_tokens", outTokens}}}});
    return out + ": keep-alive comment\n\ndata: [DONE]\n\n";
}

QByteArray FakeProvider::openAiToolCall(const QString &id, const QString &name, const QStringList &argumentPieces)
{
    QByteArray out = sse({{"choices", {{{"index", 0}, {"delta", {{"role", "assistant"}, {"tool_calls", {{{"index", 0}, {"id", id.toStdString()}, {"type", "function"}, {"function", {{"name", name.toStdString()}, {"arguments", ""}}}}}}}}}}}});
    for (const QString &p : argumentPieces)
        out += sse({{"choices", {{{"index", 0}, {"delta", {{"tool_calls", {{{"index", 0}, {"function", {{"arguments", p.toStdString()}}}}}}}}}}}});
    out += sse({{"choices", {{{"index", 0}, {"delta", json::object()}, {"finish_reason", "tool_calls"}}}}, {"usage", {{"prompt_tokens", 20}, {"completion_tokens", 9}}}});
    return out + "data: [DONE]\n\n";
}

QByteArray FakeProvider::anthropicText(const QStringList &deltas, int inTokens, int outTokens)
{
    QByteArray out = sse({{"type", "message_start"}, {"message", {{"id", "msg_1"}, {"role", "assistant"}, {"content", json::array()}, {"usage", {{"input_tokens", inTokens}, {"output_tokens", 1}}}}}}, "message_start");
    out += sse({{"type", "content_block_start"}, {"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}}, "content_block_start");
    out += sse({{"type", "ping"}}, "ping");
    for (const QString &d : deltas)
        out += sse({{"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", d.toStdString()}}}}, "content_block_delta");
    out += sse({{"type", "content_block_stop"}, {"index", 0}}, "content_block_stop");
    out += sse({{"type", "message_delta"}, {"delta", {{"stop_reason", "end_turn"}}}, {"usage", {{"output_tokens", outTokens}}}}, "message_delta");
    return out + sse({{"type", "message_stop"}}, "message_stop");
}

QByteArray FakeProvider::anthropicToolUse(const QString &id, const QString &name, const QStringList &argumentPieces, const char *stop)
{
    QByteArray out = sse({{"type", "message_start"}, {"message", {{"id", "msg_2"}, {"usage", {{"input_tokens", 30}, {"output_tokens", 1}}}}}}, "message_start");
    out += sse({{"type", "content_block_start"}, {"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}}, "content_block_start");
    out += sse({{"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", "Let me check."}}}}, "content_block_delta");
    out += sse({{"type", "content_block_stop"}, {"index", 0}}, "content_block_stop");
    out += sse({{"type", "content_block_start"}, {"index", 1}, {"content_block", {{"type", "tool_use"}, {"id", id.toStdString()}, {"name", name.toStdString()}, {"input", json::object()}}}}, "content_block_start");
    for (const QString &p : argumentPieces)
        out += sse({{"type", "content_block_delta"}, {"index", 1}, {"delta", {{"type", "input_json_delta"}, {"partial_json", p.toStdString()}}}}, "content_block_delta");
    out += sse({{"type", "content_block_stop"}, {"index", 1}}, "content_block_stop");
    out += sse({{"type", "message_delta"}, {"delta", {{"stop_reason", stop}}}, {"usage", {{"output_tokens", 12}}}}, "message_delta");
    return out + sse({{"type", "message_stop"}}, "message_stop");
}

QByteArray FakeProvider::geminiText(const QStringList &deltas, int inTokens, int outTokens)
{
    QByteArray out;
    for (int i = 0; i < deltas.size(); ++i) {
        json candidate = {{"content", {{"role", "model"}, {"parts", {{{"text", deltas[i].toStdString()}}}}}}, {"index", 0}};
        json chunk = {{"candidates", {candidate}}};
        if (i + 1 == deltas.size()) {
            chunk["candidates"][0]["finishReason"] = "STOP";
            chunk["usageMetadata"] = {{"promptTokenCount", inTokens}, {"candidatesTokenCount", outTokens}, {"totalTokenCount", inTokens + outTokens}};
        }
        out += "data: " + QByteArray::fromStdString(chunk.dump()) + "\r\n\r\n"; // Google's stream uses CRLF
    }
    return out;
}

QByteArray FakeProvider::geminiFunctionCall(const QString &name, const nlohmann::json &args)
{
    json chunk = {{"candidates", {{{"content", {{"role", "model"}, {"parts", {{{"functionCall", {{"name", name.toStdString()}, {"args", args}}}}}}}}, {"finishReason", "STOP"}}}},
                  {"usageMetadata", {{"promptTokenCount", 15}, {"candidatesTokenCount", 5}}}};
    return "data: " + QByteArray::fromStdString(chunk.dump()) + "\r\n\r\n";
}

QByteArray FakeProvider::ollamaText(const QStringList &deltas, int inTokens, int outTokens)
{
    QByteArray out;
    for (const QString &d : deltas)
        out += QByteArray::fromStdString(json{{"model", "llama3.2"}, {"message", {{"role", "assistant"}, {"content", d.toStdString()}}}, {"done", false}}.dump()) + "\n";
    out += QByteArray::fromStdString(json{{"model", "llama3.2"}, {"message", {{"role", "assistant"}, {"content", ""}}}, {"done", true}, {"done_reason", "stop"},
                                           {"prompt_eval_count", inTokens}, {"eval_count", outTokens}}.dump()) + "\n";
    return out;
}

QByteArray FakeProvider::ollamaToolCall(const QString &name, const nlohmann::json &args)
{
    QByteArray out = QByteArray::fromStdString(json{{"message", {{"role", "assistant"}, {"content", ""}, {"tool_calls", {{{"function", {{"name", name.toStdString()}, {"arguments", args}}}}}}}}, {"done", false}}.dump()) + "\n";
    out += QByteArray::fromStdString(json{{"message", {{"role", "assistant"}, {"content", ""}}}, {"done", true}, {"done_reason", "stop"}, {"prompt_eval_count", 11}, {"eval_count", 7}}.dump()) + "\n";
    return out;
}

} // namespace synapscale::test
