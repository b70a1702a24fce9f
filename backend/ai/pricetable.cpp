#include "pricetable.h"

#include "core/logger.h"

#include <QFile>

namespace synapscale {

PriceTable PriceTable::load(const QString &path)
{
    auto read = [](const QString &file) -> nlohmann::json {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return nullptr;
        const QByteArray text = f.readAll();
        auto json = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        if (!json.is_object() || !json.contains("prices") || !json["prices"].is_object())
            return nullptr;
        return json["prices"];
    };
    if (!path.isEmpty()) {
        if (auto custom = read(path); !custom.is_null())
            return PriceTable(std::move(custom));
        Log::warning(QStringLiteral("LLM_PRICES_FILE %1 is not a readable price table; using the built-in prices").arg(path));
    }
    return PriceTable(read(QStringLiteral(":/ai/prices.json")));
}

const nlohmann::json *PriceTable::entry(const QString &provider, const QString &model) const
{
    const std::string p = provider.toStdString();
    if (!m_prices.is_object() || !m_prices.contains(p) || !m_prices[p].is_object())
        return nullptr;
    const nlohmann::json &models = m_prices[p];
    std::string name = model.toStdString();
    if (const auto slash = name.rfind('/'); slash != std::string::npos && !models.contains(name))
        name = name.substr(slash + 1); // "models/gemini-…", "openai/gpt-…" (OpenRouter style)
    if (models.contains(name))
        return &models[name];
    const nlohmann::json *best = nullptr;
    std::size_t bestLength = 0;
    for (auto it = models.begin(); it != models.end(); ++it) {
        if (it.key().size() > bestLength && name.compare(0, it.key().size(), it.key()) == 0) {
            best = &it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

bool PriceTable::knows(const QString &provider, const QString &model) const
{
    return entry(provider, model) != nullptr;
}

double PriceTable::cost(const QString &provider, const QString &model, int inputTokens, int outputTokens) const
{
    const nlohmann::json *e = entry(provider, model);
    if (!e || !e->is_object())
        return 0.0;
    const double in = e->value("input", 0.0);
    const double out = e->value("output", 0.0);
    return (in * inputTokens + out * outputTokens) / 1e6;
}

} // namespace synapscale
