#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace synapscale {

namespace {

QTimeZone zoneFor(NodeContext &ctx, std::size_t i)
{
    auto tz = ctx.param("timezone", i);
    std::string name = tz && tz->is_string() ? tz->get<std::string>() : "";
    if (name.empty())
        name = ctx.timezone();
    if (name.empty() || name == "UTC" || name == "Etc/UTC")
        return QTimeZone::utc();
    QTimeZone zone(QByteArray::fromStdString(name));
    return zone.isValid() ? zone : QTimeZone::utc();
}

std::optional<QDateTime> parseDate(const Json &v, const QTimeZone &zone)
{
    if (v.is_number()) {
        const double n = v.get<double>();
        // Seconds or milliseconds since the epoch, told apart by size like n8n does.
        const qint64 ms = std::abs(n) < 1e11 ? qint64(n * 1000) : qint64(n);
        return QDateTime::fromMSecsSinceEpoch(ms, zone);
    }
    if (!v.is_string())
        return std::nullopt;
    const QString s = QString::fromStdString(v.get<std::string>()).trimmed();
    for (auto format : {Qt::ISODateWithMs, Qt::ISODate, Qt::RFC2822Date, Qt::TextDate}) {
        QDateTime d = QDateTime::fromString(s, format);
        if (d.isValid()) {
            if (d.timeSpec() == Qt::LocalTime)
                d.setTimeZone(zone);
            return d.toTimeZone(zone);
        }
    }
    const QDate date = QDate::fromString(s, Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), zone);
    // Common human-written forms ("April 11, 2023 2:30 PM", "2023/04/11 14:30", "11 Apr 2023").
    static const char *formats[] = {"MMMM d, yyyy h:mm AP", "MMMM d, yyyy h:mm:ss AP", "MMMM d, yyyy", "MMM d, yyyy h:mm AP", "MMM d, yyyy",
                                    "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
                                    "d MMM yyyy", "d MMMM yyyy", "dd/MM/yyyy HH:mm", "MM/dd/yyyy"};
    const QLocale english(QLocale::English);
    for (const char *f : formats) {
        QDateTime d = english.toDateTime(s, QString::fromLatin1(f));
        if (d.isValid()) {
            d.setTimeZone(zone);
            return d;
        }
    }
    return std::nullopt;
}

// ISO-8601 with milliseconds and a numeric offset, the way n8n (Luxon) prints dates.
std::string isoString(const QDateTime &d)
{
    const int offset = d.offsetFromUtc();
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    const int abs = std::abs(offset);
    return (d.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + sign
            + QStringLiteral("%1:%2").arg(abs / 3600, 2, 10, QLatin1Char('0')).arg((abs % 3600) / 60, 2, 10, QLatin1Char('0')))
        .toStdString();
}

// Luxon tokens to Qt's, for the formats people use most.
QString qtFormat(QString f)
{
    static const std::pair<const char *, const char *> map[] = {
        {"EEEE", "dddd"}, {"EEE", "ddd"}, {"LLLL", "MMMM"}, {"LLL", "MMM"}, {"SSS", "zzz"}, {"a", "AP"}};
    for (const auto &[from, to] : map)
        f.replace(QLatin1String(from), QLatin1String(to));
    return f;
}

QDateTime addUnits(const QDateTime &d, double amount, const std::string &unit)
{
    const qint64 n = qint64(amount);
    if (unit == "years")
        return d.addYears(int(n));
    if (unit == "quarters")
        return d.addMonths(int(n * 3));
    if (unit == "months")
        return d.addMonths(int(n));
    if (unit == "weeks")
        return d.addDays(n * 7);
    if (unit == "days")
        return d.addDays(n);
    if (unit == "hours")
        return d.addMSecs(qint64(amount * 3600000));
    if (unit == "minutes")
        return d.addMSecs(qint64(amount * 60000));
    if (unit == "seconds")
        return d.addMSecs(qint64(amount * 1000));
    return d.addMSecs(n);
}

