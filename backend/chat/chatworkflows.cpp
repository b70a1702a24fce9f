#include "chatworkflows.h"

#include "engine/executionrun.h"
#include "workflow/executionservice.h"
#include "workflow/workflowservice.h"

namespace synapscale {

namespace {
using nlohmann::json;
constexpr auto kChatTrigger = "trigger.chat";

// The words of the reply in the last node's output.
std::string replyText(const Items &items, const std::string &field)
{
    if (items.empty())
        return {};
    const json first = items.front().value("json", json::object());
    std::vector<std::string> fields;
    if (!field.empty())
        fields.push_back(field);
    for (const char *f : {"output", "text", "reply", "response"})
        fields.emplace_back(f);
    for (const auto &f : fields)
        if (first.is_object() && first.contains(f))
            return first[f].is_string() ? first[f].get<std::string>() : first[f].dump();
    if (items.size() == 1)
        return first.dump();
    json all = json::array();
    for (const auto &item : items)
        all.push_back(item.value("json", json::object()));
    return all.dump();
}

class WorkflowReplyHandle : public ChatHandle {
public:
    explicit WorkflowReplyHandle(std::function<void()> cancel) : m_cancel(std::move(cancel)) {}
    void cancel() override { m_cancel(); }

private:
    std::function<void()> m_cancel;
};
} // namespace

Result<void> ChatWorkflows::check(const Principal &who, const QString &workflowId)
{
    auto workflow = m_workflows.get(who, workflowId);
    if (!workflow)
        return Error::invalid(QStringLiteral("workflow_id"), QStringLiteral("You have no workflow %1").arg(workflowId));
    const json definition = json::parse(workflow->definition.constData(), workflow->definition.constData() + workflow->definition.size(), nullptr, false);
    if (definition.is_object() && definition.value("nodes", json()).is_array())
        for (const auto &node : definition["nodes"])
            if (node.is_object() && node.value("type", std::string()) == kChatTrigger && !node.value("disabled", false))
                return {};
    return Error::invalid(QStringLiteral("workflow_id"),
                          QStringLiteral("Workflow \"%1\" has no Chat Trigger to start from: add one to answer conversations").arg(workflow->name));
}

Result<std::shared_ptr<ChatHandle>> ChatWorkflows::run(const QString &ownerId, const QString &workflowId, const json &input,
                                                       std::function<void(AgentOutcome)> done)
{
    Principal owner;
    owner.userId = ownerId;
    StartOptions options;
    options.mode = QStringLiteral("chat");
    options.input = Items{json{{"json", input}}};
    options.onFinished = [done](ExecutionRun &run) {
        AgentOutcome outcome;
        outcome.iterations = 0;
        const QString status = run.status();
        if (status == QLatin1String("succeeded")) {
            std::string field;
            const int start = run.graph().startNode(run.request().startNodeId, kChatTrigger);
            if (start >= 0)
                field = run.graph().nodes[start].parameters.value("reply_field", std::string());
            outcome.text = replyText(run.lastNodeItems(), field);
        } else if (status == QLatin1String("cancelled")) {
            outcome.error = Error::make(QStringLiteral("cancelled"), QStringLiteral("The reply was stopped"));
        } else {
            outcome.error = Error::make(QStringLiteral("workflow_failed"),
                                        QStringLiteral("The workflow that answers this chat %1: %2").arg(status, run.error()));
        }
        done(std::move(outcome));
    };
    auto started = m_executions.execute(owner, workflowId, std::move(options));
    if (!started)
        return started.error();
    // Through the service, which also ends an execution parked in a Wait at once.
    ExecutionService *executions = &m_executions;
    const QString executionId = (*started)->request().executionId;
    return std::shared_ptr<ChatHandle>(std::make_shared<WorkflowReplyHandle>([executions, owner, executionId] { (void)executions->cancel(owner, executionId); }));
}

} // namespace synapscale
