#include "agentservice.h"

#include "ai/agenttools.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/rows.h"
#include "workflow/executionservice.h"
#include "workflow/workflowservice.h"

#include <set>
#include <tuple>

namespace synapscale {

namespace {
using nlohmann::json;

constexpr auto kColumns = "id, owner_id, name, description, provider, model, system_prompt, temperature, tools, memory_window, max_iterations, created_at, updated_at";
constexpr auto kInsert = "INSERT INTO agents (id, owner_id, name, description, provider, model, system_prompt, temperature, tools, memory_window, "
                         "max_iterations, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kUpdate = "UPDATE agents SET name = ?, description = ?, provider = ?, model = ?, system_prompt = ?, temperature = ?, tools = ?, "
                         "memory_window = ?, max_iterations = ?, updated_at = ? WHERE id = ? AND owner_id = ?";
constexpr auto kSelect = "SELECT %1 FROM agents WHERE id = ? AND owner_id = ?";
constexpr auto kList = "SELECT %1 FROM agents WHERE owner_id = ? ORDER BY name LIMIT ? OFFSET ?";
constexpr auto kCount = "SELECT COUNT(*) FROM agents WHERE owner_id = ?";
constexpr auto kDelete = "DELETE FROM agents WHERE id = ? AND owner_id = ?";
constexpr std::size_t kMaxTools = 64;

AgentRecord agentFrom(const QSqlQuery &q)
{
    AgentRecord a;
    a.id = q.value(0).toString();
    a.ownerId = q.value(1).toString();
    a.name = q.value(2).toString();
    a.description = q.value(3).toString();
    a.provider = q.value(4).toString();
    a.model = q.value(5).toString();
    a.systemPrompt = q.value(6).toString();
    if (!q.value(7).isNull())
        a.temperature = q.value(7).toDouble();
    a.tools = json::parse(q.value(8).toString().toStdString(), nullptr, false);
    if (!a.tools.is_array())
        a.tools = json::array();
    a.memoryWindow = q.value(9).toInt();
    a.maxIterations = q.value(10).toInt();
    a.createdAt = q.value(11).toString();
    a.updatedAt = q.value(12).toString();
    return a;
}

using rows::nullable;

Error notFound()
{
    return Error::make(QStringLiteral("not_found"), QStringLiteral("No such agent"));
}

// The input schema a workflow declares on its Execute Workflow Trigger, if any.
json workflowInputSchema(const QByteArray &definition)
{
    const json d = json::parse(definition.constData(), definition.constData() + definition.size(), nullptr, false);
    if (d.is_object())
        for (const auto &n : d.value("nodes", json::array()))
            if (n.value("type", std::string()) == "trigger.execute_workflow") {
                const json schema = n.value("parameters", json::object()).value("input_schema", json());
                if (schema.is_object() && schema.value("type", std::string()) == "object")
                    return schema;
            }
    return {{"type", "object"}, {"properties", json::object()}, {"additionalProperties", true}};
}
} // namespace

json AgentRecord::toJson() const
{
    auto orNull = [](const QString &v) { return v.isEmpty() ? json(nullptr) : json(v.toStdString()); };
    return {{"id", id.toStdString()},
            {"name", name.toStdString()},
            {"description", description.toStdString()},
            {"provider", orNull(provider)},
            {"model", orNull(model)},
            {"system_prompt", systemPrompt.toStdString()},
            {"temperature", temperature ? json(*temperature) : json(nullptr)},
            {"tools", tools},
            {"memory_window", memoryWindow},
            {"max_iterations", maxIterations},
            {"created_at", createdAt.toStdString()},
            {"updated_at", updatedAt.toStdString()}};
}

Result<Page<AgentRecord>> AgentService::list(const Principal &who, int skip, int limit)
{
    return rows::page<AgentRecord>(m_db.exec(rows::sql(kList, kColumns), {who.userId, limit, skip}),
                                   m_db.exec(QString::fromLatin1(kCount), {who.userId}), agentFrom, skip, limit);
}

Result<AgentRecord> AgentService::get(const Principal &who, const QString &id)
{
    return rows::required<AgentRecord>(m_db.exec(rows::sql(kSelect, kColumns), {id, who.userId}), agentFrom, notFound());
}

Result<AgentRecord> AgentService::save(const Principal &who, const json &body, const std::optional<QString> &existingId)
{
    if (!body.is_object())
        return Error::invalid(QString(), QStringLiteral("The body must be an agent object"));
    static const std::set<std::string> allowed{"name", "description", "provider", "model", "system_prompt", "temperature", "tools",
                                               "memory_window", "max_iterations"};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!allowed.count(it.key()))
            return Error::invalid(QString::fromStdString(it.key()), QStringLiteral("Extra inputs are not permitted"));
    AgentRecord agent;
    if (existingId) {
        auto current = get(who, *existingId);
        if (!current)
            return current.error();
        agent = *current;
    } else if (!body.contains("name")) {
        return Error::invalid(QStringLiteral("name"), QStringLiteral("Field required"));
    }
    auto text = [&](const char *key, QString &target, int max) -> Result<void> {
        if (!body.contains(key))
            return {};
        if (body[key].is_null()) {
            target.clear();
            return {};
        }
        if (!body[key].is_string() || body[key].get<std::string>().size() > std::size_t(max))
            return Error::invalid(QString::fromLatin1(key), QStringLiteral("Must be text of at most %1 characters").arg(max));
        target = QString::fromStdString(body[key].get<std::string>()).trimmed();
        return {};
    };
    for (auto [key, target, max] : {std::tuple{"name", &agent.name, 200}, std::tuple{"description", &agent.description, 5000},
                                    std::tuple{"provider", &agent.provider, 200}, std::tuple{"model", &agent.model, 200},
                                    std::tuple{"system_prompt", &agent.systemPrompt, 100000}})
        if (auto ok = text(key, *target, max); !ok)
            return ok.error();
    if (agent.name.isEmpty())
        return Error::invalid(QStringLiteral("name"), QStringLiteral("Name must not be empty"));
    if (body.contains("temperature")) {
        if (body["temperature"].is_null())
            agent.temperature.reset();
        else if (!body["temperature"].is_number() || body["temperature"].get<double>() < 0 || body["temperature"].get<double>() > 2)
            return Error::invalid(QStringLiteral("temperature"), QStringLiteral("Temperature should be a number from 0 to 2"));
        else
            agent.temperature = body["temperature"].get<double>();
    }
    for (auto [key, target, lo, hi] : {std::tuple{"memory_window", &agent.memoryWindow, 0, 500}, std::tuple{"max_iterations", &agent.maxIterations, 1, 50}}) {
        if (!body.contains(key))
            continue;
        if (!body[key].is_number_integer() || body[key].get<long long>() < lo || body[key].get<long long>() > hi)
            return Error::invalid(QString::fromLatin1(key), QStringLiteral("Should be a whole number from %1 to %2").arg(lo).arg(hi));
        *target = body[key].get<int>();
    }
    if (body.contains("tools")) {
        if (!body["tools"].is_array() || body["tools"].size() > kMaxTools)
            return Error::invalid(QStringLiteral("tools"), QStringLiteral("Tools should be a list of at most 64"));
        agent.tools = body["tools"];
    }
    if (auto ok = validate(who, agent); !ok)
        return ok.error();
    const QString now = nowIso();
    const QString toolsText = QString::fromStdString(agent.tools.dump());
    const QVariant temperature = agent.temperature ? QVariant(*agent.temperature) : QVariant();
    if (existingId) {
        auto done = rows::done(m_db.exec(QString::fromLatin1(kUpdate), {agent.name, agent.description, nullable(agent.provider), nullable(agent.model),
                                                                        agent.systemPrompt, temperature, toolsText, agent.memoryWindow, agent.maxIterations,
                                                                        now, agent.id, who.userId}));
        if (!done)
            return done.error();
    } else {
        agent.id = newId();
        auto done = rows::done(m_db.exec(QString::fromLatin1(kInsert), {agent.id, who.userId, agent.name, agent.description, nullable(agent.provider),
                                                                        nullable(agent.model), agent.systemPrompt, temperature, toolsText,
                                                                        agent.memoryWindow, agent.maxIterations, now, now}));
        if (!done)
            return done.error();
    }
    return get(who, agent.id);
}

