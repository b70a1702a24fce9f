#include "core/httpclient.h"
#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

namespace synapscale {

namespace {

constexpr qint64 kMaxResponseBytes = 64ll * 1024 * 1024;
constexpr int kParallelRequests = 8;

struct RequestSpec {
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 30000;
    std::string responseFormat;   // auto | json | text
    bool fullResponse = false;
    bool neverError = false;
};

// Sends the prepared requests (a few at a time) on the I/O thread's network manager and
// reports the responses in item order.
class HttpWork : public AsyncWork {
public:
    explicit HttpWork(std::vector<RequestSpec> specs) : m_specs(std::move(specs)), m_results(m_specs.size()) {}

    void start(Done done) override
    {
        m_done = std::move(done);
        if (m_specs.empty()) {
            finish(NodeOutput::single({}));
            return;
        }
        while (m_next < m_specs.size() && m_running < kParallelRequests)
            send(m_next++);
    }

    void cancel() override
    {
        for (auto &reply : m_replies) {
            if (reply)
                reply->abort();
        }
        finish(nodeError("HTTP Request cancelled"));
    }

private:
    void send(std::size_t index)
    {
        const RequestSpec &spec = m_specs[index];
        QNetworkRequest request(spec.url);
        request.setTransferTimeout(spec.timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        for (const auto &[name, value] : spec.headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = HttpCall::manager().sendCustomRequest(request, spec.method, spec.body);
        ++m_running;
        m_replies.push_back(reply);
        auto received = std::make_shared<QByteArray>();
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, received] {
            if (!reply->isOpen())
                return;
            received->append(reply->readAll());
            if (received->size() > kMaxResponseBytes)
                reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, index, received] {
            if (reply->isOpen())
                received->append(reply->readAll());
            reply->deleteLater();
            --m_running;
            if (m_finished)
                return;
            auto result = toItem(reply, *received, m_specs[index]);
            if (!result) {
                for (auto &other : m_replies)
                    if (other && other != reply)
                        other->abort();
                finish(Error::make(result.error().code, result.error().message + QStringLiteral(" [item %1]").arg(index)));
                return;
            }
            m_results[index] = std::move(*result);
            ++m_completed;
            if (m_completed == m_specs.size()) {
                finish(NodeOutput::single(std::move(m_results)));
                return;
            }
            if (m_next < m_specs.size())
                send(m_next++);
        });
    }

    static Result<Json> toItem(QNetworkReply *reply, const QByteArray &body, const RequestSpec &spec)
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (body.size() > kMaxResponseBytes)
            return nodeError("The response of " + spec.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toStdString()
                             + " is larger than 64 MB");
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            std::string reason = reply->errorString().toStdString();
            if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
                reason = "no answer within " + std::to_string(spec.timeoutMs / 1000.0).substr(0, 5) + " s";
            return Error::make(QStringLiteral("http_request_failed"),
                               QStringLiteral("HTTP request to %1 failed: %2")
                                   .arg(spec.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), QString::fromStdString(reason)));
        }
        Json parsedBody;
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const bool wantJson = spec.responseFormat == "json" || (spec.responseFormat == "auto" && contentType.contains("json"));
        if (wantJson) {
            parsedBody = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
            if (parsedBody.is_discarded()) {
                if (spec.responseFormat == "json")
                    return nodeError("The response is not valid JSON (status " + std::to_string(status) + ")");
                parsedBody = body.toStdString();
            }
        } else {
            parsedBody = std::string(body.constData(), std::size_t(body.size()));
        }
        if (status >= 400 && !spec.neverError) {
            std::string snippet = body.left(300).toStdString();
            return Error::make(QStringLiteral("http_request_failed"),
                               QStringLiteral("HTTP request to %1 answered %2: %3")
                                   .arg(spec.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))
                                   .arg(status)
                                   .arg(QString::fromStdString(Json(snippet).get<std::string>())));
        }
        if (spec.fullResponse) {
            Json headers = Json::object();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                headers[name.toLower().toStdString()] = value.toStdString();
            return itempaths::item({{"statusCode", status}, {"headers", headers}, {"body", parsedBody}});
        }
        if (parsedBody.is_object())
            return itempaths::item(parsedBody);
        return itempaths::item({{"data", parsedBody}});
    }

    void finish(Result<NodeOutput> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        auto done = std::move(m_done);
        if (done)
            done(std::move(result));
    }

    std::vector<RequestSpec> m_specs;
    Items m_results;
    std::vector<QPointer<QNetworkReply>> m_replies;
    std::size_t m_next = 0;
    std::size_t m_completed = 0;
    int m_running = 0;
    bool m_finished = false;
    Done m_done;
};

