#include "llmprovider.h"

#include "ai/protocols.h"

namespace synapscale {

namespace {
// The message inside the error bodies of all four protocols: OpenAI, Anthropic and Gemini
// use {"error":{"message"}}, Ollama {"error":"..."}; proxies often send {"detail"|"message"}.
QString messageIn(const QByteArray &body)
{
    const auto json = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (json.is_object()) {
        if (json.contains("error")) {
            const auto &e = json["error"];
            if (e.is_string())
                return QString::fromStdString(e.get<std::string>());
            if (e.is_object() && e.contains("message") && e["message"].is_string())
                return QString::fromStdString(e["message"].get<std::string>());
        }
        for (const char *key : {"detail", "message"}) {
            if (json.contains(key) && json[key].is_string())
                return QString::fromStdString(json[key].get<std::string>());
        }
    }
    return QString::fromUtf8(body.left(200)).simplified();
}
} // namespace

Error LlmProvider::httpError(int status, const QByteArray &body) const
{
    const QString said = messageIn(body);
    const QString from = m_config.name;
    const QString suffix = said.isEmpty() ? QString() : QStringLiteral(": ") + said;
    if (status == 401 || status == 403)
        return Error::make(QStringLiteral("provider_auth"), QStringLiteral("%1 refused the API key (HTTP %2)%3").arg(from).arg(status).arg(suffix));
    if (status == 404)
        return Error::make(QStringLiteral("provider_not_found"), QStringLiteral("%1 does not know this model or path (HTTP 404)%2").arg(from, suffix));
    if (status == 429)
        return Error::make(QStringLiteral("provider_rate_limited"), QStringLiteral("%1 is rate limiting requests (HTTP 429)%2").arg(from, suffix));
    if (status >= 500)
        return Error::make(QStringLiteral("provider_unavailable"), QStringLiteral("%1 failed (HTTP %2)%3").arg(from).arg(status).arg(suffix));
    return Error::make(QStringLiteral("provider_rejected"), QStringLiteral("%1 rejected the request (HTTP %2)%3").arg(from).arg(status).arg(suffix));
}

std::unique_ptr<LlmProvider> LlmProvider::make(ProviderConfig config)
{
    if (config.protocol == QLatin1String("anthropic"))
        return protocols::anthropic(std::move(config));
    if (config.protocol == QLatin1String("google"))
        return protocols::gemini(std::move(config));
    if (config.protocol == QLatin1String("ollama"))
        return protocols::ollama(std::move(config));
    return protocols::openAi(std::move(config));
}

OutgoingRequest LlmProvider::baseRequest(QByteArray method, const QString &url) const
{
    OutgoingRequest request;
    request.method = std::move(method);
    request.url = QUrl(url);
    request.idleTimeoutMs = m_config.timeoutMs;
    request.maxAttempts = m_config.maxAttempts;
    if (request.method != "GET")
        request.addHeader("Content-Type", "application/json");
    request.addHeader("Accept", "application/json, text/event-stream, application/x-ndjson");
    return request;
}

Error incompleteStream(const LlmProvider &provider)
{
    return Error::make(QStringLiteral("provider_incomplete"),
                       QStringLiteral("%1 closed the stream before the reply was complete").arg(provider.config().name));
}

QStringList modelIdsFromData(const nlohmann::json &body)
{
    QStringList models;
    for (const auto &m : body.value("data", nlohmann::json::array()))
        if (m.is_object() && m.contains("id") && m["id"].is_string())
            models.append(QString::fromStdString(m["id"].get<std::string>()));
    return models;
}

nlohmann::json parseStreamJson(const QByteArray &text, const LlmProvider &provider, ChatSink &sink)
{
    auto json = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        sink.failed(Error::make(QStringLiteral("provider_malformed"),
                                QStringLiteral("%1 sent a malformed event: %2").arg(provider.config().name, QString::fromUtf8(text.left(120)))));
        return nullptr;
    }
    return json;
}

namespace protocols {
nlohmann::json argumentsObject(const nlohmann::json &arguments)
{
    if (arguments.is_object())
        return arguments;
    if (arguments.is_string()) {
        auto parsed = nlohmann::json::parse(arguments.get<std::string>(), nullptr, false);
        if (parsed.is_object())
            return parsed;
    }
    return nlohmann::json::object();
}

std::string argumentsText(const nlohmann::json &arguments)
{
    if (arguments.is_string())
        return arguments.get<std::string>();
    return arguments.is_null() ? std::string("{}") : arguments.dump();
}
} // namespace protocols

} // namespace synapscale
