#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace synapscale {

using itempaths::item;
using itempaths::jsonOf;

namespace {

NodeDescriptor data(std::string type, std::string name, std::string description, Json parameters)
{
    NodeDescriptor d;
    d.type = std::move(type);
    d.displayName = std::move(name);
    d.category = "Data";
    d.description = std::move(description);
    d.parameters = std::move(parameters);
    return d;
}

bool flag(const Result<Json> &v, bool fallback)
{
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

// Converts a Set field's value to its declared type, n8n-style; the error names field and item.
Result<Json> convert(Json value, const std::string &type, const std::string &field, std::size_t index)
{
    auto fail = [&](const char *what) {
        return nodeError("'" + field + "' expects " + what + " but we got " + value.dump() + " [item " + std::to_string(index) + "]");
    };
    if (type.empty() || type == "auto")
        return value;
    if (type == "string")
        return value.is_string() ? std::move(value) : Json(value.is_null() ? "" : value.dump());
    if (type == "number") {
        if (value.is_number() || value.is_null())
            return value;
        if (value.is_string()) {
            bool ok = false;
            const QString s = QString::fromStdString(value.get<std::string>()).trimmed();
            const double d = s.toDouble(&ok);
            if (ok) {
                if (d == std::floor(d) && std::abs(d) < 9e15)
                    return Json(static_cast<long long>(d));
                return Json(d);
            }
            if (s.isEmpty())
                return Json(0); // like JavaScript's Number("")
        }
        if (value.is_boolean())
            return Json(value.get<bool>() ? 1 : 0);
        return fail("a number");
    }
    if (type == "boolean") {
        if (value.is_boolean() || value.is_null())
            return value;
        if (value.is_string()) {
            const QString s = QString::fromStdString(value.get<std::string>()).trimmed().toLower();
            if (s == QLatin1String("true") || s == QLatin1String("1"))
                return Json(true);
            if (s == QLatin1String("false") || s == QLatin1String("0") || s.isEmpty())
                return Json(false);
        }
        if (value.is_number() && (value.get<double>() == 0 || value.get<double>() == 1))
            return Json(value.get<double>() != 0);
        return fail("a boolean");
    }
    if (type == "array" || type == "object") {
        Json v = value;
        if (v.is_string()) {
            v = Json::parse(value.get<std::string>(), nullptr, false);
            if (v.is_discarded())
                return fail(type == "array" ? "an array" : "an object");
        }
        if ((type == "array" && !v.is_array()) || (type == "object" && !v.is_object()))
            return fail(type == "array" ? "an array" : "an object");
        return v;
    }
    return nodeError("Unknown field type '" + type + "' for '" + field + "'");
}

// One part ("name", "type", "value") of a Set field for one item. Parts of a field list read
// raw are evaluated here, one by one: evaluating the whole list would copy every entry per item.
Result<Json> fieldPart(NodeContext &ctx, const Json &field, const char *key, bool evaluated, std::size_t itemIndex)
{
    const auto it = field.find(key);
    if (it == field.end())
        return Json();
    return evaluated ? Result<Json>(*it) : ctx.evaluate(*it, itemIndex, "fields");
}

const std::string kAutoType = "auto";

NodeResult runSet(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    Items out;
    out.reserve(items.size());
    ItemParam modeParam(ctx, "mode"), includeOtherParam(ctx, "includeOtherFields"), dottedParam(ctx, "dotNotation"),
        ignoreErrorsParam(ctx, "ignoreConversionErrors"), includeParam(ctx, "includeFields"), excludeParam(ctx, "excludeFields");
    // A literal list of fields (the editor's form) is evaluated field by field; an expression
    // that yields the list is evaluated whole.
    const Json &parameters = ctx.rawParameters();
    const auto rawFields = parameters.find("fields");
    const bool fieldByField = rawFields == parameters.end() || rawFields->is_array();
    static const Json noFields = Json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto &mode = modeParam.at(i);
        if (!mode)
            return mode.error();
        const bool includeOther = flag(includeOtherParam.at(i), true);
        const bool dotted = flag(dottedParam.at(i), true);
        const bool ignoreErrors = flag(ignoreErrorsParam.at(i), false);
        Json result = includeOther ? jsonOf(items[i]) : Json::object();
        if (includeOther) {
            const auto &onlyThese = includeParam.at(i);
            const auto &notThese = excludeParam.at(i);
            if (!onlyThese || !notThese)
                return !onlyThese ? onlyThese.error() : notThese.error();
            const auto keep = itempaths::fieldList(*onlyThese);
            if (!keep.empty()) {
                Json picked = Json::object();
                for (const auto &f : keep)
                    if (const Json *v = itempaths::get(result, f, dotted))
                        itempaths::set(picked, f, *v, dotted);
                result = std::move(picked);
            }
            for (const auto &f : itempaths::fieldList(*notThese))
                itempaths::remove(result, f, dotted);
        }
        if (*mode == "raw") {
            auto raw = ctx.param("jsonOutput", i);
            if (!raw)
                return raw.error();
            Json value = *raw;
            if (value.is_string()) {
                value = Json::parse(raw->get<std::string>(), nullptr, false);
                if (value.is_discarded())
                    return nodeError("'JSON Output' is not valid JSON [item " + std::to_string(i) + "]");
            }
            if (!value.is_object())
                return nodeError("'JSON Output' must be a JSON object [item " + std::to_string(i) + "]");
            for (auto it = value.begin(); it != value.end(); ++it)
                result[it.key()] = it.value();
        } else {
            std::optional<Result<Json>> evaluatedFields;
            if (!fieldByField) {
                evaluatedFields.emplace(ctx.param("fields", i));
                if (!*evaluatedFields)
                    return evaluatedFields->error();
            }
            const Json &fields = evaluatedFields ? **evaluatedFields : rawFields == parameters.end() ? noFields : *rawFields;
            for (const auto &f : fields) {
                if (!f.is_object())
                    return nodeError("Every field needs a name [item " + std::to_string(i) + "]");
                auto name = fieldPart(ctx, f, "name", !fieldByField, i);
                if (!name)
                    return name.error();
                if (!name->is_string() || name->get_ref<const std::string &>().empty())
                    return nodeError("Every field needs a name [item " + std::to_string(i) + "]");
                auto type = fieldPart(ctx, f, "type", !fieldByField, i);
                if (!type)
                    return type.error();
                auto given = fieldPart(ctx, f, "value", !fieldByField, i);
                if (!given)
                    return given.error();
                const std::string &fieldName = name->get_ref<const std::string &>();
                const std::string &fieldType = type->is_string() ? type->get_ref<const std::string &>() : kAutoType;
                // The unconverted value is kept only where a failed conversion falls back to it.
                auto value = ignoreErrors ? convert(*given, fieldType, fieldName, i) : convert(std::move(*given), fieldType, fieldName, i);
                if (!value && ignoreErrors)
                    value = std::move(*given);
                if (!value)
                    return value.error();
                itempaths::set(result, fieldName, std::move(*value), dotted);
            }
        }
        Json outItem = item(std::move(result));
        if (includeOther && items[i].contains("binary"))
            outItem["binary"] = items[i]["binary"];
        out.push_back(std::move(outItem));
    }
    return NodeOutput::single(std::move(out));
}

// Orders JSON values the way people expect: numbers numerically, text alphabetically, missing last.
int compareValues(const Json *a, const Json *b)
{
    const bool aMissing = !a || a->is_null();
    const bool bMissing = !b || b->is_null();
    if (aMissing || bMissing)
        return aMissing == bMissing ? 0 : (aMissing ? 1 : -1);
    if (a->is_number() && b->is_number())
        return a->get<double>() < b->get<double>() ? -1 : (a->get<double>() > b->get<double>() ? 1 : 0);
    if (a->is_string() && b->is_string())
        return a->get_ref<const std::string &>().compare(b->get_ref<const std::string &>()) < 0
                   ? -1
                   : (a->get_ref<const std::string &>() == b->get_ref<const std::string &>() ? 0 : 1);
    if (a->type() != b->type())
        return a->is_number() ? -1 : (b->is_number() ? 1 : (a->type() < b->type() ? -1 : 1));
    return *a < *b ? -1 : (*b < *a ? 1 : 0);
}

NodeResult runSort(NodeContext &ctx)
{
    Items items = ctx.input(0);
    auto type = ctx.param("type", 0);
    if (!type)
        return type.error();
    if (*type == "random") {
        std::shuffle(items.begin(), items.end(), *QRandomGenerator::global());
        return NodeOutput::single(std::move(items));
    }
    if (*type == "code") {
        const std::string code = ctx.rawParameters().value("code", std::string());
        auto sorted = ctx.runScript("const __compare = function (a, b) {\n" + code + "\n};\nreturn $input.all().slice().sort(__compare);",
                                    std::nullopt);
        if (!sorted)
            return sorted.error();
        if (!sorted->is_array())
            return nodeError("The sort code must compare two items and return a number");
        return NodeOutput::single(sorted->get<Items>());
    }
    auto fields = ctx.param("fields", 0);
    if (!fields)
        return fields.error();
    std::vector<std::pair<std::string, bool>> keys;
    for (const auto &f : *fields) {
        const std::string name = f.value("fieldName", std::string());
        if (name.empty())
            return nodeError("Every sort field needs a name");
        keys.emplace_back(name, f.value("order", std::string("ascending")) == "descending");
    }
    const bool dotted = !flag(ctx.param("disableDotNotation", 0), false);
    std::stable_sort(items.begin(), items.end(), [&](const Json &x, const Json &y) {
        for (const auto &[name, descending] : keys) {
            const int c = compareValues(itempaths::get(jsonOf(x), name, dotted), itempaths::get(jsonOf(y), name, dotted));
            if (c != 0)
                return descending ? c > 0 : c < 0;
        }
        return false;
    });
    return NodeOutput::single(std::move(items));
}

NodeResult runLimit(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    auto max = ctx.param("maxItems", 0);
    if (!max)
        return max.error();
    if (!max->is_number() || max->get<double>() < 0)
        return nodeError("Max items must be a number of at least 0");
    const std::size_t n = std::min(items.size(), std::size_t(max->get<double>()));
    auto keep = ctx.param("keep", 0);
    if (!keep)
        return keep.error();
    if (*keep == "lastItems")
        return NodeOutput::single(Items(items.end() - long(n), items.end()));
    return NodeOutput::single(Items(items.begin(), items.begin() + long(n)));
}

NodeResult runRemoveDuplicates(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    auto compare = ctx.param("compare", 0);
    if (!compare)
        return compare.error();
    auto exclude = ctx.param("fieldsToExclude", 0);
    if (!exclude)
        return exclude.error();
    auto selected = ctx.param("fieldsToCompare", 0);
    if (!selected)
        return selected.error();
    const bool dotted = !flag(ctx.param("disableDotNotation", 0), false);
    const bool removeOthers = flag(ctx.param("removeOtherFields", 0), false);
    const auto excluded = itempaths::fieldList(*exclude);
    const auto compared = itempaths::fieldList(*selected);
    if (*compare == "selectedFields" && compared.empty())
        return nodeError("Choose at least one field to compare");
    std::unordered_set<std::string> seen;
    Items out;
    for (const auto &it : items) {
        Json key;
        if (*compare == "selectedFields") {
            key = Json::array();
            for (const auto &f : compared) {
                const Json *v = itempaths::get(jsonOf(it), f, dotted);
                key.push_back(v ? *v : Json());
            }
        } else {
            key = jsonOf(it);
            if (*compare == "allFieldsExcept") {
                for (const auto &f : excluded)
                    itempaths::remove(key, f, dotted);
            }
        }
        if (!seen.insert(key.dump()).second)
            continue;
        if (removeOthers) {
            if (*compare == "selectedFields") {
                Json only = Json::object();
                for (std::size_t k = 0; k < compared.size(); ++k)
                    itempaths::set(only, compared[k], key[k], dotted);
                out.push_back(item(std::move(only)));
            } else {
                out.push_back(item(key));
            }
        } else {
            out.push_back(it);
        }
    }
    return NodeOutput::single(std::move(out));
}

NodeResult runSplitOut(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    Items out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto fieldParam = ctx.param("fieldToSplitOut", i);
        if (!fieldParam)
            return fieldParam.error();
        auto include = ctx.param("include", i);
        if (!include)
            return include.error();
        auto includeFields = ctx.param("fieldsToInclude", i);
        if (!includeFields)
            return includeFields.error();
        auto destination = ctx.param("destinationFieldName", i);
        if (!destination)
            return destination.error();
        const bool dotted = !flag(ctx.param("disableDotNotation", i), false);
        const auto fields = itempaths::fieldList(*fieldParam);
        if (fields.empty())
            return nodeError("Name the field to split out");
        const auto destinations = itempaths::fieldList(*destination);
        const Json &source = jsonOf(items[i]);
        std::size_t length = 0;
        std::vector<Json> lists;
        for (const auto &f : fields) {
            const Json *v = itempaths::get(source, f, dotted);
            if (!v)
                return nodeError("The field '" + f + "' wasn't found in item " + std::to_string(i));
            Json list = *v;
            if (list.is_object()) {
                Json values = Json::array();
                for (auto &e : list)
                    values.push_back(e);
                list = values;
            } else if (!list.is_array()) {
                list = Json::array({list});
            }
            length = std::max(length, list.size());
            lists.push_back(std::move(list));
        }
        for (std::size_t k = 0; k < length; ++k) {
            Json entry = Json::object();
            if (*include == "allOtherFields") {
                entry = source;
                for (const auto &f : fields)
                    itempaths::remove(entry, f, dotted);
            } else if (*include == "selectedOtherFields") {
                for (const auto &f : itempaths::fieldList(*includeFields)) {
                    if (const Json *v = itempaths::get(source, f, dotted))
                        itempaths::set(entry, f, *v, dotted);
                }
            }
            for (std::size_t f = 0; f < fields.size(); ++f) {
                if (k >= lists[f].size())
                    continue;
                const Json &value = lists[f][k];
                const std::string dest = f < destinations.size() ? destinations[f] : fields[f];
                if (fields.size() == 1 && destinations.empty() && value.is_object() && *include == "noOtherFields") {
                    for (auto it = value.begin(); it != value.end(); ++it)
                        entry[it.key()] = it.value();
                } else {
                    itempaths::set(entry, dest, value, dotted);
                }
            }
            out.push_back(item(std::move(entry)));
        }
    }
    return NodeOutput::single(std::move(out));
}

