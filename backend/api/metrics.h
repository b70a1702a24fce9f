#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <utility>

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
    // Keyed by parts rather than by a joined string: observe() runs once per request and
    // building the key strings was most of its cost.
    using Series = std::pair<QByteArray, QString>; // method, route
    mutable QMutex m_mutex;
    QHash<std::pair<Series, int>, quint64> m_counts; // by status
    QHash<Series, Histogram> m_histograms;
    QElapsedTimer m_uptime;
};

} // namespace synapscale
