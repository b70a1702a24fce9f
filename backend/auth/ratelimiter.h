#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>

namespace synapscale {

// Sliding-window counters in memory, keyed by purpose and subject ("login:acct:alice@x",
// "login:ip:10.0.0.1"). Thread-safe. One instance per server process: several instances behind a
// load balancer each apply the limits to the requests they see.
class RateLimiter {
public:
    explicit RateLimiter(int windowSeconds);

    // 0 when `key` may act; otherwise the seconds until its oldest counted event leaves the window.
    int retryAfter(const QString &key, int limit);
    void record(const QString &key);
    void reset(const QString &key);
    int windowSeconds() const { return m_window; }

private:
    void prune(std::deque<qint64> &events, qint64 now) const;
    QMutex m_mutex;
    QHash<QString, std::deque<qint64>> m_events; // msecs since epoch, oldest first
    int m_window;
    int m_recordsSinceSweep = 0;
};

} // namespace synapscale
