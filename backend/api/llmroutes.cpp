#include "llmroutes.h"

#include "ai/llmservice.h"
#include "api/jsonbody.h"
#include "api/router.h"

#include <QElapsedTimer>

#include <set>

namespace synapscale {

namespace {
using nlohmann::json;

constexpr std::size_t kMaxMessages = 1000;
constexpr std::size_t kMaxTools = 128;

struct ChatBody {
    QString provider;
    bool stream = false;
    ChatRequest request;
};

json err(json loc, const std::string &msg, const char *type)
{
    return {{"loc", std::move(loc)}, {"msg", msg}, {"type", type}};
}

// Reads {provider?, model?, messages, stream?, temperature?, max_tokens?, tools?, response_format?}.
// Tools may be given as {name, description, parameters} or in OpenAI's {type:"function", function:{…}}.
std::optional<ChatBody> readChat(const json &b, json &errors)
{
    if (!b.is_object()) {
        errors.push_back(err({"body"}, "Input should be an object", "dict_type"));
        return std::nullopt;
    }
    static const std::set<std::string> allowed{"provider", "model", "messages", "stream", "temperature", "max_tokens", "tools", "response_format"};
    for (auto it = b.begin(); it != b.end(); ++it)
        if (!allowed.count(it.key()))
            errors.push_back(err({"body", it.key()}, "Extra inputs are not permitted", "extra_forbidden"));
    ChatBody out;
    for (const char *key : {"provider", "model"}) {
        if (!b.contains(key) || b[key].is_null())
            continue;
        if (!b[key].is_string() || b[key].get<std::string>().size() > 200)
            errors.push_back(err({"body", key}, "Input should be a string of at most 200 characters", "string_type"));
        else if (std::string(key) == "provider")
            out.provider = QString::fromStdString(b[key].get<std::string>());
        else
            out.request.model = QString::fromStdString(b[key].get<std::string>());
    }
    if (!b.contains("messages")) {
        errors.push_back(err({"body", "messages"}, "Field required", "missing"));
    } else if (!b["messages"].is_array() || b["messages"].empty() || b["messages"].size() > kMaxMessages) {
        errors.push_back(err({"body", "messages"}, "Input should be a list of 1 to 1000 messages", "list_type"));
    } else {
        const json &messages = b["messages"];
        for (std::size_t i = 0; i < messages.size(); ++i) {
            const json &m = messages[i];
            static const std::set<std::string> roles{"system", "user", "assistant", "tool"};
            if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !roles.count(m["role"].get<std::string>())) {
                errors.push_back(err({"body", "messages", i, "role"}, "Role should be system, user, assistant or tool", "enum"));
                continue;
            }
            if (m.contains("content") && !m["content"].is_string() && !m["content"].is_null())
                errors.push_back(err({"body", "messages", i, "content"}, "Content should be a string", "string_type"));
            if (m.contains("tool_calls") && !m["tool_calls"].is_array())
                errors.push_back(err({"body", "messages", i, "tool_calls"}, "Input should be a list", "list_type"));
            if (m["role"] == "tool" && (!m.contains("tool_call_id") || !m["tool_call_id"].is_string()))
                errors.push_back(err({"body", "messages", i, "tool_call_id"}, "A tool message needs the tool_call_id it answers", "missing"));
            json message = {{"role", m["role"]}, {"content", m.contains("content") && m["content"].is_string() ? m["content"] : json("")}};
            if (m.contains("tool_call_id"))
                message["tool_call_id"] = m["tool_call_id"];
            if (m.contains("tool_calls") && m["tool_calls"].is_array()) {
                json calls = json::array();
                for (const json &c : m["tool_calls"]) {
                    // Accept OpenAI's {id, type, function:{name, arguments}} as well as {id, name, arguments}.
                    const json fn = c.is_object() && c.contains("function") ? c["function"] : c;
                    if (!fn.is_object() || !fn.contains("name") || !fn["name"].is_string()) {
                        errors.push_back(err({"body", "messages", i, "tool_calls"}, "Each tool call needs a name", "missing"));
                        break;
                    }
                    calls.push_back({{"id", c.value("id", std::string())}, {"name", fn["name"]}, {"arguments", fn.value("arguments", json::object())}});
                }
                message["tool_calls"] = calls;
            }
            out.request.messages.push_back(std::move(message));
        }
    }
    if (b.contains("stream") && !b["stream"].is_null()) {
        if (!b["stream"].is_boolean())
            errors.push_back(err({"body", "stream"}, "Input should be a valid boolean", "bool_type"));
        else
            out.stream = b["stream"].get<bool>();
    }
    if (b.contains("temperature") && !b["temperature"].is_null()) {
        if (!b["temperature"].is_number() || b["temperature"].get<double>() < 0 || b["temperature"].get<double>() > 2)
            errors.push_back(err({"body", "temperature"}, "Temperature should be a number from 0 to 2", "float_type"));
        else
            out.request.temperature = b["temperature"].get<double>();
    }
    if (b.contains("max_tokens") && !b["max_tokens"].is_null()) {
        if (!b["max_tokens"].is_number_integer() || b["max_tokens"].get<long long>() < 1 || b["max_tokens"].get<long long>() > 1000000)
            errors.push_back(err({"body", "max_tokens"}, "max_tokens should be a whole number from 1 to 1000000", "int_type"));
        else
            out.request.maxTokens = b["max_tokens"].get<int>();
    }
    if (b.contains("tools") && !b["tools"].is_null()) {
        if (!b["tools"].is_array() || b["tools"].size() > kMaxTools) {
            errors.push_back(err({"body", "tools"}, "Input should be a list of at most 128 tools", "list_type"));
        } else {
            for (std::size_t i = 0; i < b["tools"].size(); ++i) {
                const json &t = b["tools"][i];
                const json fn = t.is_object() && t.contains("function") ? t["function"] : t;
                if (!fn.is_object() || !fn.contains("name") || !fn["name"].is_string() || fn["name"].get<std::string>().empty()) {
                    errors.push_back(err({"body", "tools", i, "name"}, "A tool needs a name", "missing"));
                    continue;
                }
                if (fn.contains("parameters") && !fn["parameters"].is_object()) {
                    errors.push_back(err({"body", "tools", i, "parameters"}, "Parameters should be a JSON Schema object", "dict_type"));
                    continue;
                }
                out.request.tools.push_back({{"name", fn["name"]},
                                             {"description", fn.value("description", std::string())},
                                             {"parameters", fn.value("parameters", json{{"type", "object"}, {"properties", json::object()}})}});
            }
        }
    }
    if (b.contains("response_format") && !b["response_format"].is_null()) {
        const json &f = b["response_format"];
        const std::string type = f.is_object() ? f.value("type", std::string()) : std::string();
        if (type == "json_object") {
            out.request.jsonObject = true;
        } else if (type == "json_schema") {
            const json holder = f.contains("json_schema") ? f["json_schema"] : f;
            if (!holder.is_object() || !holder.contains("schema") || !holder["schema"].is_object()) {
                errors.push_back(err({"body", "response_format", "json_schema", "schema"}, "A JSON Schema object is required", "dict_type"));
            } else {
                out.request.responseSchema = holder["schema"];
                out.request.responseSchemaName = holder.value("name", std::string("response"));
            }
        } else if (type != "text") {
            errors.push_back(err({"body", "response_format", "type"}, "type should be text, json_object or json_schema", "enum"));
        }
    }
    if (!errors.empty())
        return std::nullopt;
    return out;
}

json messageJson(const ChatResult &result)
{
    json message = {{"role", "assistant"}, {"content", result.text}};
    if (!result.toolCalls.empty()) {
        json calls = json::array();
        for (const auto &c : result.toolCalls) {
            json args = json::parse(c.arguments, nullptr, false);
            calls.push_back({{"id", c.id}, {"name", c.name}, {"arguments", args.is_discarded() ? json(c.arguments) : args}});
        }
        message["tool_calls"] = calls;
    }
    return message;
}

json usageJson(const ChatResult &result, double cost)
{
    return {{"input_tokens", result.inputTokens}, {"output_tokens", result.outputTokens}, {"cost_usd", cost}};
}

QByteArray sseEvent(const json &data)
{
    return "data: " + QByteArray::fromStdString(data.dump()) + "\n\n";
}

void chat(LlmService &llm, const HttpRequest &r, HttpResponder responder)
{
    json errors = json::array();
    auto body = readChat(r.json, errors);
    if (!body) {
        responder.send(HttpResponse::validation(errors));
        return;
    }
    auto provider = llm.resolve(r.principal->userId, body->provider);
    if (!provider) {
        responder.send(HttpResponse::fromError(provider.error()));
        return;
    }
    if (body->request.model.isEmpty() && provider->defaultModel.isEmpty()) {
        responder.send(HttpResponse::validation(json::array({err({"body", "model"}, "Field required (this provider has no default model)", "missing")})));
        return;
    }
    const QString model = body->request.model.isEmpty() ? provider->defaultModel : body->request.model;
    const json head = {{"provider", provider->id.toStdString()}, {"model", model.toStdString()}};
    LlmCallContext context;
    context.userId = r.principal->userId;
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    LlmService::ChatHandlers handlers;
    const bool stream = body->stream;
    if (stream) {
        held->beginStream(HttpResponse::text({}, "text/event-stream"));
        handlers.delta = [held](const std::string &text) {
            QByteArray event = sseEvent({{"type", "delta"}, {"text", text}});
            HttpResponder::runOnServerThread(held, [event = std::move(event)](HttpResponder &out) { out.writeChunk(event); });
        };
    }
    handlers.done = [held, head, stream](const ChatOutcome &outcome, double cost) {
        json result = head;
        result["message"] = messageJson(outcome.result);
        result["usage"] = usageJson(outcome.result, cost);
        result["finish_reason"] = outcome.result.finishReason.empty() ? json(nullptr) : json(outcome.result.finishReason);
        if (stream) {
            json last = outcome.ok() ? json{{"type", "done"}} : json{{"type", "error"}, {"code", outcome.error->code.toStdString()}, {"detail", outcome.error->message.toStdString()}};
            last.update(result);
            QByteArray event = sseEvent(last);
            HttpResponder::runOnServerThread(held, [event = std::move(event)](HttpResponder &out) {
                out.writeChunk(event);
                out.endStream();
            });
        } else if (outcome.ok()) {
            HttpResponder::sendQueued(held, HttpResponse::json(result));
        } else {
            HttpResponder::sendQueued(held, HttpResponse::fromError(*outcome.error));
        }
    };
    auto handle = llm.chat(context, *provider, std::move(body->request), std::move(handlers));
    // A client that leaves stops the provider call too (its connection is closed).
    held->onClientGone([handle] { handle->cancel(); });
}
} // namespace

