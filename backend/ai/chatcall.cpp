#include "chatcall.h"

#include <QTimer>

namespace synapscale {

namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;
constexpr qsizetype kMaxPendingLine = 8 * 1024 * 1024; // one event bigger than this is not a reply
} // namespace

QPointer<ChatCall> ChatCall::start(std::shared_ptr<const LlmProvider> provider, ChatRequest request, Handlers handlers)
{
    auto *call = new ChatCall(std::move(provider), std::move(request), std::move(handlers));
    // Begin from the event loop, so a caller gets the pointer before any handler can run.
    QTimer::singleShot(0, call, &ChatCall::begin);
    return call;
}

ChatCall::ChatCall(std::shared_ptr<const LlmProvider> provider, ChatRequest request, Handlers handlers)
    : m_provider(std::move(provider))
    , m_request(std::move(request))
    , m_handlers(std::move(handlers))
{
}

void ChatCall::begin()
{
    if (m_ended)
        return;
    auto outgoing = m_provider->chatRequest(m_request);
    if (!outgoing) {
        finish(outgoing.error());
        return;
    }
    m_decoder = m_provider->decoder(m_request, *this);
    HttpCall::Handlers h;
    h.response = [this](int status, const auto &) { m_status = status; };
    h.data = [this](const QByteArray &chunk) {
        if (m_ended)
            return;
        if (m_status >= 400) {
            if (m_errorBody.size() < kMaxErrorBody)
                m_errorBody += chunk;
            return;
        }
        if (!m_streamError)
            m_decoder->feed(chunk);
        if (!m_streamError && m_decoder->pending() > kMaxPendingLine)
            failed(Error::make(QStringLiteral("provider_malformed"),
                               QStringLiteral("%1 sent an event larger than 8 MB").arg(m_provider->config().name)));
        if (m_streamError && m_http)
            m_http->cancel();
    };
    h.done = [this](const Result<void> &outcome) {
        m_http = nullptr;
        if (m_ended)
            return;
        if (m_streamError) {
            finish(m_streamError);
        } else if (!outcome) {
            finish(outcome.error());
        } else if (m_status >= 400) {
            finish(m_provider->httpError(m_status, m_errorBody));
        } else {
            m_decoder->end();
            finish(m_streamError);
        }
    };
    m_http = HttpCall::start(*outgoing, std::move(h));
}

void ChatCall::cancel()
{
    if (m_ended)
        return;
    if (m_http)
        m_http->cancel(); // its done handler finishes this call
    else
        finish(Error::make(QStringLiteral("cancelled"), QStringLiteral("The reply was stopped")));
}

void ChatCall::finish(std::optional<Error> error)
{
    if (m_ended)
        return;
    m_ended = true;
    if (error && error->code == QLatin1String("cancelled"))
        error->message = QStringLiteral("The reply was stopped");
    for (auto &[index, call] : m_toolCalls) {
        if (call.arguments.empty())
            call.arguments = "{}";
        m_result.toolCalls.push_back(std::move(call));
    }
    if (error)
        m_result.finishReason.clear();
    ChatOutcome outcome{std::move(m_result), std::move(error)};
    if (m_handlers.done)
        m_handlers.done(outcome);
    deleteLater();
}

void ChatCall::delta(const std::string &text)
{
    if (text.empty() || m_streamError)
        return;
    m_result.text += text;
    if (m_handlers.delta)
        m_handlers.delta(text);
}

void ChatCall::toolCallPiece(int index, const std::string &id, const std::string &name, const std::string &arguments)
{
    ToolCall &call = m_toolCalls[index];
    if (!id.empty())
        call.id = id;
    if (!name.empty() && call.name.empty())
        call.name = name;
    call.arguments += arguments;
    if (call.id.empty())
        call.id = "call_" + std::to_string(index + 1);
}

void ChatCall::usage(int inputTokens, int outputTokens)
{
    if (inputTokens >= 0)
        m_result.inputTokens = inputTokens;
    if (outputTokens >= 0)
        m_result.outputTokens = outputTokens;
}

void ChatCall::finished(const std::string &reason)
{
    m_result.finishReason = reason;
}

void ChatCall::failed(Error error)
{
    if (!m_streamError)
        m_streamError = std::move(error);
}

} // namespace synapscale
