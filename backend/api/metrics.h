#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>

namespace synapscale {

// Request counters and latency histograms per route, rendered in Prometheus text format.
// Routes are labelled by pattern ("/api/v1/workflows/{id}"), never by raw path, so the
// number of series stays bounded whatever clients send.
class Metrics {
public:
    Metrics();

    void observe(const QByteArray &method, const QString &route, int status, double seconds);
    QByteArray render(const QString &version) const;
    double uptimeSeconds() const { return m_uptime.elapsed() / 1000.0; }

    static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

private:
    struct Histogram {
        std::array<quint64, kBuckets.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, quint64> m_counts;        // "method\troute\tstatus"
    QHash<QString, Histogram> m_histograms;  // "method\troute"
    QElapsedTimer m_uptime;
};

} // namespace synapscale
