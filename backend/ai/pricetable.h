#pragma once

#include <nlohmann/json.hpp>

#include <QString>

namespace synapscale {

// Prices per million tokens by provider and model (resources/ai/prices.json, or the file
// LLM_PRICES_FILE names). Immutable once loaded, so any thread may read it.
class PriceTable {
public:
    // The built-in table, or `path` when given; an unreadable file falls back to the built-in one.
    static PriceTable load(const QString &path);
    explicit PriceTable(nlohmann::json prices = nlohmann::json::object()) : m_prices(std::move(prices)) {}

    // Cost in USD; 0 for a model the table does not list.
    double cost(const QString &provider, const QString &model, int inputTokens, int outputTokens) const;
    bool knows(const QString &provider, const QString &model) const;

private:
    const nlohmann::json *entry(const QString &provider, const QString &model) const;
    nlohmann::json m_prices; // {provider: {model: {input, output}}}
};

} // namespace synapscale
