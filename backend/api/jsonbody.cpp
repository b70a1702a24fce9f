#include "jsonbody.h"

namespace synapscale {

JsonBody::JsonBody(const nlohmann::json &body)
    : m_body(body)
    , m_isObject(body.is_object())
{
    if (!m_isObject)
        m_errors.push_back({{"loc", {"body"}}, {"msg", "Input should be a JSON object"}, {"type", "model_type"}});
}

void JsonBody::addError(const char *name, const QString &message, const char *type)
{
    m_errors.push_back({{"loc", {"body", name}}, {"msg", message.toStdString()}, {"type", type}});
}

std::optional<QString> JsonBody::optionalString(const char *name, int maxLength)
{
    if (!m_isObject || !m_body.contains(name) || m_body[name].is_null())
        return std::nullopt;
    const auto &value = m_body[name];
    if (!value.is_string()) {
        addError(name, QStringLiteral("Input should be a valid string"), "string_type");
        return std::nullopt;
    }
    QString text = QString::fromStdString(value.get<std::string>());
    if (text.size() > maxLength) {
        addError(name, QStringLiteral("String should have at most %1 characters").arg(maxLength), "string_too_long");
        return std::nullopt;
    }
    return text;
}

QString JsonBody::requiredString(const char *name, int maxLength)
{
    if (m_isObject && (!m_body.contains(name) || m_body[name].is_null())) {
        addError(name, QStringLiteral("Field required"), "missing");
        return {};
    }
    return optionalString(name, maxLength).value_or(QString());
}

void JsonBody::allowOnly(std::initializer_list<const char *> names)
{
    if (!m_isObject)
        return;
    for (auto it = m_body.begin(); it != m_body.end(); ++it) {
        bool known = false;
        for (const char *n : names)
            known = known || it.key() == n;
        if (!known)
            m_errors.push_back({{"loc", {"body", it.key()}}, {"msg", "Extra inputs are not permitted"}, {"type", "extra_forbidden"}});
    }
}

void readPaging(const QUrlQuery &query, int &skip, int &limit, nlohmann::json &errors)
{
    bool skipOk = true;
    bool limitOk = true;
    skip = query.hasQueryItem(QStringLiteral("skip")) ? query.queryItemValue(QStringLiteral("skip")).toInt(&skipOk) : 0;
    limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk) : 50;
    if (!skipOk || skip < 0)
        errors.push_back({{"loc", {"query", "skip"}}, {"msg", "Input should be a whole number of at least 0"}, {"type", "int_parsing"}});
    if (!limitOk || limit < 1 || limit > 200)
        errors.push_back({{"loc", {"query", "limit"}}, {"msg", "Input should be between 1 and 200"}, {"type", "less_than_equal"}});
}

} // namespace synapscale