Result<QList<QPair<QByteArray, QByteArray>>> pairs(const Json &list, const char *what)
{
    QList<QPair<QByteArray, QByteArray>> out;
    if (list.is_null())
        return out;
    if (list.is_object()) {
        for (auto it = list.begin(); it != list.end(); ++it)
            out.append({QByteArray::fromStdString(it.key()),
                        QByteArray::fromStdString(it.value().is_string() ? it.value().get<std::string>() : it.value().dump())});
        return out;
    }
    if (!list.is_array())
        return nodeError(std::string(what) + " must be a list of {name, value}");
    for (const auto &p : list) {
        const std::string name = p.value("name", std::string());
        if (name.empty())
            continue;
        const Json v = p.value("value", Json(""));
        out.append({QByteArray::fromStdString(name), QByteArray::fromStdString(v.is_string() ? v.get<std::string>() : v.dump())});
    }
    return out;
}

const std::vector<std::string> kCredentialTypes{"http_basic", "http_bearer", "http_header"};

// The Authorization (or custom) header from the node's stored credential. The credential is
// named by id and read for the workflow's owner; its values never reach the output or errors.
Result<QPair<QByteArray, QByteArray>> credentialHeader(NodeContext &ctx)
{
    const Json &id = ctx.rawParameters().contains("credential") ? ctx.rawParameters()["credential"] : Json();
    if (!id.is_string() || id.get<std::string>().empty())
        return nodeError("Authentication is set to a stored credential, but none is chosen");
    auto c = ctx.credential(id.get<std::string>(), kCredentialTypes);
    if (!c)
        return c.error();
    const Json &data = (*c)["data"];
    const auto field = [&](const char *name) { return QByteArray::fromStdString(data.value(name, std::string())); };
    const std::string type = (*c)["type"].get<std::string>();
    if (type == "http_basic")
        return qMakePair(QByteArray("Authorization"), "Basic " + (field("username") + ':' + field("password")).toBase64());
    if (type == "http_bearer")
        return qMakePair(QByteArray("Authorization"), "Bearer " + field("token"));
    const QByteArray name = field("name").trimmed();
    if (name.isEmpty() || name.contains(':') || name.contains('\n') || name.contains('\r'))
        return nodeError("The header credential '" + (*c)["name"].get<std::string>() + "' has no valid header name");
    return qMakePair(name, field("value"));
}

