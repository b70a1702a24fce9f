#include "cronexpression.h"

#include <QStringList>

namespace synapscale {

namespace {

int nameValue(const QString &token, bool month)
{
    static const QStringList months{QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
                                    QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
                                    QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
    static const QStringList days{QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"), QStringLiteral("WED"),
                                  QStringLiteral("THU"), QStringLiteral("FRI"), QStringLiteral("SAT")};
    const int i = (month ? months : days).indexOf(token.toUpper());
    if (i < 0)
        return -1;
    return month ? i + 1 : i;
}

// Parses one field into `bits` (values min..max). Returns an error message or empty.
template <std::size_t N>
QString parseField(const QString &field, int min, int max, std::bitset<N> &bits, bool months, bool weekdays, bool *any)
{
    *any = field == QLatin1String("*") || field == QLatin1String("?");
    for (const auto &part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const int slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1)
                return QStringLiteral("bad step in '%1'").arg(part);
            range = part.left(slash);
        }
        int lo = min;
        int hi = max;
        auto value = [&](const QString &t, int *out) {
            bool ok = false;
            int v = t.toInt(&ok);
            if (!ok)
                v = nameValue(t, months);
            if (!ok && v < 0 && !weekdays)
                return false;
            if (!ok && v < 0)
                return false;
            if (weekdays && v == 7)
                v = 0;
            *out = v;
            return true;
        };
        if (range != QLatin1String("*") && range != QLatin1String("?")) {
            const int dash = range.indexOf(QLatin1Char('-'));
            if (dash > 0) {
                if (!value(range.left(dash), &lo) || !value(range.mid(dash + 1), &hi))
                    return QStringLiteral("bad range '%1'").arg(range);
                if (weekdays && hi == 0)
                    hi = 7; // MON-SUN
            } else {
                if (!value(range, &lo))
                    return QStringLiteral("bad value '%1'").arg(range);
                hi = part.contains(QLatin1Char('/')) ? max : lo;
            }
        }
        if (lo < min || hi > (weekdays ? 7 : max) || lo > hi)
            return QStringLiteral("'%1' is outside %2-%3").arg(part).arg(min).arg(max);
        for (int v = lo; v <= hi; v += step)
            bits.set(std::size_t(weekdays && v == 7 ? 0 : v));
    }
    return {};
}

} // namespace

Result<CronExpression> CronExpression::parse(const QString &text)
{
    QStringList fields = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() == 5)
        fields.prepend(QStringLiteral("0"));
    if (fields.size() != 6)
        return Error::invalid(QStringLiteral("cron"), QStringLiteral("A cron expression has 5 or 6 fields: [second] minute hour day-of-month month day-of-week"));
    CronExpression c;
    bool any = false;
    const char *names[] = {"second", "minute", "hour", "day of month", "month", "day of week"};
    QString problem;
    int index = 0;
    auto check = [&](const QString &message) {
        if (!message.isEmpty() && problem.isEmpty())
            problem = QStringLiteral("%1 field: %2").arg(QLatin1String(names[index]), message);
        ++index;
    };
    check(parseField(fields[0], 0, 59, c.m_seconds, false, false, &any));
    check(parseField(fields[1], 0, 59, c.m_minutes, false, false, &any));
    check(parseField(fields[2], 0, 23, c.m_hours, false, false, &any));
    check(parseField(fields[3], 1, 31, c.m_days, false, false, &c.m_anyDay));
    check(parseField(fields[4], 1, 12, c.m_months, true, false, &any));
    check(parseField(fields[5], 0, 6, c.m_weekdays, false, true, &c.m_anyWeekday));
    if (!problem.isEmpty())
        return Error::invalid(QStringLiteral("cron"), QStringLiteral("Invalid cron expression '%1': %2").arg(text, problem));
    return c;
}

QDateTime CronExpression::next(const QDateTime &after, const QTimeZone &zone) const
{
    QDateTime t = after.toTimeZone(zone).addSecs(1);
    t.setTime(QTime(t.time().hour(), t.time().minute(), t.time().second()));
    const QDateTime limit = t.addYears(5);
    auto dayMatches = [&](const QDate &d) {
        const bool dom = m_days.test(std::size_t(d.day()));
        const bool dow = m_weekdays.test(std::size_t(d.dayOfWeek() % 7));
        if (m_anyDay && m_anyWeekday)
            return true;
        if (m_anyDay)
            return dow;
        if (m_anyWeekday)
            return dom;
        return dom || dow;
    };
    while (t < limit) {
        const QDate d = t.date();
        const QTime tm = t.time();
        if (!m_months.test(std::size_t(d.month()))) {
            t = QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), zone);
            continue;
        }
        if (!dayMatches(d)) {
            t = QDateTime(d.addDays(1), QTime(0, 0), zone);
            continue;
        }
        if (!m_hours.test(std::size_t(tm.hour()))) {
            t = QDateTime(d, QTime(tm.hour(), 0), zone).addSecs(3600);
            continue;
        }
        if (!m_minutes.test(std::size_t(tm.minute()))) {
            t = QDateTime(d, QTime(tm.hour(), tm.minute()), zone).addSecs(60);
            continue;
        }
        if (!m_seconds.test(std::size_t(tm.second()))) {
            t = t.addSecs(1);
            continue;
        }
        return t;
    }
    return {};
}

} // namespace synapscale
