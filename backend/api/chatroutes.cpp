#include "chatroutes.h"

#include "api/jsonbody.h"
#include "api/router.h"
#include "chat/agentservice.h"
#include "chat/conversationservice.h"

namespace synapscale {

namespace {
using nlohmann::json;

template <typename T>
HttpResponse pageJson(const Page<T> &page)
{
    json items = json::array();
    for (const auto &item : page.items)
        items.push_back(item.toJson());
    return HttpResponse::json({{"items", items}, {"total", page.total}, {"skip", page.skip}, {"limit", page.limit}});
}

bool waitParam(const HttpRequest &r)
{
    const QString w = r.query.queryItemValue(QStringLiteral("wait")).toLower();
    return w == QLatin1String("true") || w == QLatin1String("1");
}

std::optional<QString> contentOf(const HttpRequest &r, json &errors)
{
    JsonBody body(r.json);
    body.allowOnly({"content", "attachments"});
    const QString content = body.requiredString("content", 200000);
    if (r.json.is_object() && r.json.contains("attachments") && !r.json["attachments"].is_array())
        body.addError("attachments", QStringLiteral("Input should be a list"), "list_type");
    errors = body.errors();
    if (!body.ok())
        return std::nullopt;
    return content;
}

// 202 {message_id, reply_message_id}, or with ?wait=true 200 and the finished reply. The
// message is stored on the conversations' store thread: the server thread, which writes every
// streamed frame, never waits on the database for it (measured: 200 chats starting at once).
void answerPosted(ConversationService &conversations, const HttpRequest &r, HttpResponder responder,
                  std::function<Result<ConversationService::Posted>(ConversationService::ReplyDone)> start)
{
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    const bool wait = waitParam(r);
    QMetaObject::invokeMethod(conversations.store(), [held, wait, start = std::move(start)] {
        ConversationService::ReplyDone done;
        if (wait)
            done = [held](const MessageRecord &reply) { HttpResponder::sendQueued(held, HttpResponse::json(reply.toJson())); };
        auto posted = start(done);
        if (!posted) {
            HttpResponder::sendQueued(held, HttpResponse::fromError(posted.error()));
            return;
        }
        if (!wait)
            HttpResponder::sendQueued(held, HttpResponse::json({{"message_id", posted->message.id.toStdString()},
                                                                {"reply_message_id", posted->reply.id.toStdString()}}, 202));
    }, Qt::QueuedConnection);
}
} // namespace

void ChatRoutes::addTo(Router &router, AgentService &agentService, ConversationService &conversationService, const QString &apiPrefix)
{
    AgentService *agents = &agentService;
    ConversationService *conversations = &conversationService;
    auto add = [&](const char *method, const QString &path, const char *tag, const char *summary, bool body, json schema, json responses,
                   SyncHandler sync, AsyncHandler async = {}) {
        Route route;
        route.method = method;
        route.pattern = apiPrefix + path;
        route.summary = QString::fromLatin1(summary);
        route.tag = QString::fromLatin1(tag);
        route.requiresAuth = true;
        route.jsonBody = body;
        route.optionalBody = body && std::string(method) == "POST" && path.endsWith(QLatin1String("/conversations"));
        route.requestSchema = std::move(schema);
        route.responses = std::move(responses);
        route.handler = std::move(sync);
        route.asyncHandler = std::move(async);
        router.add(std::move(route));
    };
    const json agentSchema = {{"type", "object"},
                              {"properties",
                               {{"name", {{"type", "string"}}},
                                {"description", {{"type", "string"}}},
                                {"provider", {{"type", "string"}}},
                                {"model", {{"type", "string"}}},
                                {"system_prompt", {{"type", "string"}}},
                                {"temperature", {{"type", "number"}}},
                                {"tools", {{"type", "array"}, {"items", {{"type", "object"}, {"description", "{type:builtin, name:current_time|calculator} | {type:workflow, workflow_id, name?, description?} | {type:http, name, description, method, url, headers?, parameters?}"}}}}},
                                {"memory_window", {{"type", "integer"}}},
                                {"max_iterations", {{"type", "integer"}}}}},
                              {"required", {"name"}}};
    const json agentDoc = {{"description", "{id, name, description, provider, model, system_prompt, temperature, tools, memory_window, max_iterations, created_at, updated_at}"}};
    auto paging = [](const HttpRequest &r, int &skip, int &limit) {
        json errors = json::array();
        readPaging(r.query, skip, limit, errors);
        return errors;
    };

    add("GET", QStringLiteral("/agents"), "agents", "Your agents (?skip, limit)", false, {}, {{"200", {{"description", "{items, total, skip, limit}"}}}},
        [agents, paging](const HttpRequest &r) {
            int skip = 0, limit = 50;
            if (json errors = paging(r, skip, limit); !errors.empty())
                return HttpResponse::validation(errors);
            return respond(agents->list(*r.principal, skip, limit), [](const auto &page) { return pageJson(page); });
        });
    add("POST", QStringLiteral("/agents"), "agents", "Create an agent", true, agentSchema, {{"201", agentDoc}, {"422", {{"description", "Bad fields or tools"}}}},
        [agents](const HttpRequest &r) {
            return respond(agents->save(*r.principal, r.json, std::nullopt), [](const AgentRecord &a) { return HttpResponse::json(a.toJson(), 201); });
        });
    add("GET", QStringLiteral("/agents/{id}"), "agents", "One agent", false, {}, {{"200", agentDoc}, {"404", {{"description", "No such agent of yours"}}}},
        [agents](const HttpRequest &r) {
            return respond(agents->get(*r.principal, r.params.value(QStringLiteral("id"))), [](const AgentRecord &a) { return HttpResponse::json(a.toJson()); });
        });
    add("PUT", QStringLiteral("/agents/{id}"), "agents", "Change an agent (fields not sent are kept)", true, agentSchema, {{"200", agentDoc}},
        [agents](const HttpRequest &r) {
            return respond(agents->save(*r.principal, r.json, r.params.value(QStringLiteral("id"))), [](const AgentRecord &a) { return HttpResponse::json(a.toJson()); });
        });
    add("DELETE", QStringLiteral("/agents/{id}"), "agents", "Delete an agent (its conversations stay, without it)", false, {}, {{"204", {{"description", "Deleted"}}}},
        [agents](const HttpRequest &r) { return respond(agents->remove(*r.principal, r.params.value(QStringLiteral("id"))), 204); });

    const json conversationSchema = {{"type", "object"},
                                     {"properties",
                                      {{"title", {{"type", "string"}, {"description", "Empty: set from the first message"}}},
                                       {"agent_id", {{"type", "string"}}},
                                       {"provider", {{"type", "string"}}},
                                       {"model", {{"type", "string"}}},
                                       {"workflow_id", {{"type", "string"}, {"description", "A workflow with a Chat Trigger answers instead of an agent or model"}}}}}};
    const json conversationDoc = {{"description", "{id, title, agent_id, provider, model, workflow_id, created_at, updated_at}"}};
    const json messageSchema = {{"type", "object"}, {"properties", {{"content", {{"type", "string"}}}, {"attachments", {{"type", "array"}}}}}, {"required", {"content"}}};
    const json postedDoc = {{"202", {{"description", "{message_id, reply_message_id}; the reply streams over /ws/user as message.delta, then message.completed"}}},
                            {"200", {{"description", "With ?wait=true: the finished reply {id, role, content, status, usage, error?}"}}},
                            {"409", {{"description", "A reply is still being written"}}}};

    add("GET", QStringLiteral("/conversations"), "conversations", "Your conversations, latest first (?search, skip, limit)", false, {},
        {{"200", {{"description", "{items, total, skip, limit}"}}}}, [conversations, paging](const HttpRequest &r) {
            int skip = 0, limit = 50;
            if (json errors = paging(r, skip, limit); !errors.empty())
                return HttpResponse::validation(errors);
            return respond(conversations->list(*r.principal, r.query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded).left(200), skip, limit),
                           [](const auto &page) { return pageJson(page); });
        });
    add("POST", QStringLiteral("/conversations"), "conversations", "Start a conversation with an agent or a model", true, conversationSchema,
        {{"201", conversationDoc}}, [conversations](const HttpRequest &r) {
            return respond(conversations->create(*r.principal, r.json), [](const ConversationRecord &c) { return HttpResponse::json(c.toJson(), 201); });
        });
    add("GET", QStringLiteral("/conversations/{id}"), "conversations", "One conversation", false, {}, {{"200", conversationDoc}, {"404", {{"description", "No such conversation of yours"}}}},
        [conversations](const HttpRequest &r) {
            return respond(conversations->get(*r.principal, r.params.value(QStringLiteral("id"))), [](const ConversationRecord &c) { return HttpResponse::json(c.toJson()); });
        });
    add("PUT", QStringLiteral("/conversations/{id}"), "conversations", "Rename, or change the agent or model", true, conversationSchema, {{"200", conversationDoc}},
        [conversations](const HttpRequest &r) {
            return respond(conversations->update(*r.principal, r.params.value(QStringLiteral("id")), r.json),
                           [](const ConversationRecord &c) { return HttpResponse::json(c.toJson()); });
        });
    add("DELETE", QStringLiteral("/conversations/{id}"), "conversations", "Delete a conversation and its messages", false, {}, {{"204", {{"description", "Deleted"}}}},
        [conversations](const HttpRequest &r) { return respond(conversations->remove(*r.principal, r.params.value(QStringLiteral("id"))), 204); });
    add("GET", QStringLiteral("/conversations/{id}/messages"), "conversations", "History, oldest first, a page before a message (?before=<message id>&limit)", false, {},
        {{"200", {{"description", "{items:[{id, role, content, status, tool_calls?, tool_call_id?, usage?, error?, created_at}], has_more}"}}}},
        [conversations](const HttpRequest &r) {
            json errors = json::array();
            int skip = 0, limit = 50;
            readPaging(r.query, skip, limit, errors);
            if (!errors.empty())
                return HttpResponse::validation(errors);
            return respond(conversations->messages(*r.principal, r.params.value(QStringLiteral("id")), r.query.queryItemValue(QStringLiteral("before")), limit),
                           [](const ConversationService::History &h) {
                               json items = json::array();
                               for (const auto &m : h.items)
                                   items.push_back(m.toJson());
                               return HttpResponse::json({{"items", items}, {"has_more", h.hasMore}});
                           });
        });
    add("POST", QStringLiteral("/conversations/{id}/messages"), "conversations", "Send a message; the reply streams over WebSocket (?wait=true answers with it)", true,
        messageSchema, postedDoc, {}, [conversations](const HttpRequest &r, HttpResponder responder) {
            json errors;
            auto content = contentOf(r, errors);
            if (!content) {
                responder.send(HttpResponse::validation(errors));
                return;
            }
            const QString id = r.params.value(QStringLiteral("id"));
            const Principal who = *r.principal;
            answerPosted(*conversations, r, std::move(responder),
                         [conversations, who, id, content = *content](auto done) { return conversations->post(who, id, content, done); });
        });
    add("PATCH", QStringLiteral("/conversations/{id}/messages/{message_id}"), "conversations", "Edit one of your messages and resend it (later messages are replaced)",
        true, messageSchema, postedDoc, {}, [conversations](const HttpRequest &r, HttpResponder responder) {
            json errors;
            auto content = contentOf(r, errors);
            if (!content) {
                responder.send(HttpResponse::validation(errors));
                return;
            }
            const Principal who = *r.principal;
            answerPosted(*conversations, r, std::move(responder),
                         [conversations, who, id = r.params.value(QStringLiteral("id")), messageId = r.params.value(QStringLiteral("message_id")),
                          content = *content](auto done) { return conversations->edit(who, id, messageId, content, done); });
        });
    add("POST", QStringLiteral("/conversations/{id}/regenerate"), "conversations", "Replace the last reply with a new one (?wait=true)", false, {}, postedDoc, {},
        [conversations](const HttpRequest &r, HttpResponder responder) {
            const Principal who = *r.principal;
            answerPosted(*conversations, r, std::move(responder),
                         [conversations, who, id = r.params.value(QStringLiteral("id"))](auto done) { return conversations->regenerate(who, id, done); });
        });
    add("POST", QStringLiteral("/conversations/{id}/stop"), "conversations", "Stop the reply being written (what arrived is kept, marked incomplete)", false, {},
        {{"204", {{"description", "Stopping"}}}, {"409", {{"description", "No reply is being written"}}}},
        [conversations](const HttpRequest &r) { return respond(conversations->stop(*r.principal, r.params.value(QStringLiteral("id"))), 204); });
}

} // namespace synapscale
