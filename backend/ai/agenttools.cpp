#include "agenttools.h"

#include "core/httpclient.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUrlQuery>

#include <cmath>

namespace synapscale::AgentTools {

namespace {
using nlohmann::json;

// Recursive descent over: expr := term (('+'|'-') term)*; term := power (('*'|'/'|'%') power)*;
// power := unary ('^' power)?; unary := ('-'|'+') unary | atom; atom := number | name | name '(' args ')' | '(' expr ')'.
class Calculator {
public:
    explicit Calculator(const std::string &text) : m_text(text) {}

    Result<double> run()
    {
        auto value = expr();
        if (!value)
            return value;
        skip();
        if (m_pos != m_text.size())
            return fail("unexpected '" + std::string(1, m_text[m_pos]) + "'");
        if (!std::isfinite(*value))
            return Error::make(QStringLiteral("calculation_error"), QStringLiteral("The result is not a finite number"));
        return value;
    }

private:
    Error fail(const std::string &what) const
    {
        return Error::make(QStringLiteral("calculation_error"),
                           QStringLiteral("%1 at position %2").arg(QString::fromStdString(what)).arg(m_pos + 1));
    }
    void skip()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool eat(char c)
    {
        skip();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    Result<double> expr()
    {
        if (++m_depth > 200)
            return fail("too deeply nested");
        auto left = term();
        while (left) {
            if (eat('+')) {
                auto right = term();
                if (!right)
                    return right;
                *left += *right;
            } else if (eat('-')) {
                auto right = term();
                if (!right)
                    return right;
                *left -= *right;
            } else {
                break;
            }
        }
        --m_depth;
        return left;
    }
    Result<double> term()
    {
        auto left = power();
        while (left) {
            char op = 0;
            for (char c : {'*', '/', '%'})
                if (!op && eat(c))
                    op = c;
            if (!op)
                break;
            auto right = power();
            if (!right)
                return right;
            if ((op == '/' || op == '%') && *right == 0.0)
                return fail("division by zero");
            *left = op == '*' ? *left * *right : op == '/' ? *left / *right : std::fmod(*left, *right);
        }
        return left;
    }
    Result<double> power()
    {
        auto base = unary();
        if (base && eat('^')) {
            auto exponent = power();
            if (!exponent)
                return exponent;
            *base = std::pow(*base, *exponent);
        }
        return base;
    }
    Result<double> unary()
    {
        if (++m_depth > 200)
            return fail("too deeply nested");
        Result<double> out = eat('-') ? [&]() -> Result<double> { auto v = unary(); if (v) *v = -*v; return v; }()
                             : eat('+') ? unary()
                                        : atom();
        --m_depth;
        return out;
    }
    Result<double> atom()
    {
        skip();
        if (m_pos >= m_text.size())
            return fail("the expression ends too soon");
        if (eat('(')) {
            auto inner = expr();
            if (inner && !eat(')'))
                return fail("missing ')'");
            return inner;
        }
        const char c = m_text[m_pos];
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            std::size_t used = 0;
            double value = 0;
            try {
                value = std::stod(m_text.substr(m_pos), &used);
            } catch (...) {
                return fail("bad number");
            }
            m_pos += used;
            return value;
        }
        if (!std::isalpha(static_cast<unsigned char>(c)))
            return fail("unexpected '" + std::string(1, c) + "'");
        std::string name;
        while (m_pos < m_text.size() && std::isalnum(static_cast<unsigned char>(m_text[m_pos])))
            name += char(std::tolower(static_cast<unsigned char>(m_text[m_pos++])));
        if (name == "pi")
            return M_PI;
        if (name == "e")
            return M_E;
        if (!eat('('))
            return fail("unknown name '" + name + "'");
        std::vector<double> args;
        if (!eat(')')) {
            do {
                auto v = expr();
                if (!v)
                    return v;
                args.push_back(*v);
            } while (eat(','));
            if (!eat(')'))
                return fail("missing ')' after the arguments of " + name);
        }
        auto one = [&](double (*f)(double)) -> Result<double> {
            if (args.size() != 1)
                return fail(name + " takes one argument");
            return f(args[0]);
        };
        if (name == "sqrt") return one([](double x) { return std::sqrt(x); });
        if (name == "abs") return one([](double x) { return std::fabs(x); });
        if (name == "round") return one([](double x) { return std::round(x); });
        if (name == "floor") return one([](double x) { return std::floor(x); });
        if (name == "ceil") return one([](double x) { return std::ceil(x); });
        if (name == "log" || name == "log10") return one([](double x) { return std::log10(x); });
        if (name == "ln") return one([](double x) { return std::log(x); });
        if (name == "exp") return one([](double x) { return std::exp(x); });
        if (name == "sin") return one([](double x) { return std::sin(x); });
        if (name == "cos") return one([](double x) { return std::cos(x); });
        if (name == "tan") return one([](double x) { return std::tan(x); });
        if (name == "pow") {
            if (args.size() != 2)
                return fail("pow takes two arguments");
            return std::pow(args[0], args[1]);
        }
        if (name == "min" || name == "max") {
            if (args.empty())
                return fail(name + " needs arguments");
            return name == "min" ? *std::min_element(args.begin(), args.end()) : *std::max_element(args.begin(), args.end());
        }
        return fail("unknown function '" + name + "'");
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

std::string formatNumber(double v)
{
    if (std::fabs(v - std::round(v)) < 1e-12 && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(std::llround(v)));
    json j = v;
    return j.dump();
}
} // namespace

Result<double> calculate(const std::string &expression)
{
    if (expression.size() > 2000)
        return Error::make(QStringLiteral("calculation_error"), QStringLiteral("The expression is longer than 2,000 characters"));
    return Calculator(expression).run();
}

std::string toolName(const QString &text)
{
    std::string out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += char(c.unicode());
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    if (out.empty())
        out = "tool";
    return out.substr(0, 64);
}

AgentTool currentTime()
{
    AgentTool t;
    t.name = "current_time";
    t.description = "The current date and time, in UTC or in the given IANA timezone (e.g. America/Sao_Paulo).";
    t.parameters = {{"type", "object"}, {"properties", {{"timezone", {{"type", "string"}, {"description", "IANA timezone; default UTC"}}}}}};
    t.invoke = [](const json &args, auto done) {
        const QString zoneName = QString::fromStdString(args.value("timezone", std::string("UTC")));
        const QTimeZone zone(zoneName.toUtf8());
        if (!zone.isValid()) {
            done("Error: unknown timezone \"" + zoneName.toStdString() + "\"", true);
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
        done(json{{"iso", now.toString(Qt::ISODate).toStdString()},
                  {"timezone", zoneName.toStdString()},
                  {"weekday", now.toString(QStringLiteral("dddd")).toStdString()}}.dump(), false);
    };
    return t;
}

AgentTool calculator()
{
    AgentTool t;
    t.name = "calculator";
    t.description = "Evaluates an arithmetic expression exactly as written, e.g. \"(17.5 * 3) / 4 + sqrt(16)\".";
    t.parameters = {{"type", "object"}, {"properties", {{"expression", {{"type", "string"}}}}}, {"required", {"expression"}}};
    t.invoke = [](const json &args, auto done) {
        if (!args.contains("expression") || !args["expression"].is_string()) {
            done("Error: give the expression as a string", true);
            return;
        }
        auto value = calculate(args["expression"].get<std::string>());
        if (!value)
            done("Error: " + value.error().message.toStdString(), true);
        else
            done(formatNumber(*value), false);
    };
    return t;
}

Result<AgentTool> http(const json &spec)
{
    if (!spec.is_object() || !spec.contains("url") || !spec["url"].is_string())
        return Error::invalid(QStringLiteral("tools"), QStringLiteral("An HTTP tool needs a url"));
    const QUrl base(QString::fromStdString(spec["url"].get<std::string>()));
    if (!base.isValid() || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")))
        return Error::invalid(QStringLiteral("tools"), QStringLiteral("An HTTP tool's url must be http(s)"));
    AgentTool t;
    t.name = toolName(QString::fromStdString(spec.value("name", std::string("http_request"))));
    t.description = spec.value("description", std::string("Calls ") + spec["url"].get<std::string>());
    if (spec.contains("parameters") && spec["parameters"].is_object())
        t.parameters = spec["parameters"];
    const std::string method = QString::fromStdString(spec.value("method", std::string("GET"))).toUpper().toStdString();
    const std::string url = spec["url"].get<std::string>();
    const json headers = spec.value("headers", json::object());
    t.invoke = [method, url, headers](const json &args, auto done) {
        std::string target = url;
        json rest = json::object();
        for (auto it = args.begin(); it != args.end(); ++it) {
            const std::string placeholder = "{" + it.key() + "}";
            const std::string value = it->is_string() ? it->template get<std::string>() : it->dump();
            if (const auto at = target.find(placeholder); at != std::string::npos)
                target.replace(at, placeholder.size(), QUrl::toPercentEncoding(QString::fromStdString(value)).toStdString());
            else
                rest[it.key()] = *it;
        }
        OutgoingRequest request;
        request.method = QByteArray::fromStdString(method);
        QUrl u(QString::fromStdString(target));
        if (method == "GET" || method == "DELETE") {
            QUrlQuery query(u);
            for (auto it = rest.begin(); it != rest.end(); ++it)
                query.addQueryItem(QString::fromStdString(it.key()), QString::fromStdString(it->is_string() ? it->template get<std::string>() : it->dump()));
            u.setQuery(query);
        } else {
            request.body = QByteArray::fromStdString(rest.dump());
            request.addHeader("Content-Type", "application/json");
        }
        request.url = u;
        request.idleTimeoutMs = 30000;
        request.maxAttempts = 2;
        if (headers.is_object())
            for (auto it = headers.begin(); it != headers.end(); ++it)
                if (it->is_string())
                    request.addHeader(QByteArray::fromStdString(it.key()), QByteArray::fromStdString(it->template get<std::string>()));
        auto body = std::make_shared<std::string>();
        auto status = std::make_shared<int>(0);
        HttpCall::Handlers h;
        h.response = [status](int s, const auto &) { *status = s; };
        h.data = [body](const QByteArray &chunk) {
            if (body->size() < 64 * 1024)
                body->append(chunk.constData(), std::size_t(chunk.size()));
        };
        h.done = [done, body, status](const Result<void> &outcome) {
            if (!outcome)
                done("Error: " + outcome.error().message.toStdString(), true);
            else
                done("HTTP " + std::to_string(*status) + "\n" + *body, *status >= 400);
        };
        HttpCall::start(request, std::move(h));
    };
    return t;
}

AgentTool workflow(QObject *io, const WorkflowStarter &start, const QString &ownerId, const QString &workflowId, const std::string &name,
                   const std::string &description, const json &parameters)
{
    AgentTool t;
    t.name = name;
    t.description = description;
    if (parameters.is_object())
        t.parameters = parameters;
    QPointer<QObject> context(io);
    t.invoke = [context, start, ownerId, workflowId](const json &args, std::function<void(std::string, bool)> done) {
        auto work = start(ownerId, workflowId, Items{json{{"json", args}}});
        if (!work) {
            done("Error: " + work.error().message.toStdString(), true);
            return;
        }
        std::shared_ptr<AsyncWork> running = *work;
        // The sub-workflow reports from an engine worker: hand its result back to the AI thread.
        running->start([context, done, running](Result<NodeOutput> result) {
            std::string text;
            bool isError = !result;
            if (result) {
                json items = json::array();
                if (!result->ports.empty())
                    for (const auto &item : result->ports[0])
                        items.push_back(item.value("json", json::object()));
                text = (items.size() == 1 ? items[0] : items).dump();
            } else {
                text = "Error: " + result.error().message.toStdString();
            }
            if (context)
                QMetaObject::invokeMethod(context, [done, text, isError] { done(text, isError); }, Qt::QueuedConnection);
        });
    };
    return t;
}

} // namespace synapscale::AgentTools
