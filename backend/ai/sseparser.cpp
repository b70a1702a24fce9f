#include "sseparser.h"

namespace synapscale {

void SseParser::feed(const QByteArray &bytes)
{
    qsizetype start = 0;
    const qsizetype n = bytes.size();
    if (m_skipLf && n > 0 && bytes[0] == '\n')
        start = 1;
    m_skipLf = false;
    for (qsizetype i = start; i < n; ++i) {
        const char c = bytes[i];
        if (c != '\r' && c != '\n')
            continue;
        m_line.append(bytes.constData() + start, i - start);
        line(m_line);
        m_line.clear();
        if (c == '\r') {
            if (i + 1 < n && bytes[i + 1] == '\n')
                ++i;
            else if (i + 1 == n)
                m_skipLf = true;
        }
        start = i + 1;
    }
    if (start < n)
        m_line.append(bytes.constData() + start, n - start);
}

void SseParser::finish()
{
    m_line.clear();
    m_event = Event();
    m_hasData = false;
    m_skipLf = false;
}

void SseParser::line(const QByteArray &text)
{
    QByteArray lineText = text;
    if (!m_started) {
        m_started = true;
        if (lineText.startsWith("\xEF\xBB\xBF")) // a byte order mark may open the stream
            lineText.remove(0, 3);
    }
    if (lineText.isEmpty()) {
        if (m_hasData) {
            if (m_event.data.endsWith('\n'))
                m_event.data.chop(1);
            m_onEvent(m_event);
        }
        const QByteArray lastId = m_event.id;
        m_event = Event();
        m_event.id = lastId;
        m_hasData = false;
        return;
    }
    if (lineText.startsWith(':'))
        return; // a comment (keep-alive pings)
    const qsizetype colon = lineText.indexOf(':');
    const QByteArray field = colon < 0 ? lineText : lineText.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : lineText.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        m_event.data += value;
        m_event.data += '\n';
        m_hasData = true;
    } else if (field == "event") {
        m_event.type = value.isEmpty() ? QByteArray("message") : value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_event.id = value;
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0)
            m_retryMs = ms;
    }
}

void LineSplitter::feed(const QByteArray &bytes)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        m_line.append(bytes.constData() + start, i - start);
        if (m_line.endsWith('\r'))
            m_line.chop(1);
        if (!m_line.trimmed().isEmpty())
            m_onLine(m_line);
        m_line.clear();
        start = i + 1;
    }
    if (start < bytes.size())
        m_line.append(bytes.constData() + start, bytes.size() - start);
}

} // namespace synapscale
