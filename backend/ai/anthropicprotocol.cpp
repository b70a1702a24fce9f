#include "ai/protocols.h"
#include "ai/sseparser.h"

#include <map>

namespace synapscale::protocols {

namespace {
using nlohmann::json;

// Anthropic has no response_format: structured output is a tool the model must call, whose
// input is the reply. The decoder turns that tool's input back into text.
constexpr const char *kStructuredTool = "structured_output";

std::string finishReason(const std::string &stop)
{
    if (stop == "max_tokens")
        return "length";
    if (stop == "tool_use")
        return "tool_calls";
    if (stop == "refusal")
        return "content_filter";
    return "stop";
}

// Anthropic Messages, streamed: named events message_start, content_block_start|delta|stop,
// message_delta, message_stop; `ping` and `error` may come at any time.
class AnthropicDecoder : public StreamDecoder {
public:
    AnthropicDecoder(const LlmProvider &provider, ChatSink &sink, bool structured)
        : m_provider(provider)
        , m_sink(sink)
        , m_structured(structured)
        , m_parser([this](const SseParser::Event &e) { event(e); })
    {
    }

    void feed(const QByteArray &bytes) override { m_parser.feed(bytes); }
    qsizetype pending() const override { return m_parser.pending(); }

    void end() override
    {
        m_parser.finish();
        if (!m_done)
            m_sink.failed(incompleteStream(m_provider));
    }

private:
    struct Block {
        bool tool = false;
        bool structured = false;
        int toolIndex = 0;
    };

    void event(const SseParser::Event &e)
    {
        if (m_done || e.type == "ping")
            return;
        const json data = parseStreamJson(e.data, m_provider, m_sink);
        if (data.is_null()) {
            m_done = true;
            return;
        }
        const std::string type = data.value("type", std::string(e.type.constData()));
        if (type == "error") {
            m_done = true;
            const json err = data.value("error", json::object());
            const std::string kind = err.value("type", std::string());
            const int status = kind == "overloaded_error" ? 529 : kind == "rate_limit_error" ? 429 : 500;
            m_sink.failed(m_provider.httpError(status, e.data));
        } else if (type == "message_start") {
            const json usage = data.value("message", json::object()).value("usage", json::object());
            m_sink.usage(usage.value("input_tokens", -1), usage.value("output_tokens", -1));
        } else if (type == "content_block_start") {
            const json block = data.value("content_block", json::object());
            Block b;
            if (block.value("type", std::string()) == "tool_use") {
                b.tool = true;
                b.structured = m_structured && block.value("name", std::string()) == kStructuredTool;
                if (!b.structured) {
                    b.toolIndex = m_tools++;
                    m_sink.toolCallPiece(b.toolIndex, block.value("id", std::string()), block.value("name", std::string()), {});
                }
            } else if (block.contains("text") && block["text"].is_string() && !block["text"].get<std::string>().empty()) {
                m_sink.delta(block["text"].get<std::string>());
            }
            m_blocks[data.value("index", 0)] = b;
        } else if (type == "content_block_delta") {
            const json delta = data.value("delta", json::object());
            const std::string kind = delta.value("type", std::string());
            const Block b = m_blocks[data.value("index", 0)];
            if (kind == "text_delta") {
                m_sink.delta(delta.value("text", std::string()));
            } else if (kind == "input_json_delta") {
                const std::string part = delta.value("partial_json", std::string());
                if (b.structured)
                    m_sink.delta(part);
                else
                    m_sink.toolCallPiece(b.toolIndex, {}, {}, part);
            }
        } else if (type == "message_delta") {
            const json usage = data.value("usage", json::object());
            m_sink.usage(usage.contains("input_tokens") ? usage.value("input_tokens", -1) : -1, usage.value("output_tokens", -1));
            const json delta = data.value("delta", json::object());
            if (delta.contains("stop_reason") && delta["stop_reason"].is_string())
                m_stopReason = delta["stop_reason"].get<std::string>();
        } else if (type == "message_stop") {
            m_done = true;
            // The structured-output tool is the answer itself, not a call to make.
            const bool forced = m_structured && m_stopReason == "tool_use" && m_tools == 0;
            m_sink.finished(forced ? std::string("stop") : finishReason(m_stopReason));
        }
    }