void LlmRoutes::addTo(Router &router, LlmService &service, const QString &apiPrefix)
{
    LlmService *llm = &service;
    const QString base = apiPrefix + QStringLiteral("/llm");
    {
        Route route;
        route.method = "GET";
        route.pattern = base + QStringLiteral("/providers");
        route.summary = QStringLiteral("AI providers, configured or not, with their models (a local Ollama is detected)");
        route.tag = QStringLiteral("ai");
        route.requiresAuth = true;
        route.responses = {{"200", {{"description", "{items:[{id, name, protocol, configured, key_source, base_url, default_model, models, models_error?}]}"}}}};
        route.asyncHandler = [llm](const HttpRequest &r, HttpResponder responder) {
            auto held = std::make_shared<HttpResponder>(std::move(responder));
            llm->describe(r.principal->userId, [held](json items) {
                HttpResponder::sendQueued(held, HttpResponse::json({{"items", items}, {"total", items.size()}}));
            });
        };
        router.add(std::move(route));
    }
    {
        Route route;
        route.method = "POST";
        route.pattern = base + QStringLiteral("/providers/{id}/test");
        route.summary = QStringLiteral("Ask a provider for its models now, with the key and base URL it would use");
        route.tag = QStringLiteral("ai");
        route.requiresAuth = true;
        route.responses = {{"200", {{"description", "{id, ok, models, error?, latency_ms}: ok is false when the provider could not be reached or refused"}}},
                           {"404", {{"description", "No such provider"}}}};
        route.asyncHandler = [llm](const HttpRequest &r, HttpResponder responder) {
            const QString id = r.params.value(QStringLiteral("id"));
            if (!llm->knows(r.principal->userId, id)) {
                responder.send(HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No provider '%1'").arg(id)));
                return;
            }
            auto held = std::make_shared<HttpResponder>(std::move(responder));
            QElapsedTimer clock;
            clock.start();
            llm->describe(r.principal->userId, [held, clock](json items) {
                json out = {{"ok", false}, {"models", json::array()}, {"latency_ms", clock.elapsed()}};
                if (!items.empty()) {
                    const json &p = items.front();
                    out["id"] = p["id"];
                    out["models"] = p["models"];
                    if (p.contains("models_error"))
                        out["error"] = p["models_error"];
                    else if (!p.value("configured", false))
                        out["error"] = p["name"].get<std::string>() + " has no API key yet";
                    else
                        out["ok"] = true;
                }
                HttpResponder::sendQueued(held, HttpResponse::json(out));
            }, id, true);
        };
        router.add(std::move(route));
    }
    {
        Route route;
        route.method = "POST";
        route.pattern = base + QStringLiteral("/chat");
        route.summary = QStringLiteral("Chat completion from any provider; stream:true answers text/event-stream");
        route.description = QStringLiteral("Streamed: `data:` lines of {\"type\":\"delta\",\"text\"}, then {\"type\":\"done\", provider, model, message, usage, "
                                           "finish_reason} or {\"type\":\"error\", code, detail, …partial reply}.");
        route.tag = QStringLiteral("ai");
        route.requiresAuth = true;
        route.jsonBody = true;
        route.requestSchema = {{"type", "object"},
                               {"properties",
                                {{"provider", {{"type", "string"}, {"description", "openai | anthropic | google | ollama | a custom provider id; default: the first configured"}}},
                                 {"model", {{"type", "string"}}},
                                 {"messages", {{"type", "array"}, {"items", {{"type", "object"}, {"description", "{role: system|user|assistant|tool, content, tool_calls?, tool_call_id?}"}}}}},
                                 {"stream", {{"type", "boolean"}}},
                                 {"temperature", {{"type", "number"}}},
                                 {"max_tokens", {{"type", "integer"}}},
                                 {"tools", {{"type", "array"}, {"items", {{"type", "object"}, {"description", "{name, description, parameters: JSON Schema}"}}}}},
                                 {"response_format", {{"type", "object"}, {"description", "{type: json_object} or {type: json_schema, json_schema: {name, schema}}"}}}}},
                               {"required", {"messages"}}};
        route.responses = {{"200", {{"description", "{provider, model, message:{role, content, tool_calls?}, usage:{input_tokens, output_tokens, cost_usd}, finish_reason}"}}},
                           {"400", {{"description", "No provider configured (the message says where to add one)"}}},
                           {"502", {{"description", "The provider failed or refused (code: provider_auth, provider_rate_limited, provider_unavailable, …)"}}},
                           {"504", {{"description", "The provider sent nothing for LLM_TIMEOUT_SECONDS"}}}};
        route.asyncHandler = [llm](const HttpRequest &r, HttpResponder responder) { chat(*llm, r, std::move(responder)); };
        router.add(std::move(route));
    }
    {
        Route route;
        route.method = "GET";
        route.pattern = base + QStringLiteral("/usage");
        route.summary = QStringLiteral("Your language-model usage and cost (?group_by=provider|model|workflow|conversation|source|day, from, to)");
        route.tag = QStringLiteral("ai");
        route.requiresAuth = true;
        route.responses = {{"200", {{"description", "{input_tokens, output_tokens, cost_usd, calls, groups?:[{key, …}]}"}}}};
        route.handler = [llm](const HttpRequest &r) {
            return respond(llm->usage(r.principal->userId, r.query.queryItemValue(QStringLiteral("group_by")),
                                      r.query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                                      r.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded)),
                           [](const json &totals) { return HttpResponse::json(totals); });
        };
        router.add(std::move(route));
    }
}

} // namespace synapscale
