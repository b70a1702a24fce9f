#pragma once

#include "core/result.h"
#include "engine/workflowgraph.h"
#include "workflow/cronexpression.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace synapscale {

class Database;
class ExecutionService;

// One schedule trigger of an active workflow.
struct ScheduleEntry {
    QString workflowId;
    QString ownerId;
    std::string nodeId;
    std::shared_ptr<const WorkflowGraph> graph;
    std::optional<CronExpression> cron;
    qint64 intervalMs = 0;     // interval mode: ticks aligned to the epoch (in the zone)
    QTimeZone zone = QTimeZone::utc();
    QDateTime next;

    QDateTime nextAfter(const QDateTime &t) const;
};

// Fires the schedule triggers of active workflows on the backend thread. Each tick is claimed
// in schedule_ticks before it runs, so a tick fires once even across restarts and instances;
// ticks missed while the server was down are skipped.
class Scheduler : public QObject {
    Q_OBJECT
public:
    Scheduler(Database &db, ExecutionService &executions, QObject *parent = nullptr);

    static Result<std::vector<ScheduleEntry>> entriesOf(const std::shared_ptr<const WorkflowGraph> &graph, const QString &ownerId);
    void set(const QString &workflowId, std::vector<ScheduleEntry> entries);
    void remove(const QString &workflowId);
    int count() const;

private:
    void arm();
    void fireDue();
    bool claim(const ScheduleEntry &entry, const QDateTime &tick);

    Database &m_db;
    ExecutionService &m_executions;
    QHash<QString, std::vector<ScheduleEntry>> m_entries;
    QTimer m_timer;
};

} // namespace synapscale
