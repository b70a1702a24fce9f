#include "ai/protocols.h"
#include "ai/sseparser.h"

namespace synapscale::protocols {

namespace {
using nlohmann::json;

// Ollama's native /api/chat, streamed as one JSON object per line; the last has done:true
// with the token counts. Errors arrive as {"error": "..."} lines.
class OllamaDecoder : public StreamDecoder {
public:
    OllamaDecoder(const LlmProvider &provider, ChatSink &sink)
        : m_provider(provider)
        , m_sink(sink)
        , m_lines([this](const QByteArray &line) { onLine(line); })
    {
    }

    void feed(const QByteArray &bytes) override { m_lines.feed(bytes); }
    qsizetype pending() const override { return m_lines.pending(); }

    void end() override
    {
        // A last line without its newline counts only if it is whole JSON: a cut one means
        // the connection dropped, which is reported as such rather than as garbage.
        const QByteArray rest = m_lines.takeRest();
        if (!m_done && !rest.trimmed().isEmpty() && nlohmann::json::accept(rest.constData(), rest.constData() + rest.size()))
            onLine(rest);
        if (!m_done)
            m_sink.failed(incompleteStream(m_provider));
    }

private:
    void onLine(const QByteArray &line)
    {
        if (m_done)
            return;
        const json data = parseStreamJson(line, m_provider, m_sink);
        if (data.is_null()) {
            m_done = true;
            return;
        }
        if (data.contains("error")) {
            m_done = true;
            m_sink.failed(m_provider.httpError(500, line));
            return;
        }
        const json message = data.value("message", json::object());
        if (message.contains("content") && message["content"].is_string() && !message["content"].get<std::string>().empty())
            m_sink.delta(message["content"].get<std::string>());
        for (const json &call : message.value("tool_calls", json::array())) {
            const json fn = call.value("function", json::object());
            const int index = m_tools++;
            m_sink.toolCallPiece(index, call.value("id", "call_" + std::to_string(index + 1)), fn.value("name", std::string()),
                                 argumentsText(fn.value("arguments", json::object())));
        }
        if (data.value("done", false)) {
            m_done = true;
            m_sink.usage(data.value("prompt_eval_count", -1), data.value("eval_count", -1));
            const std::string reason = data.value("done_reason", std::string("stop"));
            m_sink.finished(m_tools > 0 ? std::string("tool_calls") : reason == "length" ? std::string("length") : std::string("stop"));
        }
    }

    const LlmProvider &m_provider;
    ChatSink &m_sink;
    LineSplitter m_lines;
    int m_tools = 0;
    bool m_done = false;
};

class OllamaProvider : public LlmProvider {
public:
    using LlmProvider::LlmProvider;

    Result<OutgoingRequest> chatRequest(const ChatRequest &r) const override
    {
        json messages = json::array();
        for (const json &m : r.messages) {
            json message = {{"role", m.value("role", std::string("user"))}, {"content", m.value("content", std::string())}};
            if (m.contains("tool_calls")) {
                json calls = json::array();
                for (const json &c : m["tool_calls"])
                    calls.push_back({{"function", {{"name", c.value("name", std::string())}, {"arguments", argumentsObject(c.value("arguments", json()))}}}});
                message["tool_calls"] = calls;
            }
            messages.push_back(std::move(message));
        }
        json body = {{"model", r.model.toStdString()}, {"messages", messages}, {"stream", true}};
        json options = json::object();
        if (r.temperature)
            options["temperature"] = *r.temperature;
        if (r.maxTokens)
            options["num_predict"] = *r.maxTokens;
        if (!options.empty())
            body["options"] = options;
        if (!r.tools.empty()) {
            json tools = json::array();
            for (const json &t : r.tools)
                tools.push_back({{"type", "function"}, {"function", t}});
            body["tools"] = tools;
        }
        if (!r.responseSchema.is_null())
            body["format"] = r.responseSchema;
        else if (r.jsonObject)
            body["format"] = "json";
        OutgoingRequest request = baseRequest("POST", config().baseUrl + QStringLiteral("/api/chat"));
        request.body = QByteArray::fromStdString(body.dump());
        if (!config().apiKey.isEmpty())
            request.addHeader("Authorization", "Bearer " + config().apiKey);
        return request;
    }

    std::unique_ptr<StreamDecoder> decoder(const ChatRequest &, ChatSink &sink) const override
    {
        return std::make_unique<OllamaDecoder>(*this, sink);
    }

    OutgoingRequest modelsRequest() const override { return baseRequest("GET", config().baseUrl + QStringLiteral("/api/tags")); }

    QStringList parseModels(const json &body) const override
    {
        QStringList models;
        for (const json &m : body.value("models", json::array()))
            if (m.is_object() && m.contains("name") && m["name"].is_string())
                models.append(QString::fromStdString(m["name"].get<std::string>()));
        return models;
    }
};
} // namespace

std::unique_ptr<LlmProvider> ollama(ProviderConfig config)
{
    return std::make_unique<OllamaProvider>(std::move(config));
}

} // namespace synapscale::protocols
