#include "webhookregistry.h"

#include <QRegularExpression>

namespace synapscale {

namespace {
QStringList splitPath(const QString &path)
{
    QStringList parts;
    for (const auto &p : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts << p;
    return parts;
}
} // namespace

Result<std::vector<WebhookTarget>> WebhookRegistry::targetsOf(const std::shared_ptr<const WorkflowGraph> &graph, const QString &ownerId)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.~:-]+$"));
    std::vector<WebhookTarget> out;
    for (const auto &node : graph->nodes) {
        if (node.type != "trigger.webhook" || node.disabled)
            continue;
        WebhookTarget t;
        t.workflowId = QString::fromStdString(graph->workflowId);
        t.ownerId = ownerId;
        t.nodeId = node.id;
        t.method = QByteArray::fromStdString(node.parameters.value("httpMethod", std::string("POST"))).toUpper();
        t.segments = splitPath(QString::fromStdString(node.parameters.value("path", std::string())));
        if (t.segments.isEmpty())
            return Error::invalid(QStringLiteral("definition"), QStringLiteral("Webhook node '%1' needs a path").arg(QString::fromStdString(node.name)));
        for (const auto &segment : t.segments) {
            if (!allowed.match(segment).hasMatch())
                return Error::invalid(QStringLiteral("definition"),
                                      QStringLiteral("Webhook node '%1': '%2' is not a valid path segment (letters, digits, - _ . ~ and :param)")
                                          .arg(QString::fromStdString(node.name), segment));
        }
        t.responseMode = node.parameters.value("responseMode", std::string("onReceived"));
        t.responseData = node.parameters.value("responseData", std::string("firstEntryJson"));
        t.responseCode = node.parameters.value("responseCode", 200);
        t.graph = graph;
        out.push_back(std::move(t));
    }
    return out;
}

bool WebhookRegistry::samePath(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool pa = a[i].startsWith(QLatin1Char(':'));
        const bool pb = b[i].startsWith(QLatin1Char(':'));
        if (!pa && !pb && a[i] != b[i])
            return false;
    }
    return true;
}

Result<void> WebhookRegistry::set(const QString &workflowId, std::vector<WebhookTarget> targets, bool test, QDateTime expires)
{
    std::lock_guard lock(m_mutex);
    auto &table = test ? m_test : m_production;
    for (auto it = table.constBegin(); it != table.constEnd(); ++it) {
        if (it.key() == workflowId)
            continue;
        for (const auto &other : it->targets) {
            for (const auto &mine : targets) {
                if (other.method == mine.method && samePath(other.segments, mine.segments))
                    return Error::make(QStringLiteral("conflict"),
                                       QStringLiteral("The webhook %1 /%2 is already used by another active workflow")
                                           .arg(QString::fromLatin1(mine.method), mine.path()));
            }
        }
    }
    for (std::size_t i = 0; i < targets.size(); ++i) {
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            if (targets[i].method == targets[j].method && samePath(targets[i].segments, targets[j].segments))
                return Error::make(QStringLiteral("conflict"), QStringLiteral("Two webhook nodes of this workflow use %1 /%2")
                                                                   .arg(QString::fromLatin1(targets[i].method), targets[i].path()));
        }
    }
    table.insert(workflowId, Entry{std::move(targets), expires});
    return {};
}

void WebhookRegistry::remove(const QString &workflowId, bool test)
{
    std::lock_guard lock(m_mutex);
    (test ? m_test : m_production).remove(workflowId);
}

bool WebhookRegistry::has(const QString &workflowId, bool test) const
{
    std::lock_guard lock(m_mutex);
    return (test ? m_test : m_production).contains(workflowId);
}

std::variant<WebhookRegistry::Match, QStringList> WebhookRegistry::match(const QByteArray &method, const QString &path, bool test) const
{
    const QStringList wanted = splitPath(path);
    std::lock_guard lock(m_mutex);
    if (test) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (auto it = m_test.begin(); it != m_test.end();) {
            if (it->expires.isValid() && it->expires < now)
                it = m_test.erase(it);
            else
                ++it;
        }
    }
    const auto &table = test ? m_test : m_production;
    QStringList allowed;
    // Literal segments beat parameters: try exact paths first.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto &entry : table) {
            for (const auto &t : entry.targets) {
                if (t.segments.size() != wanted.size())
                    continue;
                QHash<QString, QString> params;
                bool ok = true;
                for (qsizetype i = 0; i < wanted.size() && ok; ++i) {
                    if (t.segments[i].startsWith(QLatin1Char(':'))) {
                        if (pass == 0)
                            ok = false;
                        else
                            params.insert(t.segments[i].mid(1), wanted[i]);
                    } else {
                        ok = t.segments[i] == wanted[i];
                    }
                }
                if (!ok)
                    continue;
                if (t.method == method || (method == "HEAD" && t.method == "GET"))
                    return Match{t, params};
                if (!allowed.contains(QString::fromLatin1(t.method)))
                    allowed << QString::fromLatin1(t.method);
            }
        }
    }
    return allowed;
}

} // namespace synapscale