NodeResult runDateTime(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    Items out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto get = [&](const char *name) { return ctx.param(name, i); };
        auto operation = get("operation");
        auto field = get("outputFieldName");
        if (!operation || !field)
            return !operation ? operation.error() : field.error();
        const QTimeZone zone = zoneFor(ctx, i);
        const std::string op = operation->is_string() ? operation->get<std::string>() : "";
        auto dateParam = [&](const char *name) -> Result<QDateTime> {
            auto v = get(name);
            if (!v)
                return v.error();
            auto d = parseDate(*v, zone);
            if (!d)
                return nodeError("'" + std::string(name) + "' is not a date: " + v->dump() + " [item " + std::to_string(i) + "]");
            return *d;
        };
        Json value;
        std::string defaultField = "newDate";
        if (op == "getCurrentDate") {
            defaultField = "currentDate";
            auto includeTime = get("includeTime");
            QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
            if (includeTime && includeTime->is_boolean() && !includeTime->get<bool>())
                now.setTime(QTime(0, 0));
            value = isoString(now);
        } else if (op == "addToDate" || op == "subtractFromDate") {
            auto date = dateParam("magnitude");
            auto amount = get("duration");
            auto unit = get("timeUnit");
            if (!date || !amount || !unit)
                return !date ? date.error() : !amount ? amount.error() : unit.error();
            if (!amount->is_number())
                return nodeError("'duration' must be a number [item " + std::to_string(i) + "]");
            const double n = amount->get<double>() * (op == "subtractFromDate" ? -1 : 1);
            value = isoString(addUnits(*date, n, unit->is_string() ? unit->get<std::string>() : "days"));
        } else if (op == "formatDate") {
            defaultField = "formattedDate";
            auto date = dateParam("date");
            auto format = get("format");
            if (!date || !format)
                return !date ? date.error() : format.error();
            const QString f = QString::fromStdString(format->is_string() ? format->get<std::string>() : "");
            value = f.isEmpty() ? isoString(*date) : date->toString(qtFormat(f)).toStdString();
        } else if (op == "getTimeBetweenDates") {
            defaultField = "timeDifference";
            auto start = dateParam("startDate");
            auto end = dateParam("endDate");
            auto units = get("units");
            if (!start || !end || !units)
                return !start ? start.error() : !end ? end.error() : units.error();
            const qint64 ms = start->msecsTo(*end);
            Json diff = Json::object();
            for (const auto &u : (units->is_array() ? *units : Json::array({"days"}))) {
                std::string unit = u.is_string() ? u.get<std::string>() : "";
                if (!unit.empty() && unit.back() != 's')
                    unit += 's'; // n8n names units in the singular, Luxon's result in the plural
                const double per = unit == "weeks" ? 604800000.0 : unit == "days" ? 86400000.0 : unit == "hours" ? 3600000.0
                                 : unit == "minutes" ? 60000.0 : unit == "seconds" ? 1000.0 : 1.0;
                if (unit == "years" || unit == "months") {
                    int months = (end->date().year() - start->date().year()) * 12 + end->date().month() - start->date().month();
                    if (end->date().day() < start->date().day())
                        --months;
                    diff[unit] = unit == "years" ? months / 12 : months;
                } else {
                    diff[unit] = double(ms) / per;
                }
            }
            value = diff;
        } else if (op == "extractDate") {
            defaultField = "datePart";
            auto date = dateParam("date");
            auto part = get("part");
            if (!date || !part)
                return !date ? date.error() : part.error();
            const std::string p = part->is_string() ? part->get<std::string>() : "";
            const QDate d = date->date();
            const QTime t = date->time();
            if (p == "year") value = d.year();
            else if (p == "month") value = d.month();
            else if (p == "week") value = d.weekNumber();
            else if (p == "day") value = d.day();
            else if (p == "hour") value = t.hour();
            else if (p == "minute") value = t.minute();
            else if (p == "second") value = t.second();
            else return nodeError("Unknown date part " + part->dump());
        } else if (op == "roundDate") {
            auto date = dateParam("date");
            auto mode = get("mode");
            auto to = get("toNearest");
            if (!date || !mode || !to)
                return !date ? date.error() : !mode ? mode.error() : to.error();
            const std::string unit = to->is_string() ? to->get<std::string>() : "day";
            QDateTime d = *date;
            QDate day = d.date();
            QTime time = d.time();
            if (unit == "year") { day = QDate(day.year(), 1, 1); time = QTime(0, 0); }
            else if (unit == "month") { day = QDate(day.year(), day.month(), 1); time = QTime(0, 0); }
            else if (unit == "week") { day = day.addDays(1 - day.dayOfWeek()); time = QTime(0, 0); }
            else if (unit == "day") time = QTime(0, 0);
            else if (unit == "hour") time = QTime(time.hour(), 0);
            else if (unit == "minute") time = QTime(time.hour(), time.minute());
            else if (unit == "second") time = QTime(time.hour(), time.minute(), time.second());
            QDateTime down(day, time, zone);
            if (*mode == "roundUp" && down != d) {
                const std::string plural = unit + "s";
                down = addUnits(down, 1, plural);
            }
            value = isoString(down);
        } else {
            return nodeError("Unknown Date & Time operation " + operation->dump());
        }
        const std::string target = field->is_string() && !field->get<std::string>().empty() ? field->get<std::string>() : defaultField;
        Json j = itempaths::jsonOf(items[i]);
        itempaths::set(j, target, std::move(value));
        out.push_back(itempaths::item(std::move(j)));
    }
    return NodeOutput::single(std::move(out));
}

} // namespace

void addDateTimeNode(NodeRegistry &registry)
{
    using namespace schema;
    NodeDescriptor d;
    d.type = "core.datetime";
    d.displayName = "Date & Time";
    d.category = "Data";
    d.description = "Current date, add or subtract time, format, difference between dates, extract a part, round";
    d.parameters = object({{"operation", options("Operation", {"getCurrentDate", "addToDate", "subtractFromDate", "formatDate",
                                                               "getTimeBetweenDates", "extractDate", "roundDate"}, "getCurrentDate")},
                           {"includeTime", boolean("Include time", true)},
                           {"magnitude", string("Date", "")},
                           {"duration", number("Amount", 1)},
                           {"timeUnit", options("Unit", {"years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"}, "days")},
                           {"date", string("Date", "")},
                           {"format", string("Format (yyyy-MM-dd HH:mm:ss)", "")},
                           {"startDate", string("Start date", "")},
                           {"endDate", string("End date", "")},
                           {"units", list("Units", {{"type", "string"}, {"enum", {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
                                                                           "year", "month", "week", "day", "hour", "minute", "second", "millisecond"}}})},
                           {"part", options("Part", {"year", "month", "week", "day", "hour", "minute", "second"}, "month")},
                           {"mode", options("Round", {"roundDown", "roundUp"}, "roundDown")},
                           {"toNearest", options("To nearest", {"year", "month", "week", "day", "hour", "minute", "second"}, "day")},
                           {"timezone", string("Timezone", "", "IANA name; empty = the workflow's timezone or UTC")},
                           {"outputFieldName", string("Output field", "")}});
    registry.add(std::make_unique<FunctionNode>(std::move(d), runDateTime));
}

} // namespace synapscale
