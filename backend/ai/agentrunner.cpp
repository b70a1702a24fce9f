#include "agentrunner.h"

#include <QTimer>

#include <atomic>

namespace synapscale {

namespace {
using nlohmann::json;
constexpr std::size_t kMaxToolResult = 32 * 1024; // what a model reads of one tool result
} // namespace

AgentRunner::AgentRunner(LlmService &llm, LlmCallContext context, ProviderConfig provider, ChatRequest request,
                         std::vector<AgentTool> tools, AgentLimits limits, AgentHandlers handlers)
    : m_llm(llm)
    , m_context(std::move(context))
    , m_provider(std::move(provider))
    , m_request(std::move(request))
    , m_tools(std::move(tools))
    , m_limits(limits)
    , m_handlers(std::move(handlers))
{
    m_request.tools = json::array();
    for (const auto &t : m_tools)
        m_request.tools.push_back({{"name", t.name}, {"description", t.description}, {"parameters", t.parameters}});
}

void AgentRunner::start()
{
    m_clock.start();
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_call)
            m_call->cancel(); // its reply reports, and finish() sees the time is up
        else
            finish(Error::make(QStringLiteral("agent_timeout"), QStringLiteral("The agent did not finish within %1 s").arg(m_limits.timeoutMs / 1000)));
    });
    m_deadline->start(m_limits.timeoutMs);
    turn();
}

bool AgentRunner::timedOut() const
{
    return m_clock.isValid() && m_clock.elapsed() >= m_limits.timeoutMs;
}

void AgentRunner::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_call)
        m_call->cancel();
    else
        finish(Error::make(QStringLiteral("cancelled"), QStringLiteral("The reply was stopped")));
}

void AgentRunner::turn()
{
    ++m_outcome.iterations;
    LlmService::ChatHandlers h;
    h.delta = [this](const std::string &text) {
        m_outcome.text += text;
        if (m_handlers.delta)
            m_handlers.delta(text);
    };
    h.done = [this](const ChatOutcome &reply, double cost) { onReply(reply, cost); };
    m_call = m_llm.chat(m_context, m_provider, m_request, std::move(h));
}

void AgentRunner::onReply(const ChatOutcome &reply, double cost)
{
    m_call.reset();
    m_outcome.inputTokens += reply.result.inputTokens;
    m_outcome.outputTokens += reply.result.outputTokens;
    m_outcome.costUsd += cost;
    m_outcome.finishReason = reply.result.finishReason;
    if (!reply.ok()) {
        if (timedOut() && !m_cancelled)
            finish(Error::make(QStringLiteral("agent_timeout"), QStringLiteral("The agent did not finish within %1 s").arg(m_limits.timeoutMs / 1000)));
        else
            finish(reply.error);
        return;
    }
    if (reply.result.toolCalls.empty()) {
        m_outcome.messages.push_back({{"role", "assistant"}, {"content", reply.result.text}});
        finish(std::nullopt);
        return;
    }
    json calls = json::array();
    for (const auto &c : reply.result.toolCalls) {
        json args = json::parse(c.arguments, nullptr, false);
        calls.push_back({{"id", c.id}, {"name", c.name}, {"arguments", args.is_object() ? args : json::object()}});
    }
    json turnMessage = {{"role", "assistant"}, {"content", reply.result.text}, {"tool_calls", calls}};
    m_request.messages.push_back(turnMessage);
    m_outcome.messages.push_back(std::move(turnMessage));
    if (m_outcome.iterations >= m_limits.maxIterations) {
        finish(Error::make(QStringLiteral("agent_limit"),
                           QStringLiteral("The agent still wanted to call tools after %1 turns, its limit").arg(m_limits.maxIterations)));
        return;
    }
    m_outcome.text.clear(); // the text before tool calls was a preamble; the final reply comes next
    runTools(reply.result.toolCalls, 0);
}

void AgentRunner::runTools(std::vector<ToolCall> calls, std::size_t index)
{
    if (m_finished)
        return;
    if (m_cancelled) {
        finish(Error::make(QStringLiteral("cancelled"), QStringLiteral("The reply was stopped")));
        return;
    }
    if (timedOut()) {
        finish(Error::make(QStringLiteral("agent_timeout"), QStringLiteral("The agent did not finish within %1 s").arg(m_limits.timeoutMs / 1000)));
        return;
    }
    if (index >= calls.size()) {
        turn();
        return;
    }
    const ToolCall call = calls[index];
    json args = json::parse(call.arguments, nullptr, false);
    const json callJson = {{"id", call.id}, {"name", call.name}, {"arguments", args.is_object() ? args : json::object()}};
    if (m_handlers.toolCall)
        m_handlers.toolCall(callJson);
    QPointer<AgentRunner> self(this);
    auto report = [self, calls, index, callJson](std::string result, bool isError) {
        if (!self || self->m_finished)
            return;
        if (result.size() > kMaxToolResult)
            result = result.substr(0, kMaxToolResult) + "\n[truncated]";
        json message = {{"role", "tool"}, {"tool_call_id", callJson["id"]}, {"name", callJson["name"]}, {"content", result}};
        if (isError)
            message["is_error"] = true;
        self->m_request.messages.push_back(message);
        self->m_outcome.messages.push_back(std::move(message));
        if (self->m_handlers.toolResult)
            self->m_handlers.toolResult(callJson, result, isError);
        self->runTools(calls, index + 1);
    };
    const AgentTool *tool = nullptr;
    for (const auto &t : m_tools)
        if (t.name == call.name)
            tool = &t;
    if (!tool) {
        report("Error: there is no tool named \"" + call.name + "\"", true);
        return;
    }
    if (!args.is_object()) {
        report("Error: the arguments were not a JSON object: " + call.arguments, true);
        return;
    }
    tool->invoke(args, report);
}

namespace {
class AgentHandle : public ChatHandle, public std::enable_shared_from_this<AgentHandle> {
public:
    void cancel() override
    {
        cancelled = true;
        QPointer<QObject> target = io;
        if (!target)
            return;
        QMetaObject::invokeMethod(target, [self = shared_from_this()] {
            if (self->runner)
                self->runner->cancel();
        }, Qt::QueuedConnection);
    }
    QPointer<QObject> io;
    QPointer<AgentRunner> runner; // set on the AI thread before any cancel can run there
    std::atomic<bool> cancelled{false};
};
} // namespace

std::shared_ptr<ChatHandle> startAgent(LlmService &llm, LlmCallContext context, ProviderConfig provider, ChatRequest request,
                                       std::vector<AgentTool> tools, AgentLimits limits, AgentHandlers handlers)
{
    auto handle = std::make_shared<AgentHandle>();
    handle->io = llm.io();
    QMetaObject::invokeMethod(llm.io(), [&llm, handle, context = std::move(context), provider = std::move(provider), request = std::move(request),
                                         tools = std::move(tools), limits, handlers = std::move(handlers)]() mutable {
        auto *runner = new AgentRunner(llm, std::move(context), std::move(provider), std::move(request), std::move(tools), limits, std::move(handlers));
        runner->setParent(llm.io());
        handle->runner = runner;
        runner->start();
        if (handle->cancelled)
            runner->cancel();
    }, Qt::QueuedConnection);
    return handle;
}

void AgentRunner::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_deadline)
        m_deadline->stop();
    if (error && !m_outcome.text.empty())
        m_outcome.messages.push_back({{"role", "assistant"}, {"content", m_outcome.text}, {"status", "incomplete"}});
    m_outcome.error = std::move(error);
    if (m_handlers.done)
        m_handlers.done(m_outcome);
    deleteLater();
}

} // namespace synapscale
