#include "llmservice.h"

#include "core/clock.h"
#include "core/config.h"
#include "core/logger.h"
#include "credentials/credentialservice.h"
#include "storage/database.h"
#include "storage/rows.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <atomic>

namespace synapscale {

namespace {
using nlohmann::json;

constexpr qint64 kModelsTtlMs = 5 * 60 * 1000;
constexpr qint64 kModelsFailureTtlMs = 30 * 1000;
constexpr int kModelsTimeoutMs = 5000;

constexpr auto kInsertUsage = "INSERT INTO llm_usage (id, user_id, provider, model, input_tokens, output_tokens, cost_usd, source, "
                              "workflow_id, execution_id, conversation_id, status, duration_ms, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

QString text(const json &data, const char *key)
{
    return data.contains(key) && data[key].is_string() ? QString::fromStdString(data[key].get<std::string>()) : QString();
}

QString trimmedUrl(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

class CallHandle : public ChatHandle {
public:
    explicit CallHandle(QObject *io) : m_io(io) {}
    void cancel() override
    {
        m_cancelled = true;
        QPointer<QObject> io = m_io;
        if (!io)
            return;
        QMetaObject::invokeMethod(io, [this, keep = m_self.lock()] {
            if (m_call)
                m_call->cancel();
        }, Qt::QueuedConnection);
    }
    std::weak_ptr<CallHandle> m_self;
    QPointer<QObject> m_io;
    QPointer<ChatCall> m_call; // touched only on the AI thread
    std::atomic<bool> m_cancelled{false};
};
} // namespace

LlmService::LlmService(const Config &config, Database &db, CredentialService *credentials, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_db(db)
    , m_credentials(credentials)
    , m_prices(PriceTable::load(config.llmPricesFile))
{
    m_thread.setObjectName(QStringLiteral("ai-io"));
    m_io = new QObject;
    m_io->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_io, &QObject::deleteLater);
    m_thread.start();
    m_storeThread.setObjectName(QStringLiteral("ai-store"));
    m_store = new QObject;
    m_store->moveToThread(&m_storeThread);
    connect(&m_storeThread, &QThread::finished, m_store, &QObject::deleteLater);
    m_storeThread.start();
}

LlmService::~LlmService()
{
    stopThreads();
}

void LlmService::stopThreads()
{
    m_thread.quit();
    m_thread.wait();
    m_storeThread.quit();
    m_storeThread.wait();
}

QList<ProviderConfig> LlmService::providers(const QString &userId)
{
    QList<ProviderConfig> out;
    auto credentialsOf = [&](const QString &type) {
        if (!m_credentials || userId.isEmpty())
            return QList<QPair<CredentialInfo, json>>();
        return m_credentials->secretsOfType(userId, type).value_or({});
    };
    auto builtin = [&](const char *id, const char *name, const QString &baseUrl, const QString &envKey) {
        ProviderConfig c;
        c.id = QString::fromLatin1(id);
        c.name = QString::fromLatin1(name);
        c.protocol = c.id;
        c.baseUrl = baseUrl;
        c.timeoutMs = m_config.llmTimeoutS * 1000;
        c.maxAttempts = m_config.llmMaxAttempts;
        if (!envKey.isEmpty()) {
            c.apiKey = envKey.toUtf8();
            c.keySource = QStringLiteral("environment");
        }
        // The user's own credential wins over the instance's key.
        if (const auto stored = credentialsOf(c.id); !stored.isEmpty()) {
            const json &data = stored.first().second;
            if (const QString key = text(data, "api_key"); !key.isEmpty())
                c.apiKey = key.toUtf8();
            if (const QString url = text(data, "base_url"); !url.isEmpty())
                c.baseUrl = trimmedUrl(url);
            c.defaultModel = text(data, "default_model");
            c.keySource = QStringLiteral("credential");
        }
        c.configured = !c.apiKey.isEmpty();
        out.append(c);
    };
    builtin("openai", "OpenAI", m_config.openaiBaseUrl, m_config.openaiApiKey);
    builtin("anthropic", "Anthropic", m_config.anthropicBaseUrl, m_config.anthropicApiKey);
    builtin("google", "Google Gemini", m_config.googleBaseUrl, m_config.googleApiKey);
    builtin("ollama", "Ollama", m_config.ollamaBaseUrl, QString());
    ProviderConfig &ollama = out.last();
    if (ollama.keySource.isEmpty() && m_ollamaSeen)
        ollama.keySource = QStringLiteral("detected");
    ollama.configured = !ollama.keySource.isEmpty();
    for (const auto &[info, data] : credentialsOf(QStringLiteral("openai_compatible"))) {
        ProviderConfig c;
        c.id = info.id;
        c.name = info.name;
        c.protocol = QStringLiteral("openai");
        c.baseUrl = trimmedUrl(text(data, "base_url"));
        c.apiKey = text(data, "api_key").toUtf8();
        c.defaultModel = text(data, "default_model");
        c.keySource = QStringLiteral("credential");
        c.timeoutMs = m_config.llmTimeoutS * 1000;
        c.maxAttempts = m_config.llmMaxAttempts;
        c.configured = true;
        out.append(c);
    }
    return out;
}

bool LlmService::knows(const QString &userId, const QString &providerId)
{
    const auto all = providers(userId);
    return std::any_of(all.begin(), all.end(), [&](const ProviderConfig &p) { return p.id == providerId; });
}

Result<ProviderConfig> LlmService::resolve(const QString &userId, const QString &providerId)
{
    const QList<ProviderConfig> all = providers(userId);
    if (providerId.isEmpty()) {
        for (const auto &p : all)
            if (p.configured)
                return p;
        return Error::make(QStringLiteral("provider_not_configured"),
                           QStringLiteral("No AI provider is configured. Add an API key in Settings → AI providers (or set OPENAI_API_KEY, "
                                          "ANTHROPIC_API_KEY or GOOGLE_API_KEY), or start Ollama on this machine."));
    }
    QStringList known;
    for (const auto &p : all) {
        known << p.id;
        if (p.id != providerId)
            continue;
        // Ollama needs no key: an undetected one is still tried, and a refused connection says why.
        if (!p.configured && p.protocol != QLatin1String("ollama"))
            return Error::make(QStringLiteral("provider_not_configured"),
                               QStringLiteral("%1 has no API key. Add one in Settings → AI providers, or set %2_API_KEY.")
                                   .arg(p.name, p.id.toUpper()));
        return p;
    }
    return Error::invalid(QStringLiteral("provider"), QStringLiteral("Unknown provider '%1' (yours: %2)").arg(providerId, known.join(QStringLiteral(", "))));
}

QString LlmService::cacheKey(const ProviderConfig &p) const
{
    return p.id + QLatin1Char('|') + p.baseUrl + QLatin1Char('|') +
           QString::fromLatin1(QCryptographicHash::hash(p.apiKey, QCryptographicHash::Sha256).toHex().left(16));
}

void LlmService::describe(const QString &userId, std::function<void(json)> done, const QString &onlyProvider, bool fresh)
{
    QList<ProviderConfig> all = providers(userId);
    if (!onlyProvider.isEmpty())
        all.removeIf([&](const ProviderConfig &p) { return p.id != onlyProvider; });
    QMetaObject::invokeMethod(m_io, [this, all, fresh, done = std::move(done)] {
        struct Gather {
            QList<ProviderConfig> providers;
            QList<ModelList> lists;
            int pending = 0;
            std::function<void(json)> done;
        };
        auto gather = std::make_shared<Gather>();
        gather->providers = all;
        gather->lists.resize(all.size());
        gather->done = done;
        auto finishIfDone = [this, gather, fresh] {
            if (gather->pending > 0)
                return;
            json items = json::array();
            for (int i = 0; i < gather->providers.size(); ++i) {
                ProviderConfig p = gather->providers[i];
                const ModelList &list = gather->lists[i];
                if (p.protocol == QLatin1String("ollama") && p.keySource.isEmpty() && list.error.isEmpty() && list.fetchedAtMs > 0)
                    p.configured = true, p.keySource = QStringLiteral("detected");
                json models = json::array();
                for (const QString &m : list.models)
                    models.push_back(m.toStdString());
                json item = {{"id", p.id.toStdString()},           {"name", p.name.toStdString()},
                             {"protocol", p.protocol.toStdString()}, {"configured", p.configured},
                             {"key_source", p.keySource.isEmpty() ? json(nullptr) : json(p.keySource.toStdString())},
                             {"base_url", p.baseUrl.toStdString()},   {"models", models},
                             {"default_model", p.defaultModel.isEmpty() ? json(nullptr) : json(p.defaultModel.toStdString())}};
                if (!list.error.isEmpty() && (p.configured || fresh))
                    item["models_error"] = list.error.toStdString();
                items.push_back(std::move(item));
            }
            gather->done(items);
        };
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < all.size(); ++i) {
            const ProviderConfig &p = all[i];
            const bool probeOllama = p.protocol == QLatin1String("ollama");
            if (!p.configured && !probeOllama && !fresh)
                continue;
            const QString key = cacheKey(p);
            {
                QMutexLocker lock(&m_cacheMutex);
                const auto it = m_models.constFind(key);
                if (!fresh && it != m_models.constEnd() && now - it->fetchedAtMs < (it->error.isEmpty() ? kModelsTtlMs : kModelsFailureTtlMs)) {
                    gather->lists[i] = *it;
                    continue;
                }
            }
            auto provider = std::shared_ptr<const LlmProvider>(LlmProvider::make(p));
            OutgoingRequest request = provider->modelsRequest();
            request.idleTimeoutMs = probeOllama && !p.configured ? 1500 : kModelsTimeoutMs;
            request.maxAttempts = 1;
            auto body = std::make_shared<QByteArray>();
            auto status = std::make_shared<int>(0);
            ++gather->pending;
            HttpCall::Handlers h;
            h.response = [status](int s, const auto &) { *status = s; };
            h.data = [body](const QByteArray &chunk) {
                if (body->size() < 8 * 1024 * 1024)
                    *body += chunk;
            };
            h.done = [this, i, key, provider, body, status, gather, finishIfDone, probeOllama](const Result<void> &outcome) {
                ModelList list;
                list.fetchedAtMs = QDateTime::currentMSecsSinceEpoch();
                if (!outcome) {
                    list.error = outcome.error().message;
                } else if (*status >= 400) {
                    list.error = provider->httpError(*status, *body).message;
                } else {
                    const json parsed = json::parse(body->constData(), body->constData() + body->size(), nullptr, false);
                    if (parsed.is_object())
                        list.models = provider->parseModels(parsed);
                    else
                        list.error = QStringLiteral("%1 sent a model list that is not JSON").arg(provider->config().name);
                }
                if (probeOllama)
                    m_ollamaSeen = list.error.isEmpty();
                {
                    QMutexLocker lock(&m_cacheMutex);
                    m_models.insert(key, list);
                }
                gather->lists[i] = list;
                --gather->pending;
                finishIfDone();
            };
            HttpCall::start(request, std::move(h));
        }
        finishIfDone();
    }, Qt::QueuedConnection);
}

std::shared_ptr<ChatHandle> LlmService::chat(const LlmCallContext &context, const ProviderConfig &config, ChatRequest request,
                                             ChatHandlers handlers)
{
    auto handle = std::make_shared<CallHandle>(m_io);
    handle->m_self = handle;
    if (request.model.isEmpty())
        request.model = config.defaultModel;
    QMetaObject::invokeMethod(m_io, [this, handle, context, config, request = std::move(request), handlers = std::move(handlers)]() mutable {
        const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
        const QString model = request.model;
        if (handle->m_cancelled) {
            ChatOutcome outcome;
            outcome.error = Error::make(QStringLiteral("cancelled"), QStringLiteral("The reply was stopped"));
            if (handlers.done)
                handlers.done(outcome, 0.0);
            return;
        }
        ChatCall::Handlers h;
        h.delta = handlers.delta;
        h.done = [this, context, config, model, startedMs, done = handlers.done](const ChatOutcome &outcome) {
            const double cost = m_prices.cost(config.id, model, outcome.result.inputTokens, outcome.result.outputTokens);
            const qint64 durationMs = QDateTime::currentMSecsSinceEpoch() - startedMs;
            QMetaObject::invokeMethod(m_store, [this, context, config, model, outcome, cost, durationMs] {
                recordUsage(context, config, model, outcome, cost, durationMs);
            }, Qt::QueuedConnection);
            if (done)
                done(outcome, cost);
        };
        handle->m_call = ChatCall::start(std::shared_ptr<const LlmProvider>(LlmProvider::make(config)), std::move(request), std::move(h));
        handle->m_call->setParent(m_io);
    }, Qt::QueuedConnection);
    return handle;
}

void LlmService::recordUsage(const LlmCallContext &context, const ProviderConfig &provider, const QString &model, const ChatOutcome &outcome,
                             double cost, qint64 durationMs)
{
    const QString status = outcome.ok() ? QStringLiteral("ok")
                           : outcome.error->code == QLatin1String("cancelled") ? QStringLiteral("cancelled")
                                                                             : QStringLiteral("error");
    using rows::nullable;
    auto written = m_db.exec(QString::fromLatin1(kInsertUsage),
                             {newId(), nullable(context.userId), provider.id, model, outcome.result.inputTokens, outcome.result.outputTokens, cost,
                              context.source, nullable(context.workflowId), nullable(context.executionId), nullable(context.conversationId),
                              status, durationMs, nowIso()});
    if (!written)
        Log::warning(QStringLiteral("could not record language-model usage: %1").arg(written.error().message));
}

Result<json> LlmService::usage(const QString &userId, const QString &groupBy, const QString &from, const QString &to)
{
    static const QHash<QString, QString> columns{{QStringLiteral("provider"), QStringLiteral("provider")},
                                                 {QStringLiteral("model"), QStringLiteral("model")},
                                                 {QStringLiteral("workflow"), QStringLiteral("workflow_id")},
                                                 {QStringLiteral("conversation"), QStringLiteral("conversation_id")},
                                                 {QStringLiteral("source"), QStringLiteral("source")},
                                                 {QStringLiteral("day"), QStringLiteral("SUBSTR(created_at, 1, 10)")}};
    if (!groupBy.isEmpty() && !columns.contains(groupBy))
        return Error::invalid(QStringLiteral("group_by"), QStringLiteral("group_by is one of provider, model, workflow, conversation, source, day"));
    const QString key = groupBy.isEmpty() ? QStringLiteral("''") : columns.value(groupBy);
    const QString sql = QStringLiteral("SELECT %1, COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cost_usd), 0), COUNT(*) "
                                       "FROM llm_usage WHERE user_id = ? AND created_at >= ? AND created_at < ?%2")
                            .arg(key, groupBy.isEmpty() ? QString() : QStringLiteral(" GROUP BY %1 ORDER BY %1").arg(key));
    auto q = m_db.exec(sql, {userId, from.isEmpty() ? QStringLiteral("0000") : from, to.isEmpty() ? QStringLiteral("9999") : to});
    if (!q)
        return q.error();
    json groups = json::array();
    json total = {{"input_tokens", 0}, {"output_tokens", 0}, {"cost_usd", 0.0}, {"calls", 0}};
    while (q->next()) {
        const json row = {{"input_tokens", q->value(1).toLongLong()}, {"output_tokens", q->value(2).toLongLong()},
                          {"cost_usd", q->value(3).toDouble()}, {"calls", q->value(4).toLongLong()}};
        total["input_tokens"] = total["input_tokens"].get<qint64>() + row["input_tokens"].get<qint64>();
        total["output_tokens"] = total["output_tokens"].get<qint64>() + row["output_tokens"].get<qint64>();
        total["cost_usd"] = total["cost_usd"].get<double>() + row["cost_usd"].get<double>();
        total["calls"] = total["calls"].get<qint64>() + row["calls"].get<qint64>();
        if (!groupBy.isEmpty()) {
            json g = row;
            g["key"] = q->value(0).isNull() ? json(nullptr) : json(q->value(0).toString().toStdString());
            groups.push_back(std::move(g));
        }
    }
    json out = total;
    if (!groupBy.isEmpty())
        out["groups"] = groups;
    return out;
}

} // namespace synapscale
