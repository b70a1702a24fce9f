#include "ratelimiter.h"

#include <QDateTime>

namespace synapscale {

RateLimiter::RateLimiter(int windowSeconds)
    : m_window(windowSeconds)
{
}

void RateLimiter::prune(std::deque<qint64> &events, qint64 now) const
{
    const qint64 cutoff = now - qint64(m_window) * 1000;
    while (!events.empty() && events.front() <= cutoff)
        events.pop_front();
}

int RateLimiter::retryAfter(const QString &key, int limit)
{
    if (limit <= 0)
        return 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    auto it = m_events.find(key);
    if (it == m_events.end())
        return 0;
    prune(*it, now);
    if (int(it->size()) < limit)
        return 0;
    const qint64 oldest = (*it)[it->size() - size_t(limit)];
    return int(qMax<qint64>(1, (oldest + qint64(m_window) * 1000 - now + 999) / 1000));
}

void RateLimiter::record(const QString &key)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    auto &events = m_events[key];
    prune(events, now);
    events.push_back(now);
    if (events.size() > 10000)
        events.pop_front();
    // Forget idle keys now and then so memory stays bounded by recent activity.
    if (++m_recordsSinceSweep >= 1000) {
        m_recordsSinceSweep = 0;
        for (auto i = m_events.begin(); i != m_events.end();) {
            prune(*i, now);
            i = i->empty() ? m_events.erase(i) : std::next(i);
        }
    }
}

void RateLimiter::reset(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_events.remove(key);
}

} // namespace synapscale
