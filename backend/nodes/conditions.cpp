#include "conditions.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QString>

#include <cmath>

namespace synapscale {

namespace {

std::string describe(const Json &v)
{
    const std::string text = v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

const char *typeName(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    case Json::value_t::null: return "null";
    default: return "a number";
    }
}

std::optional<QDateTime> toDate(const Json &v)
{
    if (v.is_number())
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(v.get<double>()), Qt::UTC);
    if (!v.is_string())
        return std::nullopt;
    const QString s = QString::fromStdString(v.get<std::string>());
    QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(s, Qt::ISODate);
    if (!d.isValid())
        d = QDateTime::fromString(s, Qt::RFC2822Date);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

// Converts `v` to the operator's type. Strict validation accepts only values already of that
// type (null stays null); loose validation converts the way n8n does ("5" → 5, "true" → true).
Result<Json> coerce(const Json &v, const std::string &type, bool loose, const char *side)
{
    if (v.is_null() || type == "any")
        return v;
    auto wrong = [&] {
        return nodeError(std::string("Wrong type: ") + describe(v) + " (" + side + ") is " + typeName(v) + " but was expecting a "
                         + (type == "dateTime" ? "date" : type)
                         + (loose ? "" : ". Turn on loose type validation to convert it"));
    };
    if (type == "string") {
        if (v.is_string())
            return v;
        if (!loose)
            return wrong();
        return Json(v.is_object() || v.is_array() ? v.dump() : (v.is_boolean() ? (v.get<bool>() ? "true" : "false") : v.dump()));
    }
    if (type == "number") {
        if (v.is_number())
            return v;
        // A number typed into the right-hand field is stored as text; n8n reads it as the number.
        if (!loose && !(std::string(side) == "right value" && v.is_string()))
            return wrong();
        if (v.is_boolean())
            return Json(v.get<bool>() ? 1 : 0);
        if (v.is_string()) {
            bool ok = false;
            const double d = QString::fromStdString(v.get<std::string>()).trimmed().toDouble(&ok);
            if (ok)
                return Json(d);
        }
        return wrong();
    }
    if (type == "boolean") {
        if (v.is_boolean())
            return v;
        if (!loose)
            return wrong();
        if (v.is_number())
            return Json(v.get<double>() != 0);
        if (v.is_string()) {
            const std::string s = QString::fromStdString(v.get<std::string>()).trimmed().toLower().toStdString();
            if (s == "true" || s == "1" || s == "yes")
                return Json(true);
            if (s == "false" || s == "0" || s == "no")
                return Json(false);
        }
        return wrong();
    }
    if (type == "dateTime") {
        if (v.is_string() && toDate(v))
            return v;
        if (loose && v.is_number())
            return v;
        return wrong();
    }
    if (type == "array") {
        if (v.is_array())
            return v;
        if (loose && v.is_string()) {
            auto parsed = Json::parse(v.get<std::string>(), nullptr, false);
            if (parsed.is_array())
                return parsed;
        }
        return wrong();
    }
    if (type == "object") {
        if (v.is_object())
            return v;
        if (loose && v.is_string()) {
            auto parsed = Json::parse(v.get<std::string>(), nullptr, false);
            if (parsed.is_object())
                return parsed;
        }
        return wrong();
    }
    return v;
}

bool isEmpty(const Json &v)
{
    if (v.is_null())
        return true;
    if (v.is_string() || v.is_array() || v.is_object())
        return v.empty() || (v.is_string() && v.get<std::string>().empty());
    return false;
}

bool looselyEqual(const Json &a, const Json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    return a == b;
}

Result<bool> evaluateOne(const Json &condition, bool caseSensitive, bool loose)
{
    const Json op = condition.value("operator", Json::object());
    const std::string type = op.value("type", std::string("string"));
    const std::string operation = op.value("operation", std::string("equals"));
    Json left = condition.value("leftValue", Json());
    Json right = condition.value("rightValue", Json());
    if (left.is_string() && left.get<std::string>().empty() && type != "string")
        left = nullptr;

    if (operation == "exists")
        return !left.is_null();
    if (operation == "notExists")
        return left.is_null();
    if (operation == "empty" || operation == "isEmpty")
        return isEmpty(left);
    if (operation == "notEmpty" || operation == "isNotEmpty")
        return !isEmpty(left);

    auto l = coerce(left, type, loose, "left value");
    if (!l)
        return l.error();
    const bool rightMatters = !(type == "boolean" && (operation == "true" || operation == "false"))
                              && operation.rfind("length", 0) != 0 && !(type == "array" && (operation == "contains" || operation == "notContains"));
    if (rightMatters) {
        if (right.is_string() && right.get<std::string>().empty() && type != "string")
            right = nullptr;
        auto r = coerce(right, type, loose, "right value");
        if (!r)
            return r.error();
        right = *r;
    }
    left = *l;

    if (type == "string") {
        QString a = left.is_string() ? QString::fromStdString(left.get<std::string>()) : QString();
        QString b = right.is_string() ? QString::fromStdString(right.get<std::string>()) : QString();
        const auto cs = caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
        if (operation == "equals")
            return left.is_null() == right.is_null() && a.compare(b, cs) == 0;
        if (operation == "notEquals")
            return !(left.is_null() == right.is_null() && a.compare(b, cs) == 0);
        if (operation == "contains")
            return a.contains(b, cs);
        if (operation == "notContains")
            return !a.contains(b, cs);
        if (operation == "startsWith")
            return a.startsWith(b, cs);
        if (operation == "notStartsWith")
            return !a.startsWith(b, cs);
        if (operation == "endsWith")
            return a.endsWith(b, cs);
        if (operation == "notEndsWith")
            return !a.endsWith(b, cs);
        if (operation == "regex" || operation == "notRegex") {
            QString pattern = b;
            QRegularExpression::PatternOptions options;
            // Accept /pattern/flags like n8n.
            static const QRegularExpression literal(QStringLiteral("^/(.*)/([gimsuy]*)$"));
            if (auto m = literal.match(b); m.hasMatch()) {
                pattern = m.captured(1);
                if (m.captured(2).contains(QLatin1Char('i')))
                    options |= QRegularExpression::CaseInsensitiveOption;
                if (m.captured(2).contains(QLatin1Char('m')))
                    options |= QRegularExpression::MultilineOption;
            }
            if (!caseSensitive)
                options |= QRegularExpression::CaseInsensitiveOption;
            QRegularExpression re(pattern, options);
            if (!re.isValid())
                return nodeError("Invalid regular expression '" + b.toStdString() + "': " + re.errorString().toStdString());
            const bool match = re.match(a).hasMatch();
            return operation == "regex" ? match : !match;
        }
    } else if (type == "number") {
        if (left.is_null() || right.is_null()) {
            if (operation == "equals")
                return left.is_null() && right.is_null();
            if (operation == "notEquals")
                return !(left.is_null() && right.is_null());
            return false;
        }
        const double a = left.get<double>();
        const double b = right.get<double>();
        if (operation == "equals")
            return a == b;
        if (operation == "notEquals")
            return a != b;
        if (operation == "gt")
            return a > b;
        if (operation == "lt")
            return a < b;
        if (operation == "gte")
            return a >= b;
        if (operation == "lte")
            return a <= b;
    } else if (type == "boolean") {
        if (operation == "true")
            return left.is_boolean() && left.get<bool>();
        if (operation == "false")
            return left.is_boolean() && !left.get<bool>();
        if (operation == "equals")
            return left == right;
        if (operation == "notEquals")
            return left != right;
    } else if (type == "dateTime") {
        const auto a = toDate(left);
        const auto b = toDate(right);
        if (!a || !b)
            return operation == "notEquals" ? a.has_value() != b.has_value() : (operation == "equals" && !a && !b);
        if (operation == "equals")
            return *a == *b;
        if (operation == "notEquals")
            return *a != *b;
        if (operation == "after")
            return *a > *b;
        if (operation == "before")
            return *a < *b;
        if (operation == "afterOrEquals")
            return *a >= *b;
        if (operation == "beforeOrEquals")
            return *a <= *b;
    } else if (type == "array") {
        const std::size_t size = left.is_array() ? left.size() : 0;
        auto number = [&]() -> double {
            if (right.is_number())
                return right.get<double>();
            if (right.is_string())
                return QString::fromStdString(right.get<std::string>()).toDouble();
            return 0;
        };
        if (operation == "contains" || operation == "notContains") {
            bool found = false;
            if (left.is_array()) {
                for (const auto &e : left)
                    found = found || looselyEqual(e, right);
            }
            return operation == "contains" ? found : !found;
        }
        if (operation == "lengthEquals")
            return double(size) == number();
        if (operation == "lengthNotEquals")
            return double(size) != number();
        if (operation == "lengthGt")
            return double(size) > number();
        if (operation == "lengthLt")
            return double(size) < number();
        if (operation == "lengthGte")
            return double(size) >= number();
        if (operation == "lengthLte")
            return double(size) <= number();
    } else if (type == "object") {
        if (operation == "equals")
            return left == right;
        if (operation == "notEquals")
            return left != right;
    }
    return nodeError("Unknown condition operation '" + operation + "' for type '" + type + "'");
}

} // namespace

Result<bool> evaluateConditions(const Json &conditions, bool looseTypes)
{
    if (!conditions.is_object())
        return nodeError("Conditions must be an object with a 'conditions' list");
    const Json options = conditions.value("options", Json::object());
    const bool caseSensitive = options.value("caseSensitive", true);
    const bool loose = looseTypes || options.value("typeValidation", std::string("strict")) == "loose";
    const bool any = conditions.value("combinator", std::string("and")) == "or";
    const Json list = conditions.value("conditions", Json::array());
    if (list.empty())
        return true;
    for (const auto &condition : list) {
        auto passed = evaluateOne(condition, caseSensitive, loose);
        if (!passed)
            return passed;
        if (any && *passed)
            return true;
        if (!any && !*passed)
            return false;
    }
    return !any;
}

} // namespace synapscale
