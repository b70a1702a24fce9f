#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace synapscale {

using Json = nlohmann::json;
// Items flowing on one port: each is {"json": {...}} (n8n's shape; "binary" is reserved).
using Items = std::vector<Json>;

// What the node catalog (GET /api/v1/nodes) says about a node type. The parameter schema is a
// JSON Schema object; it drives server-side validation and the editor's inspector. Parameters
// accept `{{ }}` expressions unless their schema says "x-expression": false.
struct NodeDescriptor {
    std::string type;            // dotted lower-case id: "core.set", "trigger.webhook"
    int version = 1;
    std::string displayName;
    std::string category;        // "Triggers", "Flow", "Data", "Code", "Network", "Utility"
    std::string description;
    std::vector<std::string> inputs{"main"};
    std::vector<std::string> outputs{"main"};
    Json parameters = Json::object();
    std::vector<std::string> credentials;
    bool trigger = false;

    Json toJson() const;
};

// Work that waits on something outside the engine (network, a sub-workflow). It is started on
// the engine's I/O thread, holds no worker while it waits, and reports exactly once.
class AsyncWork {
public:
    virtual ~AsyncWork() = default;
    using Done = std::function<void(Result<struct NodeOutput>)>;
    virtual void start(Done done) = 0;
    // Called on the I/O thread when the execution is cancelled; must still report (an error).
    virtual void cancel() = 0;
};

// What one node run produced.
struct NodeOutput {
    std::vector<Items> ports;                // one list per output port
    std::optional<Json> webhookResponse;     // Respond to Webhook: {status, headers, body}
    std::optional<QDateTime> waitUntil;      // Wait: park the execution until then, then pass `ports` on
    std::shared_ptr<AsyncWork> async;        // finish on the I/O thread; its result replaces this one

    static NodeOutput single(Items items)
    {
        NodeOutput out;
        out.ports.push_back(std::move(items));
        return out;
    }
};
using NodeResult = Result<NodeOutput>;

// One language-model reply to one item, as an AI node receives it.
struct LlmReply {
    std::string text;
    Json toolSteps = Json::array(); // the agent's tool calls and results, in order
    int inputTokens = 0;
    int outputTokens = 0;
    double costUsd = 0.0;
    std::string provider;
    std::string model;
};

// What an AI node asks for: one chat per item (each a provider-neutral request
// {model, messages, temperature?, max_tokens?, response_schema?}), run a few at a time, then
// `finish` turns the replies (in item order) into the node's output.
struct LlmBatch {
    std::string provider;                     // empty: the owner's first configured provider
    std::vector<Json> requests;
    Json tools = Json::array();               // agent tools, as /agents takes them
    int maxIterations = 8;
    std::function<Result<struct NodeOutput>(std::vector<LlmReply> &replies)> finish;
};

// What a node sees while it runs. Parameters are read through param(), which applies the
// schema's default and evaluates expressions against the item at `itemIndex`.
class NodeContext {
public:
    virtual ~NodeContext() = default;
    virtual const std::vector<Items> &inputs() const = 0;
    const Items &input(std::size_t port = 0) const
    {
        static const Items none;
        return port < inputs().size() ? inputs()[port] : none;
    }
    // Moves the items of input `port` out, for a node that passes them on unchanged and cannot
    // fail afterwards (a retry would see the port empty): a trigger's request item is not copied.
    virtual Items takeInput(std::size_t port) = 0;
    virtual const Json &rawParameters() const = 0;
    // The parameter's value for one item (expressions evaluated; default when absent).
    virtual Result<Json> param(const std::string &name, std::size_t itemIndex = 0) = 0;
    // Whether the parameter holds an expression, so that it may differ from item to item.
    virtual bool paramVaries(const std::string &name) const = 0;
    // Evaluates expressions inside an arbitrary value (a nested collection entry).
    virtual Result<Json> evaluate(const Json &value, std::size_t itemIndex, const std::string &where) = 0;
    // Runs script code (the Code node) with the same globals as expressions plus `items`.
    // `itemIndex` set: per-item mode ($json is that item). Returns the script's return value.
    virtual Result<Json> runScript(const std::string &code, std::optional<std::size_t> itemIndex) = 0;
    // Starts another workflow of the same owner with `input` (Execute Workflow). The work reports
    // the sub-workflow's last node items when `wait`, else at once with no items.
    virtual Result<std::shared_ptr<AsyncWork>> callWorkflow(const std::string &workflowId, Items input, bool wait) = 0;
    // Language-model calls for the AI nodes, charged to the workflow's owner. Async work.
    virtual Result<std::shared_ptr<AsyncWork>> callLlm(LlmBatch batch) = 0;
    // A credential of the workflow's owner, decrypted, if its type is one of `types`:
    // {"type", "name", "data"}. Never put any of it in outputs or messages.
    virtual Result<Json> credential(const std::string &id, const std::vector<std::string> &types) = 0;
    // State kept across this node's runs within one execution (Loop Over Items uses it).
    virtual Json &state() = 0;
    virtual const std::string &nodeName() const = 0;
    virtual std::string executionId() const = 0;
    virtual std::string workflowId() const = 0;
    virtual std::string mode() const = 0;
    virtual std::string timezone() const = 0;
    // Time limit of script code in this node run (Code node), in milliseconds.
    virtual int scriptTimeoutMs() const = 0;
    // Set when the execution was cancelled; long node work should stop early.
    virtual bool cancelled() const = 0;
    // Opaque key for interrupting this run's scripts (see ScriptEngine).
    virtual const void *runKey() const = 0;
};

// A parameter read for each item in turn, evaluated once when it holds no expression: a node
// that reads several settings per item then pays for each only once per run.
class ItemParam {
public:
    ItemParam(NodeContext &context, std::string name) : m_context(context), m_name(std::move(name)), m_varies(context.paramVaries(m_name)) {}
    const Result<Json> &at(std::size_t itemIndex)
    {
        if (!m_value || (m_varies && itemIndex != m_index)) {
            m_value.emplace(m_context.param(m_name, itemIndex));
            m_index = itemIndex;
        }
        return *m_value;
    }

private:
    NodeContext &m_context;
    std::string m_name;
    bool m_varies;
    std::size_t m_index = 0;
    std::optional<Result<Json>> m_value;
};

// A node type: its descriptor and what it does. Implementations are stateless and shared by
// all executions and threads; execute() runs on a worker thread.
class NodeType {
public:
    virtual ~NodeType() = default;
    virtual const NodeDescriptor &descriptor() const = 0;
    // Output ports for these parameters (Switch grows with its rules).
    virtual std::size_t outputCount(const Json &parameters) const
    {
        (void)parameters;
        return descriptor().outputs.size();
    }
    virtual NodeResult execute(NodeContext &context) const = 0;
};

// Error helpers for node implementations.
inline Error nodeError(const std::string &message)
{
    return Error::make(QStringLiteral("node_error"), QString::fromStdString(message));
}

} // namespace synapscale
