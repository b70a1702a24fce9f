#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QTimeZone>

#include <bitset>

namespace synapscale {

// A cron expression with an optional seconds field: "sec min hour day-of-month month day-of-week"
// (6 fields) or the classic 5 fields (seconds = 0). Fields take *, numbers, ranges a-b, steps
// */n and a-b/n, lists, month and weekday names (JAN, MON) and ?. When both day fields are
// restricted a day matches either, as in Vixie cron.
class CronExpression {
public:
    static Result<CronExpression> parse(const QString &text);
    // The first matching time strictly after `after`, evaluated in `zone`; invalid if none
    // within five years.
    QDateTime next(const QDateTime &after, const QTimeZone &zone) const;

private:
    std::bitset<60> m_seconds;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;      // 1..31
    std::bitset<13> m_months;    // 1..12
    std::bitset<8> m_weekdays;   // 0..6, Sunday = 0
    bool m_anyDay = true;
    bool m_anyWeekday = true;
};

} // namespace synapscale