NodeResult runAggregate(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    auto mode = ctx.param("aggregate", 0);
    if (!mode)
        return mode.error();
    const bool keepMissing = flag(ctx.param("keepMissing", 0), false);
    const bool mergeLists = flag(ctx.param("mergeLists", 0), false);
    const bool dotted = !flag(ctx.param("disableDotNotation", 0), false);
    if (*mode == "aggregateAllItemData") {
        auto dest = ctx.param("destinationFieldName", 0);
        if (!dest)
            return dest.error();
        auto include = ctx.param("include", 0);
        if (!include)
            return include.error();
        auto fieldsParam = ctx.param("fieldsToInclude", 0);
        if (!fieldsParam)
            return fieldsParam.error();
        auto exclusions = ctx.param("fieldsToExclude", 0);
        if (!exclusions)
            return exclusions.error();
        Json all = Json::array();
        for (const auto &it : items) {
            Json j = jsonOf(it);
            if (*include == "specifiedFields") {
                Json picked = Json::object();
                for (const auto &f : itempaths::fieldList(*fieldsParam))
                    if (const Json *v = itempaths::get(j, f, dotted))
                        picked[f] = *v;
                j = picked;
            } else if (*include == "allFieldsExcept") {
                for (const auto &f : itempaths::fieldList(*exclusions))
                    itempaths::remove(j, f, dotted);
            }
            all.push_back(std::move(j));
        }
        const std::string name = dest->is_string() && !dest->get<std::string>().empty() ? dest->get<std::string>() : "data";
        return NodeOutput::single({item({{name, all}})});
    }
    auto fields = ctx.param("fieldsToAggregate", 0);
    if (!fields)
        return fields.error();
    Json result = Json::object();
    for (const auto &f : *fields) {
        const std::string input = f.value("fieldToAggregate", std::string());
        if (input.empty())
            return nodeError("Every aggregated field needs 'fieldToAggregate'");
        std::string output = input;
        if (f.value("renameField", false) && !f.value("outputFieldName", std::string()).empty())
            output = f["outputFieldName"].get<std::string>();
        Json values = Json::array();
        bool found = false;
        for (const auto &it : items) {
            const Json *v = itempaths::get(jsonOf(it), input, dotted);
            if (v)
                found = true;
            if (!v || v->is_null()) {
                if (keepMissing)
                    values.push_back(nullptr);
                continue;
            }
            if (mergeLists && v->is_array())
                values.insert(values.end(), v->begin(), v->end());
            else
                values.push_back(*v);
        }
        if (!found && !items.empty())
            return nodeError("The field '" + input + "' wasn't found in any input item");
        result[output] = values;
    }
    return NodeOutput::single({item(std::move(result))});
}

} // namespace

