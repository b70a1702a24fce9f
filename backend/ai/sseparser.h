#pragma once

#include <QByteArray>

#include <functional>
#include <utility>

namespace synapscale {

// The one Server-Sent Events parser (WHATWG "event stream" rules): fed bytes as they arrive,
// in pieces of any size — an event, a line, a CRLF or a UTF-8 character may be split between
// two feeds — it calls `onEvent` once per complete event. Field values stay bytes; callers
// decode them only once an event is whole, so split characters are never mangled.
class SseParser {
public:
    struct Event {
        QByteArray type = "message"; // the `event:` field, "message" when absent
        QByteArray data;             // `data:` lines joined by '\n'
        QByteArray id;
    };
    using Handler = std::function<void(const Event &)>;

    explicit SseParser(Handler onEvent) : m_onEvent(std::move(onEvent)) {}

    void feed(const QByteArray &bytes);
    // The stream ended: an event still being read is dropped, as the standard says.
    void finish();
    // Bytes buffered that do not yet form a whole line (a guard against unbounded lines).
    qsizetype pending() const { return m_line.size(); }
    int retryMs() const { return m_retryMs; }

private:
    void line(const QByteArray &text);

    Handler m_onEvent;
    QByteArray m_line;
    bool m_skipLf = false; // the previous chunk ended in CR: a leading LF belongs to it
    bool m_started = false;
    Event m_event;
    bool m_hasData = false;
    int m_retryMs = -1;
};

// Splits a byte stream into lines ('\n', optional '\r' before it): Ollama's NDJSON stream.
class LineSplitter {
public:
    using Handler = std::function<void(const QByteArray &)>;
    explicit LineSplitter(Handler onLine) : m_onLine(std::move(onLine)) {}
    void feed(const QByteArray &bytes);
    // The bytes after the last newline (a line the stream did not finish), emptied.
    QByteArray takeRest() { return std::exchange(m_line, {}); }
    qsizetype pending() const { return m_line.size(); }

private:
    Handler m_onLine;
    QByteArray m_line;
};

} // namespace synapscale
