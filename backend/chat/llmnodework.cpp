#include "llmnodework.h"

#include "ai/agentrunner.h"
#include "chat/agentservice.h"
#include "engine/executionrun.h"

namespace synapscale {

namespace {
using nlohmann::json;
constexpr std::size_t kParallelCalls = 4;

struct BatchState {
    LlmService *llm = nullptr;
    LlmCallContext context;
    ProviderConfig provider;
    std::vector<AgentTool> tools;
    AgentLimits limits;
    std::vector<ChatRequest> requests;
    std::vector<LlmReply> replies;
    std::vector<std::shared_ptr<ChatHandle>> running;
    std::size_t next = 0;
    std::size_t finished = 0;
    bool reported = false;
    bool cancelled = false;
    std::function<Result<NodeOutput>(std::vector<LlmReply> &)> finish;
    AsyncWork::Done done;
};

// Everything below runs on the AI thread.
void report(const std::shared_ptr<BatchState> &s, Result<NodeOutput> result)
{
    if (s->reported)
        return;
    s->reported = true;
    for (auto &h : s->running)
        if (h)
            h->cancel();
    s->done(std::move(result));
}

void launch(const std::shared_ptr<BatchState> &s)
{
    while (!s->reported && s->next < s->requests.size() && s->next - s->finished < kParallelCalls) {
        const std::size_t index = s->next++;
        AgentHandlers h;
        h.toolCall = [s, index](const json &call) { s->replies[index].toolSteps.push_back({{"call", call}}); };
        h.toolResult = [s, index](const json &, const std::string &result, bool isError) {
            if (!s->replies[index].toolSteps.empty())
                s->replies[index].toolSteps.back()["result"] = result, s->replies[index].toolSteps.back()["is_error"] = isError;
        };
        h.done = [s, index](const AgentOutcome &outcome) {
            ++s->finished;
            s->running[index].reset();
            LlmReply &reply = s->replies[index];
            reply.text = outcome.text;
            reply.inputTokens = outcome.inputTokens;
            reply.outputTokens = outcome.outputTokens;
            reply.costUsd = outcome.costUsd;
            if (outcome.error) {
                report(s, Error::make(QStringLiteral("node_error"),
                                      QStringLiteral("%1 (item %2): %3").arg(s->provider.name).arg(index).arg(outcome.error->message)));
                return;
            }
            if (s->finished == s->requests.size()) {
                report(s, s->finish ? s->finish(s->replies) : Result<NodeOutput>(NodeOutput::single({})));
                return;
            }
            launch(s);
        };
        s->replies[index].provider = s->provider.id.toStdString();
        s->replies[index].model = s->requests[index].model.toStdString();
        s->running[index] = startAgent(*s->llm, s->context, s->provider, s->requests[index], s->tools, s->limits, std::move(h));
    }
}

class LlmNodeWork : public AsyncWork {
public:
    LlmNodeWork(LlmService &llm, AgentService &agents, ExecutionRequest request, LlmBatch batch)
        : m_llm(llm), m_agents(agents), m_request(std::move(request)), m_batch(std::move(batch))
    {
    }

    void start(Done done) override
    {
        auto s = std::make_shared<BatchState>();
        m_state = s;
        s->llm = &m_llm;
        s->done = std::move(done);
        auto fail = [s](Result<NodeOutput> result) {
            s->reported = true;
            s->done(std::move(result));
        };
        s->finish = m_batch.finish;
        s->context.userId = m_request.ownerId;
        s->context.source = QStringLiteral("workflow");
        s->context.workflowId = m_request.workflowId;
        s->context.executionId = m_request.executionId;
        s->limits.maxIterations = std::clamp(m_batch.maxIterations, 1, 50);
        s->limits.timeoutMs = 300000;
        auto provider = m_llm.resolve(m_request.ownerId, QString::fromStdString(m_batch.provider));
        if (!provider) {
            fail(Error::make(QStringLiteral("node_error"), provider.error().message));
            return;
        }
        s->provider = *provider;
        Principal owner;
        owner.userId = m_request.ownerId;
        if (!m_batch.tools.empty()) {
            auto tools = m_agents.tools(owner, m_batch.tools);
            if (!tools) {
                fail(Error::make(QStringLiteral("node_error"), tools.error().message));
                return;
            }
            s->tools = std::move(*tools);
        }
        for (const json &r : m_batch.requests) {
            ChatRequest c;
            c.model = QString::fromStdString(r.value("model", std::string()));
            if (c.model.isEmpty())
                c.model = provider->defaultModel;
            if (c.model.isEmpty()) {
                fail(Error::make(QStringLiteral("node_error"), QStringLiteral("Choose a model for %1 in the node's settings").arg(provider->name)));
                return;
            }
            c.messages = r.value("messages", json::array());
            if (r.contains("temperature") && r["temperature"].is_number())
                c.temperature = r["temperature"].get<double>();
            if (r.contains("max_tokens") && r["max_tokens"].is_number_integer() && r["max_tokens"].get<int>() > 0)
                c.maxTokens = r["max_tokens"].get<int>();
            if (r.contains("response_schema") && r["response_schema"].is_object())
                c.responseSchema = r["response_schema"];
            c.jsonObject = r.value("json_object", false);
            s->requests.push_back(std::move(c));
        }
        s->replies.resize(s->requests.size());
        s->running.resize(s->requests.size());
        if (s->requests.empty()) {
            fail(s->finish ? s->finish(s->replies) : Result<NodeOutput>(NodeOutput::single({})));
            return;
        }
        QMetaObject::invokeMethod(m_llm.io(), [s] { launch(s); }, Qt::QueuedConnection);
    }

    void cancel() override
    {
        auto s = m_state.lock();
        if (!s)
            return;
        QMetaObject::invokeMethod(m_llm.io(), [s] { report(s, Error::make(QStringLiteral("node_error"), QStringLiteral("cancelled"))); },
                                  Qt::QueuedConnection);
    }

private:
    LlmService &m_llm;
    AgentService &m_agents;
    ExecutionRequest m_request;
    LlmBatch m_batch;
    std::weak_ptr<BatchState> m_state;
};
} // namespace

std::shared_ptr<AsyncWork> makeLlmNodeWork(LlmService &llm, AgentService &agents, const ExecutionRequest &request, LlmBatch batch)
{
    return std::make_shared<LlmNodeWork>(llm, agents, request, std::move(batch));
}

} // namespace synapscale
