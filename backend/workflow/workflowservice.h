#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "storage/page.h"
#include "workflow/workflowrecords.h"
#include "workflow/workflowrepository.h"

#include <QStringList>

#include <functional>

namespace synapscale {

class Database;

// What a workflow edit carries; `definition` is already normalized (WorkflowDefinition).
struct WorkflowInput {
    QString name;
    QString description;
    QStringList tags;
    QByteArray definition;
};

// Workflows of the acting user: CRUD with version history and optimistic concurrency.
// Another user's workflow is "not_found", never "forbidden", so ids reveal nothing.
class WorkflowService {
public:
    explicit WorkflowService(Database &db) : m_db(db) {}

    Result<Page<WorkflowRecord>> list(const Principal &who, const WorkflowFilter &filter);
    Result<WorkflowRecord> create(const Principal &who, const WorkflowInput &input);
    Result<WorkflowRecord> get(const Principal &who, const QString &id);
    Result<WorkflowRecord> update(const Principal &who, const QString &id, const WorkflowInput &input, int expectedVersion);
    Result<void> remove(const Principal &who, const QString &id);
    Result<QList<WorkflowVersionRecord>> versions(const Principal &who, const QString &id);
    Result<WorkflowVersionRecord> version(const Principal &who, const QString &id, int number);
    // Saves version `number`'s definition as a new version (history is never rewritten).
    Result<WorkflowRecord> restore(const Principal &who, const QString &id, int number);

    static QByteArray tagsJson(const QStringList &tags);

    // Told after a workflow was saved or deleted (active triggers follow the new definition).
    std::function<void(const WorkflowRecord &)> onSaved;
    std::function<void(const QString &workflowId)> onRemoved;

private:
    Database &m_db;
};

} // namespace synapscale
