#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace synapscale {

// The one error type of the backend: a stable snake_case code for machines, a sentence for people.
// It crosses threads and layers by value; the API layer turns it into {"detail","code"}.
struct Error {
    QString code;
    QString message;
    QString field; // for validation errors: the request field at fault (becomes the 422 `loc`)

    static Error make(QString code, QString message) { return Error{std::move(code), std::move(message), {}}; }
    static Error invalid(QString field, QString message)
    {
        return Error{QStringLiteral("validation_error"), std::move(message), std::move(field)};
    }
};

// Expected-style return value for fallible calls (see STYLE.md): a value or an Error, never both.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_data); }
    const T &value() const & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }
    T value_or(T fallback) const { return ok() ? value() : fallback; }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace synapscale
