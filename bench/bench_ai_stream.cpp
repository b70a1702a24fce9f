// Streaming latency of conversation replies: a fake OpenAI-compatible provider in this process
// emits deltas that carry their send time (CLOCK_MONOTONIC, shared across processes); a real
// `synapscale-server serve` relays them to a /ws/user WebSocket client here. Prints the added
// latency (provider write → WebSocket frame received) and the server's RSS growth.
//   bench_ai_stream <synapscale-server> [conversations=200] [deltas=50] [gap_ms=20]
#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>

using nlohmann::json;

namespace {
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Answers every /v1/chat/completions with `deltas` SSE events `gapMs` apart, each delta's text
// being its send time in ns followed by ';'.
class TimedProvider : public QTcpServer {
public:
    int deltas = 50;
    int gapMs = 20;
    TimedProvider()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype lengthAt = buffer->toLower().indexOf("content-length:");
                    const qsizetype length = lengthAt < 0 ? 0 : buffer->mid(lengthAt + 15, buffer->indexOf("\r\n", lengthAt) - lengthAt - 15).trimmed().toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    buffer->remove(0, end + 4 + length);
                    stream(s);
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

private:
    static void chunk(QTcpSocket *s, const QByteArray &data)
    {
        s->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    }
    void stream(QTcpSocket *s)
    {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
        auto left = std::make_shared<int>(deltas);
        auto *timer = new QTimer(s);
        timer->setTimerType(Qt::PreciseTimer);
        connect(timer, &QTimer::timeout, s, [s, left, timer] {
            if ((*left)-- > 0) {
                const json event = {{"choices", {{{"index", 0}, {"delta", {{"content", std::to_string(nowNs()) + ";"}}}}}}};
                chunk(s, "data: " + QByteArray::fromStdString(event.dump()) + "\n\n");
                return;
            }
            timer->stop();
            chunk(s, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":50}}\n\n");
            chunk(s, "data: [DONE]\n\n");
            s->write("0\r\n\r\n");
        });
        timer->start(gapMs);
    }
};

json request(QNetworkAccessManager &nam, const QByteArray &method, const QString &url, const json &body, const QString &token, int *status = nullptr)
{
    QNetworkRequest r{QUrl(url)};
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = nam.sendCustomRequest(r, method, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray text = reply->readAll();
    reply->deleteLater();
    return json::parse(text.toStdString(), nullptr, false);
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ai_stream <synapscale-server> [conversations] [deltas] [gap_ms]\n");
        return 2;
    }
    const int conversations = argc > 2 ? std::atoi(argv[2]) : 200;
    TimedProvider provider;
    provider.deltas = argc > 3 ? std::atoi(argv[3]) : 50;
    provider.gapMs = argc > 4 ? std::atoi(argv[4]) : 20;
    provider.listen(QHostAddress::LocalHost, 0);

    QTemporaryDir dir;
    const quint16 port = freePort();
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///%1/bench.db").arg(dir.path()));
    env.insert(QStringLiteral("PORT"), QString::number(port));
    env.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("bench-secret-key-0123456789abcdef0123456789abcdef"));
    env.insert(QStringLiteral("JWT_SECRET_KEY"), QStringLiteral("bench-jwt-key-0123456789abcdef0123456789abcdef01"));
    env.insert(QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("http://127.0.0.1:%1/v1").arg(provider.serverPort()));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-bench"));
    env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("error"));
    env.insert(QStringLiteral("RATE_LIMIT_PER_IP"), QStringLiteral("1000"));
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QString::fromLocal8Bit(argv[1]), {QStringLiteral("serve")});
    if (!server.waitForStarted(5000))
        return 1;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QNetworkAccessManager nam;
    for (int i = 0; i < 100; ++i) {
        int status = 0;
        request(nam, "GET", base + QStringLiteral("/health"), nullptr, {}, &status);
        if (status == 200)
            break;
        QThread::msleep(50);
    }
    request(nam, "POST", base + QStringLiteral("/api/v1/auth/register"), {{"email", "bench@example.com"}, {"password", "Bench-Password-77"}}, {});
    const json login = request(nam, "POST", base + QStringLiteral("/api/v1/auth/login"), {{"email", "bench@example.com"}, {"password", "Bench-Password-77"}}, {});
    const QString token = QString::fromStdString(login.value("access_token", std::string()));
    if (token.isEmpty()) {
        std::fprintf(stderr, "login failed\n");
        return 1;
    }
    std::vector<QString> ids;
    for (int i = 0; i < conversations; ++i)
        ids.push_back(QString::fromStdString(
            request(nam, "POST", base + QStringLiteral("/api/v1/conversations"), {{"provider", "openai"}, {"model", "bench"}}, token).value("id", std::string())));

    // The WebSocket client has a thread of its own, so the time it stamps on arrival is not held
    // back by this thread's work (the fake provider's writes, sending the messages).
    struct Receiver {
        std::vector<double> latencyMs;
        std::vector<double> steadyMs; // deltas after the first second of the run
        qint64 startedNs = 0;
        std::atomic<int> completed{0};
        std::atomic<int> failed{0};
    } rx;
    rx.latencyMs.reserve(std::size_t(conversations) * std::size_t(provider.deltas));
    QThread wsThread;
    wsThread.start();
    auto *ws = new QWebSocket;
    ws->moveToThread(&wsThread);
    QObject::connect(&wsThread, &QThread::finished, ws, &QObject::deleteLater);
    std::atomic<bool> connected{false};
    QObject::connect(ws, &QWebSocket::connected, ws, [&] { connected = true; });
    QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [&](const QString &text) {
        const qint64 received = nowNs();
        const json frame = json::parse(text.toStdString(), nullptr, false);
        const std::string type = frame.value("type", std::string());
        if (type == "message.delta") {
            const std::string t = frame["data"].value("text", std::string());
            std::size_t at = 0;
            while (at < t.size()) {
                const auto semi = t.find(';', at);
                if (semi == std::string::npos)
                    break;
                const qint64 sent = std::stoll(t.substr(at, semi - at));
                rx.latencyMs.push_back(double(received - sent) / 1e6);
                if (rx.startedNs > 0 && sent - rx.startedNs > 1000000000LL)
                    rx.steadyMs.push_back(double(received - sent) / 1e6);
                at = semi + 1;
            }
        } else if (type == "message.completed") {
            if (frame["data"]["message"].value("status", std::string()) == "complete")
                ++rx.completed;
            else
                ++rx.failed;
        }
    });
    const QUrl wsUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/user?token=%2").arg(port).arg(token));
    QMetaObject::invokeMethod(ws, [ws, wsUrl] { ws->open(wsUrl); }, Qt::QueuedConnection);
    while (!connected)
        QThread::msleep(5);
    QEventLoop done;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &done, [&] {
        if (rx.completed + rx.failed == conversations)
            done.quit();
    });
    poll.start(10);
    const qint64 rssBefore = rssKb(server.processId());
    qint64 rssPeak = rssBefore;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { rssPeak = std::max(rssPeak, rssKb(server.processId())); });
    sampler.start(100);
    const qint64 started = nowNs();
    rx.startedNs = started;
    for (const QString &id : ids)
        request(nam, "POST", base + QStringLiteral("/api/v1/conversations/%1/messages").arg(id), {{"content", "go"}}, token);
    const double postSeconds = double(nowNs() - started) / 1e9;
    QTimer::singleShot(120000, &done, &QEventLoop::quit);
    done.exec();
    const double seconds = double(nowNs() - started) / 1e9;
    wsThread.quit();
    wsThread.wait();
    const int completed = rx.completed;
    const std::vector<double> &latencyMs = rx.latencyMs;
    std::printf("conversations=%d deltas_each=%d gap_ms=%d\n", conversations, provider.deltas, provider.gapMs);
    std::printf("replies complete=%d failed_or_missing=%d in %.2f s\n", completed, conversations - completed, seconds);
    std::printf("sending the %d messages took %.2f s (one at a time)\n", conversations, postSeconds);
    std::printf("deltas received=%zu of %d\n", latencyMs.size(), conversations * provider.deltas);
    std::printf("added latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", percentile(latencyMs, 0.5), percentile(latencyMs, 0.9),
                percentile(latencyMs, 0.99), percentile(latencyMs, 1.0));
    std::printf("  after the first second (all streams started): n=%zu p50=%.2f p99=%.2f\n", rx.steadyMs.size(), percentile(rx.steadyMs, 0.5),
                percentile(rx.steadyMs, 0.99));
    std::printf("server RSS: before=%.1f MB peak=%.1f MB growth=%.1f MB\n", rssBefore / 1024.0, rssPeak / 1024.0, (rssPeak - rssBefore) / 1024.0);
    server.terminate();
    server.waitForFinished(10000);
    return completed == conversations ? 0 : 1;
}
