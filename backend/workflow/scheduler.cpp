#include "scheduler.h"

#include "core/clock.h"
#include "core/logger.h"
#include "storage/database.h"
#include "workflow/executionservice.h"

namespace synapscale {

QDateTime ScheduleEntry::nextAfter(const QDateTime &t) const
{
    if (cron)
        return cron->next(t, zone);
    const qint64 offset = qint64(zone.offsetFromUtc(t)) * 1000;
    const qint64 local = t.toMSecsSinceEpoch() + offset;
    const qint64 next = (local / intervalMs + 1) * intervalMs - offset;
    return QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
}

Scheduler::Scheduler(Database &db, ExecutionService &executions, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_executions(executions)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::fireDue);
}

Result<std::vector<ScheduleEntry>> Scheduler::entriesOf(const std::shared_ptr<const WorkflowGraph> &graph, const QString &ownerId)
{
    std::vector<ScheduleEntry> out;
    for (const auto &node : graph->nodes) {
        if (node.type != "trigger.schedule" || node.disabled)
            continue;
        ScheduleEntry e;
        e.workflowId = QString::fromStdString(graph->workflowId);
        e.ownerId = ownerId;
        e.nodeId = node.id;
        e.graph = graph;
        std::string tz = node.parameters.value("timezone", std::string());
        if (tz.empty())
            tz = graph->timezone;
        if (!tz.empty()) {
            QTimeZone zone(QByteArray::fromStdString(tz));
            if (!zone.isValid())
                return Error::invalid(QStringLiteral("definition"), QStringLiteral("Schedule '%1': unknown timezone '%2'")
                                                                         .arg(QString::fromStdString(node.name), QString::fromStdString(tz)));
            e.zone = zone;
        }
        if (node.parameters.value("mode", std::string("interval")) == "cron") {
            auto cron = CronExpression::parse(QString::fromStdString(node.parameters.value("cron", std::string())));
            if (!cron)
                return Error::invalid(QStringLiteral("definition"),
                                      QStringLiteral("Schedule '%1': %2").arg(QString::fromStdString(node.name), cron.error().message));
            e.cron = *cron;
        } else {
            const long long every = node.parameters.value("interval", 1LL);
            const std::string unit = node.parameters.value("unit", std::string("minutes"));
            const qint64 unitMs = unit == "seconds" ? 1000 : unit == "hours" ? 3600000 : unit == "days" ? 86400000 : 60000;
            if (every < 1)
                return Error::invalid(QStringLiteral("definition"), QStringLiteral("Schedule '%1': the interval must be at least 1")
                                                                         .arg(QString::fromStdString(node.name)));
            e.intervalMs = every * unitMs;
        }
        out.push_back(std::move(e));
    }
    return out;
}

void Scheduler::set(const QString &workflowId, std::vector<ScheduleEntry> entries)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto &e : entries)
        e.next = e.nextAfter(now);
    if (entries.empty())
        m_entries.remove(workflowId);
    else
        m_entries.insert(workflowId, std::move(entries));
    arm();
}

void Scheduler::remove(const QString &workflowId)
{
    m_entries.remove(workflowId);
    arm();
}

int Scheduler::count() const
{
    int n = 0;
    for (const auto &list : m_entries)
        n += int(list.size());
    return n;
}

void Scheduler::arm()
{
    QDateTime soonest;
    for (const auto &list : m_entries) {
        for (const auto &e : list) {
            if (e.next.isValid() && (!soonest.isValid() || e.next < soonest))
                soonest = e.next;
        }
    }
    if (!soonest.isValid()) {
        m_timer.stop();
        return;
    }
    const qint64 ms = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(soonest), 0, 3600 * 1000);
    m_timer.start(int(ms));
}

bool Scheduler::claim(const ScheduleEntry &entry, const QDateTime &tick)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO schedule_ticks (workflow_id, node_id, tick, fired_at) VALUES (?, ?, ?, ?)"),
                       {entry.workflowId, QString::fromStdString(entry.nodeId), toIso(tick.toMSecsSinceEpoch()), nowIso()});
    return q.ok();
}

void Scheduler::fireDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto &list : m_entries) {
        for (auto &e : list) {
            if (!e.next.isValid() || e.next > now.addMSecs(5))
                continue;
            const QDateTime tick = e.next;
            e.next = e.nextAfter(tick.addMSecs(1) > now ? tick.addMSecs(1) : now);
            if (!claim(e, tick))
                continue; // another instance (or an earlier run of this one) fired it
            const QDateTime local = tick.toTimeZone(e.zone);
            StartOptions options;
            options.mode = QStringLiteral("schedule");
            options.startNodeId = e.nodeId;
            options.input.push_back({{"json",
                                      {{"timestamp", local.toString(Qt::ISODateWithMs).toStdString()},
                                       {"Readable date", local.toString(QStringLiteral("MMMM d yyyy, h:mm:ss ap")).toStdString()},
                                       {"Day of week", local.toString(QStringLiteral("dddd")).toStdString()},
                                       {"Timezone", e.zone.id().toStdString()}}}});
            auto started = m_executions.start(e.graph, e.ownerId, std::move(options));
            if (!started)
                Log::warning(QStringLiteral("schedule of workflow %1 did not start: %2").arg(e.workflowId, started.error().message));
        }
    }
    // Ticks older than a day can no longer collide; keep the table small.
    static int sweeps = 0;
    if (++sweeps % 500 == 0)
        (void)m_db.exec(QStringLiteral("DELETE FROM schedule_ticks WHERE fired_at < ?"),
                        {toIso(QDateTime::currentMSecsSinceEpoch() - 86400 * 1000)});
    arm();
}

} // namespace synapscale
