#include "metrics.h"

#include <QFile>
#include <QStringList>

#include <algorithm>

#include <unistd.h>

namespace synapscale {

namespace {
QByteArray label(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const auto parts = statm.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}
} // namespace

Metrics::Metrics()
{
    m_uptime.start();
}

void Metrics::observe(const QByteArray &method, const QString &route, int status, double seconds)
{
    const Series series{method, route};
    QMutexLocker lock(&m_mutex);
    ++m_counts[{series, status}];
    auto &h = m_histograms[series];
    ++h.count;
    h.sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
}

QByteArray Metrics::render(const QString &version) const
{
    QByteArray out;
    out += "# HELP synapscale_build_info Build information.\n# TYPE synapscale_build_info gauge\n";
    out += "synapscale_build_info{version=\"" + label(version) + "\"} 1\n";
    out += "# HELP process_uptime_seconds Seconds since the process started serving.\n# TYPE process_uptime_seconds gauge\n";
    out += "process_uptime_seconds " + QByteArray::number(uptimeSeconds(), 'f', 3) + "\n";
    out += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\n";
    out += "process_resident_memory_bytes " + QByteArray::number(residentBytes()) + "\n";

    QMutexLocker lock(&m_mutex);
    out += "# HELP synapscale_http_requests_total HTTP requests by method, route and status.\n"
           "# TYPE synapscale_http_requests_total counter\n";
    auto countKeys = m_counts.keys();
    std::sort(countKeys.begin(), countKeys.end());
    for (const auto &key : countKeys) {
        const auto &[series, status] = key;
        out += "synapscale_http_requests_total{method=\"" + label(QString::fromLatin1(series.first)) + "\",route=\"" + label(series.second)
               + "\",status=\"" + QByteArray::number(status) + "\"} " + QByteArray::number(m_counts.value(key)) + "\n";
    }
    out += "# HELP synapscale_http_request_duration_seconds HTTP request latency by method and route.\n"
           "# TYPE synapscale_http_request_duration_seconds histogram\n";
    auto histKeys = m_histograms.keys();
    std::sort(histKeys.begin(), histKeys.end());
    for (const auto &key : histKeys) {
        const QByteArray labels = "method=\"" + label(QString::fromLatin1(key.first)) + "\",route=\"" + label(key.second) + "\"";
        const auto &h = m_histograms[key];
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out += "synapscale_http_request_duration_seconds_bucket{" + labels + ",le=\"" + QByteArray::number(kBuckets[i], 'g', 6)
                   + "\"} " + QByteArray::number(h.buckets[i]) + "\n";
        out += "synapscale_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + QByteArray::number(h.count) + "\n";
        out += "synapscale_http_request_duration_seconds_sum{" + labels + "} " + QByteArray::number(h.sum, 'f', 6) + "\n";
        out += "synapscale_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(h.count) + "\n";
    }
    return out;
}

} // namespace synapscale
