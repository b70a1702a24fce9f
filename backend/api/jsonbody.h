#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QUrlQuery>

#include <initializer_list>
#include <optional>

namespace synapscale {

// Reads a request body object field by field and collects every problem as FastAPI-style 422
// entries ({loc, msg, type}), so a client learns about all its mistakes at once.
class JsonBody {
public:
    explicit JsonBody(const nlohmann::json &body);

    QString requiredString(const char *name, int maxLength);
    std::optional<QString> optionalString(const char *name, int maxLength);
    // Fields other than these are refused (a typo must not be silently ignored).
    void allowOnly(std::initializer_list<const char *> names);

    bool ok() const { return m_errors.empty(); }
    const nlohmann::json &errors() const { return m_errors; }
    void addError(const char *name, const QString &message, const char *type);

private:
    const nlohmann::json &m_body;
    nlohmann::json m_errors = nlohmann::json::array();
    bool m_isObject;
};

// Reads ?skip=&limit= (limit 1..200, default 50), adding a 422 entry to `errors` for each bad one.
void readPaging(const QUrlQuery &query, int &skip, int &limit, nlohmann::json &errors);

} // namespace synapscale