// Field names: comma-separated text, or a list of names.
Json fieldNames(const std::string &title)
{
    return {{"title", title}, {"default", ""}, {"format", "field-list"}, {"description", "Comma-separated names, or a list of names"}};
}

void addDataNodes(NodeRegistry &registry)
{
    using namespace schema;
    const Json field = object({{"name", string("Name", "")},
                               {"value", {{"title", "Value"}, {"default", ""}}},
                               {"type", options("Type", {"auto", "string", "number", "boolean", "array", "object"}, "string")}},
                              {"name"});
    registry.add(std::make_unique<FunctionNode>(
        data("core.set", "Edit Fields (Set)", "Sets, adds or overwrites fields of each item",
             object({{"mode", options("Mode", {"manual", "raw"}, "manual")},
                     {"fields", list("Fields to set", field)},
                     {"jsonOutput", text("JSON", "json", "{}")},
                     {"includeOtherFields", boolean("Keep the item's other fields", true)},
                     {"includeFields", fieldNames("Of the other fields, keep only")},
                     {"excludeFields", fieldNames("Of the other fields, drop")},
                     {"dotNotation", boolean("Dots in names make nested fields", true)},
                     {"ignoreConversionErrors", boolean("Keep values that do not convert to their type", false)}})),
        runSet));

    const Json sortField = object({{"fieldName", string("Field", "")}, {"order", options("Order", {"ascending", "descending"}, "ascending")}});
    NodeDescriptor sort = data("core.sort", "Sort", "Sorts items by fields, with a JavaScript comparison, or shuffles them",
             object({{"type", options("Type", {"simple", "random", "code"}, "simple")},
                     {"code", text("Compare (a, b) → number", "javascript", "return a.json.value - b.json.value;")},
                     {"fields", list("Fields to sort by", sortField)},
                     {"disableDotNotation", boolean("Treat dots as part of field names", false)}}));
    sort.parameters["properties"]["code"]["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(std::move(sort), runSort));


    registry.add(std::make_unique<FunctionNode>(
        data("core.limit", "Limit", "Keeps only the first (or last) N items",
             object({{"maxItems", integer("Max items", 1, 0)}, {"keep", options("Keep", {"firstItems", "lastItems"}, "firstItems")}})),
        runLimit));

    registry.add(std::make_unique<FunctionNode>(
        data("core.remove_duplicates", "Remove Duplicates", "Drops items that repeat an earlier item, comparing all or some fields",
             object({{"compare", options("Compare", {"allFields", "allFieldsExcept", "selectedFields"}, "allFields")},
                     {"fieldsToExclude", fieldNames("Fields to exclude")},
                     {"fieldsToCompare", fieldNames("Fields to compare")},
                     {"removeOtherFields", boolean("Output only the compared fields", false)},
                     {"disableDotNotation", boolean("Treat dots as part of field names", false)}})),
        runRemoveDuplicates));

    registry.add(std::make_unique<FunctionNode>(
        data("core.split_out", "Split Out", "Turns a list inside each item into one item per entry",
             object({{"fieldToSplitOut", string("Field(s) to split out (comma-separated)", "")},
                     {"include", options("Include", {"noOtherFields", "allOtherFields", "selectedOtherFields"}, "noOtherFields")},
                     {"fieldsToInclude", fieldNames("Fields to include")},
                     {"destinationFieldName", string("Destination field name", "")},
                     {"disableDotNotation", boolean("Treat dots as part of field names", false)}})),
        runSplitOut));

    const Json aggregateField = object({{"fieldToAggregate", string("Input field", "")},
                                        {"renameField", boolean("Rename", false)},
                                        {"outputFieldName", string("Output field", "")}});
    registry.add(std::make_unique<FunctionNode>(
        data("core.aggregate", "Aggregate", "Combines the items into one: lists of chosen fields, or all item data",
             object({{"aggregate", options("Aggregate", {"aggregateIndividualFields", "aggregateAllItemData"}, "aggregateIndividualFields")},
                     {"fieldsToAggregate", list("Fields", aggregateField)},
                     {"destinationFieldName", string("Put output in field", "data")},
                     {"include", options("Include", {"allFields", "specifiedFields", "allFieldsExcept"}, "allFields")},
                     {"fieldsToInclude", fieldNames("Fields to include")},
                     {"fieldsToExclude", fieldNames("Fields to exclude")},
                     {"keepMissing", boolean("Keep missing and null values", false)},
                     {"mergeLists", boolean("Merge lists", false)},
                     {"disableDotNotation", boolean("Treat dots as part of field names", false)}})),
        runAggregate));
}

} // namespace synapscale
