#include "workflowservice.h"

#include <nlohmann/json.hpp>

namespace synapscale {

namespace {
Error notFound()
{
    return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow not found."));
}
} // namespace

QByteArray WorkflowService::tagsJson(const QStringList &tags)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &t : tags)
        out.push_back(t.toStdString());
    return QByteArray::fromStdString(out.dump());
}

Result<Page<WorkflowRecord>> WorkflowService::list(const Principal &who, const WorkflowFilter &filter)
{
    return WorkflowRepository(m_db).list(who.userId, filter);
}

Result<WorkflowRecord> WorkflowService::create(const Principal &who, const WorkflowInput &input)
{
    WorkflowRecord w;
    w.ownerId = who.userId;
    w.name = input.name;
    w.description = input.description;
    w.tags = tagsJson(input.tags);
    w.definition = input.definition;
    return WorkflowRepository(m_db).create(w);
}

Result<WorkflowRecord> WorkflowService::get(const Principal &who, const QString &id)
{
    auto found = WorkflowRepository(m_db).find(id, who.userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    return **found;
}

Result<WorkflowRecord> WorkflowService::update(const Principal &who, const QString &id, const WorkflowInput &input, int expectedVersion)
{
    WorkflowRecord w;
    w.id = id;
    w.ownerId = who.userId;
    w.name = input.name;
    w.description = input.description;
    w.tags = tagsJson(input.tags);
    w.definition = input.definition;
    auto saved = WorkflowRepository(m_db).update(w, expectedVersion, who.userId);
    if (!saved && saved.error().code == QLatin1String("not_found"))
        return notFound();
    if (saved && onSaved)
        onSaved(*saved);
    return saved;
}

Result<void> WorkflowService::remove(const Principal &who, const QString &id)
{
    auto removed = WorkflowRepository(m_db).remove(id, who.userId);
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    if (onRemoved)
        onRemoved(id);
    return {};
}

Result<QList<WorkflowVersionRecord>> WorkflowService::versions(const Principal &who, const QString &id)
{
    if (auto exists = get(who, id); !exists)
        return exists.error();
    return WorkflowRepository(m_db).versions(id, who.userId);
}

Result<WorkflowVersionRecord> WorkflowService::version(const Principal &who, const QString &id, int number)
{
    auto found = WorkflowRepository(m_db).version(id, who.userId, number);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow version not found."));
    return **found;
}

Result<WorkflowRecord> WorkflowService::restore(const Principal &who, const QString &id, int number)
{
    auto current = get(who, id);
    if (!current)
        return current.error();
    auto old = version(who, id, number);
    if (!old)
        return old.error();
    WorkflowInput input;
    input.name = old->name;
    input.description = current->description;
    input.definition = old->definition;
    const auto tags = nlohmann::json::parse(current->tags.constData(), current->tags.constData() + current->tags.size(), nullptr, false);
    if (tags.is_array())
        for (const auto &t : tags)
            if (t.is_string())
                input.tags << QString::fromStdString(t.get<std::string>());
    return update(who, id, input, current->version);
}

} // namespace synapscale