Result<void> AgentService::validate(const Principal &who, AgentRecord &agent)
{
    if (!agent.provider.isEmpty()) {
        if (!m_llm.knows(who.userId, agent.provider))
            return Error::invalid(QStringLiteral("provider"), QStringLiteral("Unknown provider '%1'").arg(agent.provider));
    }
    // Checking the tools builds them: a workflow that is not the user's fails here, at save time.
    auto built = tools(who, agent.tools);
    if (!built)
        return built.error();
    std::set<std::string> names;
    for (const auto &t : *built)
        if (!names.insert(t.name).second)
            return Error::invalid(QStringLiteral("tools"), QStringLiteral("Two tools are named '%1'").arg(QString::fromStdString(t.name)));
    return {};
}

Result<void> AgentService::remove(const Principal &who, const QString &id)
{
    auto removed = rows::affected(m_db.exec(QString::fromLatin1(kDelete), {id, who.userId}));
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    return {};
}

Result<std::vector<AgentTool>> AgentService::tools(const Principal &who, const json &specs)
{
    std::vector<AgentTool> out;
    if (!specs.is_array())
        return out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const json &spec = specs[i];
        const std::string type = spec.is_object() ? spec.value("type", std::string()) : std::string();
        const QString where = QStringLiteral("tools");
        if (type == "builtin") {
            const std::string name = spec.value("name", std::string());
            if (name == "current_time")
                out.push_back(AgentTools::currentTime());
            else if (name == "calculator")
                out.push_back(AgentTools::calculator());
            else
                return Error::invalid(where, QStringLiteral("Tool %1: built-ins are current_time and calculator").arg(i));
        } else if (type == "http") {
            auto tool = AgentTools::http(spec);
            if (!tool)
                return Error::invalid(where, QStringLiteral("Tool %1: %2").arg(i).arg(tool.error().message));
            out.push_back(std::move(*tool));
        } else if (type == "workflow") {
            const QString workflowId = QString::fromStdString(spec.value("workflow_id", std::string()));
            auto workflow = m_workflows.get(who, workflowId);
            if (!workflow)
                return Error::invalid(where, QStringLiteral("Tool %1: you have no workflow %2").arg(i).arg(workflowId));
            const std::string name = spec.contains("name") && spec["name"].is_string() ? AgentTools::toolName(QString::fromStdString(spec["name"].get<std::string>()))
                                                                                       : AgentTools::toolName(workflow->name);
            std::string description = spec.value("description", std::string());
            if (description.empty())
                description = workflow->description.isEmpty() ? "Runs the workflow \"" + workflow->name.toStdString() + "\""
                                                              : workflow->description.toStdString();
            ExecutionService *executions = &m_executions;
            auto hook = executions->subWorkflowHook();
            AgentTools::WorkflowStarter start = [hook](const QString &ownerId, const QString &id, Items input) {
                ExecutionRequest parent;
                parent.ownerId = ownerId;
                parent.workflowId = QStringLiteral("agent");
                return hook(parent, id.toStdString(), std::move(input), true);
            };
            out.push_back(AgentTools::workflow(m_llm.io(), start, who.userId, workflowId, name, description, workflowInputSchema(workflow->definition)));
        } else {
            return Error::invalid(where, QStringLiteral("Tool %1: type should be builtin, workflow or http").arg(i));
        }
    }
    return out;
}

} // namespace synapscale
