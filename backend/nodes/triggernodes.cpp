#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

namespace synapscale {

namespace {
// Triggers start an execution: the engine hands them the execution's input (the webhook
// request, the schedule tick, the caller's items) and they pass it on.
NodeResult passInput(NodeContext &context)
{
    Items items = context.takeInput(0);
    if (items.empty())
        items.push_back(itempaths::item(Json::object()));
    return NodeOutput::single(std::move(items));
}

NodeDescriptor trigger(std::string type, std::string name, std::string description, Json parameters)
{
    NodeDescriptor d;
    d.type = std::move(type);
    d.displayName = std::move(name);
    d.category = "Triggers";
    d.description = std::move(description);
    d.inputs = {};
    d.outputs = {"main"};
    d.parameters = std::move(parameters);
    d.trigger = true;
    return d;
}
} // namespace

void addTriggerNodes(NodeRegistry &registry)
{
    using namespace schema;
    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.manual", "Manual Trigger", "Runs the workflow when you click Run or call POST /workflows/{id}/execute",
                object({})),
        passInput));

    Json webhookParams = object(
        {{"path", string("Path", "", "URL path after /webhook/ (letters, digits, -, _, / and :params)")},
         {"httpMethod", options("HTTP method", {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}, "POST")},
         {"responseMode", options("Respond", {"onReceived", "lastNode", "responseNode"}, "onReceived")},
         {"responseCode", integer("Response code", 200, 100, 599)},
         {"responseData", options("Response data (last node)", {"firstEntryJson", "allEntries", "noData"}, "firstEntryJson")}},
        {"path"});
    webhookParams["properties"]["path"]["x-expression"] = false;
    webhookParams["properties"]["httpMethod"]["x-expression"] = false;
    webhookParams["properties"]["responseMode"]["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.webhook", "Webhook", "Runs the workflow when an HTTP request reaches /webhook/{path}; items are {headers, params, query, body}",
                webhookParams),
        passInput));

    Json scheduleParams = object({{"mode", options("Mode", {"interval", "cron"}, "interval")},
                                  {"interval", integer("Every", 1, 1)},
                                  {"unit", options("Unit", {"seconds", "minutes", "hours", "days"}, "minutes")},
                                  {"cron", string("Cron expression", "0 * * * * *", "seconds minutes hours day-of-month month day-of-week")},
                                  {"timezone", string("Timezone", "", "IANA name; empty = the workflow's or UTC")}});
    for (const char *key : {"mode", "interval", "unit", "cron", "timezone"})
        scheduleParams["properties"][key]["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.schedule", "Schedule Trigger", "Runs the workflow on a schedule: every N seconds/minutes/hours/days, or a cron expression with seconds",
                scheduleParams),
        passInput));

    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.execute_workflow", "Execute Workflow Trigger",
                "Runs the workflow when another workflow calls it with Execute Workflow, or an agent uses it as a tool",
                [] {
                    Json p = object({{"input_schema", {{"type", "object"}, {"title", "Input schema"}, {"x-expression", false},
                                                       {"description", "JSON Schema of the input item; an agent using this workflow as a tool fills it in"}}}});
                    return p;
                }()),
        passInput));

    Json chatParams = object({{"reply_field", string("Reply field", "", "Field of the last node's first item that is the reply; empty: output, text, reply or response")}});
    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.chat", "Chat Trigger",
                "Runs the workflow for each message of a conversation that uses it; the item is {message, conversation_id, message_id, history, "
                "chatInput, sessionId} "
                "and the last node's output becomes the reply",
                chatParams),
        passInput));

    registry.add(std::make_unique<FunctionNode>(
        trigger("trigger.error", "Error Trigger",
                "Runs when a workflow that names this one as its error workflow fails; the item holds {execution, workflow}",
                object({})),
        passInput));
}

} // namespace synapscale
