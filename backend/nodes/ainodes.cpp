#include "nodes/noderegistry.h"

namespace synapscale {

namespace {
using namespace schema;

NodeDescriptor aiNode(const char *type, const char *name, const char *description, const schema::Fields &properties,
                      std::vector<std::string> outputs = {"main"})
{
    NodeDescriptor d;
    d.type = type;
    d.displayName = name;
    d.category = "AI";
    d.description = description;
    d.outputs = std::move(outputs);
    schema::Fields fields{{"provider", string("Provider", "", "openai, anthropic, google, ollama or a custom provider id; empty = the first configured")},
                          {"model", string("Model", "", "Empty = the provider's default model")}};
    fields.insert(fields.end(), properties.begin(), properties.end());
    d.parameters = object(fields);
    return d;
}

Result<std::string> textParam(NodeContext &ctx, const char *name, std::size_t item)
{
    auto v = ctx.param(name, item);
    if (!v)
        return v.error();
    if (v->is_string())
        return v->get<std::string>();
    return v->is_null() ? std::string() : v->dump();
}

// The common part of every item's request: model and sampling settings.
Result<Json> baseRequest(NodeContext &ctx, std::size_t item)
{
    auto model = textParam(ctx, "model", item);
    if (!model)
        return model.error();
    Json r = {{"model", *model}, {"messages", Json::array()}};
    if (auto t = ctx.param("temperature", item); t && t->is_number())
        r["temperature"] = t->get<double>();
    if (auto m = ctx.param("maxTokens", item); m && m->is_number_integer() && m->get<int>() > 0)
        r["max_tokens"] = m->get<int>();
    return r;
}

// The request of AI Chat and AI Agent: the system prompt and the item's prompt.
Result<Json> promptRequest(NodeContext &ctx, std::size_t i)
{
    auto r = baseRequest(ctx, i);
    if (!r)
        return r;
    auto system = textParam(ctx, "systemPrompt", i);
    auto prompt = textParam(ctx, "prompt", i);
    if (!system || !prompt)
        return !system ? system.error() : prompt.error();
    if (prompt->empty())
        return nodeError("Item " + std::to_string(i) + ": the prompt is empty");
    if (!system->empty())
        (*r)["messages"].push_back({{"role", "system"}, {"content", *system}});
    (*r)["messages"].push_back({{"role", "user"}, {"content", *prompt}});
    return r;
}

Result<std::string> providerOf(NodeContext &ctx)
{
    return textParam(ctx, "provider", 0);
}

Json usageOf(const LlmReply &r)
{
    return {{"input_tokens", r.inputTokens}, {"output_tokens", r.outputTokens}, {"cost_usd", r.costUsd}};
}

// Runs `build` for every input item and hands the batch to the engine's AI service.
NodeResult runBatch(NodeContext &ctx, LlmBatch batch, const std::function<Result<Json>(std::size_t item)> &build)
{
    auto provider = providerOf(ctx);
    if (!provider)
        return provider.error();
    batch.provider = *provider;
    const Items &items = ctx.input();
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto request = build(i);
        if (!request)
            return request.error();
        batch.requests.push_back(std::move(*request));
    }
    auto work = ctx.callLlm(std::move(batch));
    if (!work)
        return work.error();
    NodeOutput out;
    out.async = *work;
    return out;
}

std::optional<Json> parseJsonReply(const std::string &text)
{
    // Models sometimes wrap JSON in a ```json fence; take what is between the outer braces.
    const auto open = text.find('{');
    const auto close = text.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return std::nullopt;
    Json parsed = Json::parse(text.substr(open, close - open + 1), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

NodeResult runChat(NodeContext &ctx)
{
    LlmBatch batch;
    auto jsonOutput = ctx.param("jsonOutput");
    const bool wantJson = jsonOutput && jsonOutput->is_boolean() && jsonOutput->get<bool>();
    batch.finish = [wantJson](std::vector<LlmReply> &replies) -> Result<NodeOutput> {
        Items out;
        for (std::size_t i = 0; i < replies.size(); ++i) {
            Json j = {{"text", replies[i].text}, {"model", replies[i].model}, {"provider", replies[i].provider}, {"usage", usageOf(replies[i])}};
            if (wantJson) {
                auto parsed = parseJsonReply(replies[i].text);
                if (!parsed)
                    return nodeError("Item " + std::to_string(i) + ": the model's reply is not a JSON object");
                j["data"] = *parsed;
            }
            out.push_back({{"json", std::move(j)}});
        }
        return NodeOutput::single(std::move(out));
    };
    return runBatch(ctx, std::move(batch), [&](std::size_t i) -> Result<Json> {
        auto r = promptRequest(ctx, i);
        if (r && wantJson)
            (*r)["json_object"] = true;
        return r;
    });
}

NodeResult runAgent(NodeContext &ctx)
{
    LlmBatch batch;
    auto workflows = ctx.param("workflowTools");
    if (workflows && workflows->is_array()) {
        for (const Json &w : *workflows) {
            if (w.is_string() && !w.get<std::string>().empty())
                batch.tools.push_back({{"type", "workflow"}, {"workflow_id", w}});
            else if (w.is_object() && w.contains("workflowId"))
                batch.tools.push_back({{"type", "workflow"}, {"workflow_id", w["workflowId"]}, {"description", w.value("description", std::string())}});
        }
    }
    for (const char *builtin : {"calculator", "currentTime"}) {
        auto on = ctx.param(builtin);
        if (on && on->is_boolean() && on->get<bool>())
            batch.tools.push_back({{"type", "builtin"}, {"name", std::string(builtin) == "calculator" ? "calculator" : "current_time"}});
    }
    if (auto max = ctx.param("maxIterations"); max && max->is_number_integer())
        batch.maxIterations = max->get<int>();
    batch.finish = [](std::vector<LlmReply> &replies) -> Result<NodeOutput> {
        Items out;
        for (auto &r : replies)
            out.push_back({{"json", {{"text", r.text}, {"steps", r.toolSteps}, {"model", r.model}, {"provider", r.provider}, {"usage", usageOf(r)}}}});
        return NodeOutput::single(std::move(out));
    };
    return runBatch(ctx, std::move(batch), [&](std::size_t i) -> Result<Json> { return promptRequest(ctx, i); });
}

NodeResult runExtract(NodeContext &ctx)
{
    auto schemaValue = ctx.param("schema");
    if (!schemaValue)
        return schemaValue.error();
    Json responseSchema = *schemaValue;
    if (responseSchema.is_string())
        responseSchema = Json::parse(responseSchema.get<std::string>(), nullptr, false);
    if (!responseSchema.is_object() || responseSchema.value("type", std::string()) != "object")
        return nodeError("The schema must be a JSON Schema object with \"type\": \"object\"");
    LlmBatch batch;
    batch.finish = [](std::vector<LlmReply> &replies) -> Result<NodeOutput> {
        Items out;
        for (std::size_t i = 0; i < replies.size(); ++i) {
            auto parsed = parseJsonReply(replies[i].text);
            if (!parsed)
                return nodeError("Item " + std::to_string(i) + ": the model did not answer with the requested JSON");
            out.push_back({{"json", std::move(*parsed)}});
        }
        return NodeOutput::single(std::move(out));
    };
    return runBatch(ctx, std::move(batch), [&](std::size_t i) -> Result<Json> {
        auto r = baseRequest(ctx, i);
        auto text = textParam(ctx, "text", i);
        auto instructions = textParam(ctx, "instructions", i);
        if (!r || !text || !instructions)
            return !r ? r.error() : !text ? text.error() : instructions.error();
        std::string system = "Extract the requested data from the user's text. Answer only with JSON that follows the schema; "
                             "use null for what the text does not say.";
        if (!instructions->empty())
            system += "\n" + *instructions;
        (*r)["messages"] = Json::array({{{"role", "system"}, {"content", system}}, {{"role", "user"}, {"content", *text}}});
        (*r)["response_schema"] = responseSchema;
        if (!r->contains("temperature"))
            (*r)["temperature"] = 0;
        return r;
    });
}

std::vector<std::string> categoryNames(const Json &parameters)
{
    std::vector<std::string> names;
    for (const Json &c : parameters.value("categories", Json::array()))
        if (c.is_object() && c.contains("name") && c["name"].is_string())
            names.push_back(c["name"].get<std::string>());
    return names;
}

std::size_t classifyOutputs(const Json &parameters)
{
    return std::max<std::size_t>(1, categoryNames(parameters).size()) + (parameters.value("otherOutput", true) ? 1 : 0);
}

NodeResult runClassify(NodeContext &ctx)
{
    const Json &raw = ctx.rawParameters();
    const std::vector<std::string> names = categoryNames(raw);
    if (names.empty())
        return nodeError("Add at least one category");
    const bool other = raw.value("otherOutput", true);
    std::string list;
    Json categories = Json::array();
    for (const Json &c : raw["categories"]) {
        list += "- " + c.value("name", std::string()) + (c.value("description", std::string()).empty() ? "" : ": " + c.value("description", std::string())) + "\n";
        categories.push_back(c.value("name", std::string()));
    }
    if (other)
        categories.push_back("other");
    const Json responseSchema = {{"type", "object"}, {"properties", {{"category", {{"type", "string"}, {"enum", categories}}}}}, {"required", {"category"}}};
    LlmBatch batch;
    const Items input = ctx.input();
    batch.finish = [names, other, input](std::vector<LlmReply> &replies) -> Result<NodeOutput> {
        NodeOutput out;
        out.ports.resize(names.size() + (other ? 1 : 0));
        for (std::size_t i = 0; i < replies.size(); ++i) {
            auto parsed = parseJsonReply(replies[i].text);
            const std::string category = parsed ? parsed->value("category", std::string()) : std::string();
            std::size_t port = names.size();
            for (std::size_t k = 0; k < names.size(); ++k)
                if (names[k] == category)
                    port = k;
            if (port == names.size() && !other)
                return nodeError("Item " + std::to_string(i) + ": the model answered \"" + category + "\", which is not a category");
            Json item = i < input.size() ? input[i] : Json{{"json", Json::object()}};
            item["json"]["category"] = port < names.size() ? names[port] : std::string("other");
            out.ports[port].push_back(std::move(item));
        }
        return out;
    };
    return runBatch(ctx, std::move(batch), [&](std::size_t i) -> Result<Json> {
        auto r = baseRequest(ctx, i);
        auto text = textParam(ctx, "text", i);
        if (!r || !text)
            return !r ? r.error() : text.error();
        const std::string system = "Classify the user's text into exactly one of these categories:\n" + list +
                                   (other ? "Answer \"other\" when none fits.\n" : "") + "Answer only with JSON: {\"category\": <name>}.";
        (*r)["messages"] = Json::array({{{"role", "system"}, {"content", system}}, {{"role", "user"}, {"content", *text}}});
        (*r)["response_schema"] = responseSchema;
        if (!r->contains("temperature"))
            (*r)["temperature"] = 0;
        return r;
    });
}

NodeResult runSummarize(NodeContext &ctx)
{
    LlmBatch batch;
    batch.finish = [](std::vector<LlmReply> &replies) -> Result<NodeOutput> {
        Items out;
        for (auto &r : replies)
            out.push_back({{"json", {{"summary", r.text}, {"usage", usageOf(r)}}}});
        return NodeOutput::single(std::move(out));
    };
    return runBatch(ctx, std::move(batch), [&](std::size_t i) -> Result<Json> {
        auto r = baseRequest(ctx, i);
        auto text = textParam(ctx, "text", i);
        auto style = textParam(ctx, "style", i);
        auto words = ctx.param("maxWords", i);
        if (!r || !text || !style)
            return !r ? r.error() : !text ? text.error() : style.error();
        const int maxWords = words && words->is_number_integer() ? words->get<int>() : 100;
        const std::string system = "Summarize the user's text in at most " + std::to_string(maxWords) + " words" +
                                   (*style == "bullets" ? ", as a bulleted list" : ", as one paragraph") +
                                   ". Keep names, numbers and dates exact; add nothing that is not in the text. Use the text's language.";
        (*r)["messages"] = Json::array({{{"role", "system"}, {"content", system}}, {{"role", "user"}, {"content", *text}}});
        return r;
    });
}
} // namespace

void addAiNodes(NodeRegistry &registry)
{
    auto with = [](Fields properties) {
        properties.emplace_back("temperature", number("Temperature", 0.7, 0, 2));
        properties.emplace_back("maxTokens", integer("Maximum tokens (0 = provider default)", 0, 0, 1000000));
        return properties;
    };
    registry.add(std::make_unique<FunctionNode>(
        aiNode("ai.chat", "AI Chat", "Sends a prompt per item to a language model and outputs its reply",
               with({{"systemPrompt", text("System prompt", "multiline", "")},
                     {"prompt", text("Prompt", "multiline", "{{ $json.prompt }}")},
                     {"jsonOutput", boolean("Reply as a JSON object (parsed into data)", false)}})),
        runChat));
    Json agentTools = list("Workflows it may call (their Execute Workflow Trigger's input schema becomes the tool's parameters)",
                           {{"type", "string"}, {"title", "Workflow id"}, {"x-widget", "workflow"}});
    agentTools["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(
        aiNode("ai.agent", "AI Agent", "An agent per item: the model may call sub-workflows and built-in tools, a bounded number of turns",
               with({{"systemPrompt", text("System prompt", "multiline", "You are a helpful assistant.")},
                     {"prompt", text("Prompt", "multiline", "{{ $json.prompt }}")},
                     {"workflowTools", agentTools},
                     {"calculator", boolean("Calculator tool", false)},
                     {"currentTime", boolean("Current time tool", false)},
                     {"maxIterations", integer("Maximum turns", 8, 1, 50)}})),
        runAgent));
    Json extractSchema = {{"type", "object"}, {"title", "JSON Schema of the data"}, {"x-expression", false},
                          {"default", {{"type", "object"}, {"properties", {{"name", {{"type", "string"}}}}}}}};
    registry.add(std::make_unique<FunctionNode>(
        aiNode("ai.extract", "Extract structured data", "Turns each item's text into JSON that follows a schema",
               with({{"text", text("Text", "multiline", "{{ $json.text }}")}, {"schema", extractSchema},
                     {"instructions", text("Extra instructions", "multiline", "")}})),
        runExtract));
    Json category = object({{"name", string("Category", "")}, {"description", string("What belongs here", "")}}, {"name"});
    Json categories = list("Categories (one output each)", category);
    categories["x-expression"] = false;
    Json otherOutput = boolean("Add an \"other\" output", true);
    otherOutput["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(
        aiNode("ai.classify", "Classify text", "Routes each item to the output of the category a language model picks",
               with({{"text", text("Text", "multiline", "{{ $json.text }}")}, {"categories", categories}, {"otherOutput", otherOutput}}),
               {"category 1", "category 2", "other"}),
        runClassify, classifyOutputs));
    registry.add(std::make_unique<FunctionNode>(
        aiNode("ai.summarize", "Summarize", "Summarizes each item's text",
               with({{"text", text("Text", "multiline", "{{ $json.text }}")},
                     {"maxWords", integer("At most (words)", 100, 5, 5000)},
                     {"style", options("Style", {"paragraph", "bullets"}, "paragraph")}})),
        runSummarize));
}

} // namespace synapscale