    const LlmProvider &m_provider;
    ChatSink &m_sink;
    bool m_structured;
    SseParser m_parser;
    std::map<int, Block> m_blocks;
    int m_tools = 0;
    std::string m_stopReason;
    bool m_done = false;
};

// Anthropic keeps the system prompt apart, wants tool calls and tool results as content
// blocks, and results of one turn's calls together in one user message.
json anthropicMessages(const json &messages, std::string &system)
{
    json out = json::array();
    for (const json &m : messages) {
        const std::string role = m.value("role", std::string("user"));
        const std::string content = m.contains("content") && m["content"].is_string() ? m["content"].get<std::string>() : std::string();
        if (role == "system") {
            system += (system.empty() ? "" : "\n\n") + content;
        } else if (role == "tool") {
            json block = {{"type", "tool_result"}, {"tool_use_id", m.value("tool_call_id", std::string())}, {"content", content}};
            if (!out.empty() && out.back()["role"] == "user" && out.back()["content"].is_array() && !out.back()["content"].empty() &&
                out.back()["content"].back().value("type", std::string()) == "tool_result")
                out.back()["content"].push_back(std::move(block));
            else
                out.push_back({{"role", "user"}, {"content", json::array({std::move(block)})}});
        } else if (role == "assistant" && m.contains("tool_calls") && m["tool_calls"].is_array() && !m["tool_calls"].empty()) {
            json blocks = json::array();
            if (!content.empty())
                blocks.push_back({{"type", "text"}, {"text", content}});
            for (const json &c : m["tool_calls"])
                blocks.push_back({{"type", "tool_use"},
                                  {"id", c.value("id", std::string())},
                                  {"name", c.value("name", std::string())},
                                  {"input", argumentsObject(c.value("arguments", json()))}});
            out.push_back({{"role", "assistant"}, {"content", blocks}});
        } else {
            out.push_back({{"role", role == "assistant" ? "assistant" : "user"}, {"content", content}});
        }
    }
    return out;
}

class AnthropicProvider : public LlmProvider {
public:
    using LlmProvider::LlmProvider;

    Result<OutgoingRequest> chatRequest(const ChatRequest &r) const override
    {
        std::string system;
        json body = {{"model", r.model.toStdString()}, {"stream", true}, {"max_tokens", r.maxTokens.value_or(4096)}};
        body["messages"] = anthropicMessages(r.messages, system);
        if (!system.empty())
            body["system"] = system;
        if (r.temperature)
            body["temperature"] = std::min(1.0, *r.temperature); // Anthropic's range is 0..1
        json tools = json::array();
        for (const json &t : r.tools)
            tools.push_back({{"name", t.value("name", std::string())},
                             {"description", t.value("description", std::string())},
                             {"input_schema", t.value("parameters", json{{"type", "object"}})}});
        const bool structured = !r.responseSchema.is_null() || r.jsonObject;
        if (structured) {
            const json schema = r.responseSchema.is_null() ? json{{"type", "object"}} : r.responseSchema;
            tools.push_back({{"name", kStructuredTool}, {"description", "Give the answer in this structure."}, {"input_schema", schema}});
            if (r.tools.empty())
                body["tool_choice"] = {{"type", "tool"}, {"name", kStructuredTool}};
        }
        if (!tools.empty())
            body["tools"] = tools;
        OutgoingRequest request = baseRequest("POST", config().baseUrl + QStringLiteral("/v1/messages"));
        request.body = QByteArray::fromStdString(body.dump());
        addAuth(request);
        return request;
    }

    std::unique_ptr<StreamDecoder> decoder(const ChatRequest &r, ChatSink &sink) const override
    {
        return std::make_unique<AnthropicDecoder>(*this, sink, !r.responseSchema.is_null() || r.jsonObject);
    }

    OutgoingRequest modelsRequest() const override
    {
        OutgoingRequest request = baseRequest("GET", config().baseUrl + QStringLiteral("/v1/models"));
        addAuth(request);
        return request;
    }

    QStringList parseModels(const json &body) const override { return modelIdsFromData(body); }

private:
    void addAuth(OutgoingRequest &request) const
    {
        request.addHeader("x-api-key", config().apiKey);
        request.addHeader("anthropic-version", "2023-06-01");
    }
};
} // namespace

std::unique_ptr<LlmProvider> anthropic(ProviderConfig config)
{
    return std::make_unique<AnthropicProvider>(std::move(config));
}

} // namespace synapscale::protocols
