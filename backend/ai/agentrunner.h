#pragma once

#include "ai/llmservice.h"

#include <QElapsedTimer>

#include <functional>
#include <optional>
#include <vector>

namespace synapscale {

// A tool an agent may call. `invoke` runs on the AI thread and must call `done` exactly once,
// on that thread, with the text the model will read (an error is text too: the model may recover).
struct AgentTool {
    std::string name;
    std::string description;
    nlohmann::json parameters = {{"type", "object"}, {"properties", nlohmann::json::object()}};
    std::function<void(const nlohmann::json &arguments, std::function<void(std::string result, bool isError)> done)> invoke;
};

struct AgentLimits {
    int maxIterations = 8;   // model turns; a reply that still wants tools after this fails
    int timeoutMs = 120000;  // the whole loop, tools included
};

// What one agent run added to the conversation and what it cost.
struct AgentOutcome {
    std::string text;                                     // the final reply (partial on error)
    nlohmann::json messages = nlohmann::json::array();    // assistant tool-call turns, tool results, the final reply
    int inputTokens = 0;
    int outputTokens = 0;
    double costUsd = 0.0;
    int iterations = 0;
    std::string finishReason;
    std::optional<Error> error;
};

struct AgentHandlers {
    std::function<void(const std::string &text)> delta;
    std::function<void(const nlohmann::json &call)> toolCall;                   // {id, name, arguments}
    std::function<void(const nlohmann::json &call, const std::string &result, bool isError)> toolResult;
    std::function<void(const AgentOutcome &outcome)> done;
};

// The bounded agent loop: ask the model; while it calls tools, run them and ask again with their
// results — at most `maxIterations` turns and `timeoutMs` in all. Every call and result is in
// the outcome's messages. Runs on the AI thread; start it with LlmService::runAgent().
class AgentRunner : public QObject {
    Q_OBJECT
public:
    AgentRunner(LlmService &llm, LlmCallContext context, ProviderConfig provider, ChatRequest request, std::vector<AgentTool> tools,
                AgentLimits limits, AgentHandlers handlers);
    void start();
    void cancel();

private:
    void turn();
    void onReply(const ChatOutcome &reply, double cost);
    void runTools(std::vector<ToolCall> calls, std::size_t index);
    void finish(std::optional<Error> error);
    bool timedOut() const;

    LlmService &m_llm;
    LlmCallContext m_context;
    ProviderConfig m_provider;
    ChatRequest m_request;
    std::vector<AgentTool> m_tools;
    AgentLimits m_limits;
    AgentHandlers m_handlers;
    AgentOutcome m_outcome;
    std::shared_ptr<ChatHandle> m_call;
    QElapsedTimer m_clock;
    QTimer *m_deadline = nullptr;
    bool m_cancelled = false;
    bool m_finished = false;
};

// Starts an agent run on the AI thread; the handle stops it from any thread.
std::shared_ptr<ChatHandle> startAgent(LlmService &llm, LlmCallContext context, ProviderConfig provider, ChatRequest request,
                                       std::vector<AgentTool> tools, AgentLimits limits, AgentHandlers handlers);

} // namespace synapscale