NodeResult prepareRequests(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    std::vector<RequestSpec> specs;
    const std::size_t count = std::max<std::size_t>(items.size(), 1);
    std::optional<Result<QPair<QByteArray, QByteArray>>> credential;
    for (std::size_t i = 0; i < count; ++i) {
        Json p = Json::object();
        for (const char *name : {"method", "url", "query", "headers", "bodyType", "body", "contentType", "timeout", "responseFormat",
                                 "fullResponse", "neverError", "authentication", "user", "password", "token"}) {
            auto v = ctx.param(name, i);
            if (!v)
                return v.error();
            p[name] = *v;
        }
        RequestSpec spec;
        spec.method = QByteArray::fromStdString(p["method"].is_string() ? p["method"].get<std::string>() : "GET").toUpper();
        const QString url = QString::fromStdString(p["url"].is_string() ? p["url"].get<std::string>() : "");
        spec.url = QUrl(url, QUrl::StrictMode);
        if (!spec.url.isValid() || (spec.url.scheme() != QLatin1String("http") && spec.url.scheme() != QLatin1String("https"))
            || spec.url.host().isEmpty())
            return nodeError("'" + url.toStdString() + "' is not an http(s) URL [item " + std::to_string(i) + "]");
        auto query = pairs(p["query"], "Query parameters");
        auto headers = pairs(p["headers"], "Headers");
        if (!query || !headers)
            return !query ? query.error() : headers.error();
        if (!query->isEmpty()) {
            QUrlQuery q(spec.url);
            for (const auto &[name, value] : *query)
                q.addQueryItem(QString::fromUtf8(name), QString::fromUtf8(value));
            spec.url.setQuery(q);
        }
        spec.headers = *headers;
        const std::string auth = p["authentication"].is_string() ? p["authentication"].get<std::string>() : "none";
        if (auth == "credential") {
            if (!credential) // the same for every item: read and decrypted once per node run
                credential = credentialHeader(ctx);
            if (!*credential)
                return credential->error();
            spec.headers.append(credential->value());
        } else if (auth == "basic")
            spec.headers.append({"Authorization", "Basic " + QByteArray::fromStdString(p["user"].get<std::string>() + ":"
                                                                                        + p["password"].get<std::string>())
                                                                  .toBase64()});
        else if (auth == "bearer")
            spec.headers.append({"Authorization", "Bearer " + QByteArray::fromStdString(p["token"].get<std::string>())});
        const std::string bodyType = p["bodyType"].is_string() ? p["bodyType"].get<std::string>() : "none";
        const Json &body = p["body"];
        if (bodyType == "json") {
            Json value = body;
            if (body.is_string() && !body.get<std::string>().empty()) {
                value = Json::parse(body.get<std::string>(), nullptr, false);
                if (value.is_discarded())
                    return nodeError("The JSON body is not valid JSON [item " + std::to_string(i) + "]");
            }
            spec.body = QByteArray::fromStdString(value.is_null() || (value.is_string() && value.get<std::string>().empty()) ? "{}" : value.dump());
            spec.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        } else if (bodyType == "form") {
            auto fields = pairs(body, "Form fields");
            if (!fields)
                return fields.error();
            QUrlQuery form;
            for (const auto &[name, value] : *fields)
                form.addQueryItem(QString::fromUtf8(name), QString::fromUtf8(value));
            spec.body = form.toString(QUrl::FullyEncoded).toUtf8();
            spec.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        } else if (bodyType == "raw") {
            spec.body = QByteArray::fromStdString(body.is_string() ? body.get<std::string>() : body.dump());
            const std::string type = p["contentType"].is_string() ? p["contentType"].get<std::string>() : "text/plain";
            spec.headers.append({"Content-Type", QByteArray::fromStdString(type.empty() ? "text/plain" : type)});
        }
        spec.timeoutMs = p["timeout"].is_number() ? std::clamp(int(p["timeout"].get<double>()), 1, 3600000) : 30000;
        spec.responseFormat = p["responseFormat"].is_string() ? p["responseFormat"].get<std::string>() : "auto";
        spec.fullResponse = p["fullResponse"].is_boolean() && p["fullResponse"].get<bool>();
        spec.neverError = p["neverError"].is_boolean() && p["neverError"].get<bool>();
        specs.push_back(std::move(spec));
    }
    NodeOutput out;
    out.async = std::make_shared<HttpWork>(std::move(specs));
    return out;
}

} // namespace

void addHttpRequestNode(NodeRegistry &registry)
{
    using namespace schema;
    NodeDescriptor d;
    d.type = "core.http_request";
    d.displayName = "HTTP Request";
    d.category = "Network";
    d.description = "Calls a URL once per item: method, query, headers, JSON/form/raw body, authentication, timeout; "
                    "the response becomes the item (JSON or text)";
    const Json pair = object({{"name", string("Name", "")}, {"value", string("Value", "")}});
    d.parameters = object({{"method", options("Method", {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}, "GET")},
                           {"url", string("URL", "")},
                           {"query", list("Query parameters", pair)},
                           {"headers", list("Headers", pair)},
                           {"bodyType", options("Body type", {"none", "json", "form", "raw"}, "none")},
                           {"body", {{"title", "Body"}, {"default", ""}}},
                           {"contentType", string("Content type (raw body)", "text/plain")},
                           {"authentication", options("Authentication", {"none", "credential", "basic", "bearer"}, "none")},
                           {"credential", string("Credential", "", "A stored HTTP credential (basic auth, bearer token or header), used when Authentication is 'credential'")},
                           {"user", string("User (basic)", "")},
                           {"password", string("Password (basic)", "")},
                           {"token", string("Token (bearer)", "")},
                           {"timeout", integer("Timeout (ms)", 30000, 1, 3600000)},
                           {"responseFormat", options("Response format", {"auto", "json", "text"}, "auto")},
                           {"fullResponse", boolean("Include status and headers", false)},
                           {"neverError", boolean("Succeed on 4xx/5xx answers", false)}},
                          {"url"});
    d.parameters["properties"]["password"]["format"] = "password";
    d.parameters["properties"]["token"]["format"] = "password";
    // A credential is chosen by id (the editor offers the user's credentials of these types).
    d.parameters["properties"]["credential"]["format"] = "credential";
    d.parameters["properties"]["credential"]["x-credential-types"] = kCredentialTypes;
    d.parameters["properties"]["credential"]["x-expression"] = false;
    d.credentials = kCredentialTypes;
    registry.add(std::make_unique<FunctionNode>(std::move(d), prepareRequests));
}

} // namespace synapscale
