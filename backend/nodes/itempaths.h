#pragma once

#include "nodes/nodetype.h"

// Dotted field paths inside item JSON ("a.b.c", "list[0].x"), as n8n's field parameters use them.
namespace synapscale::itempaths {

std::vector<std::string> split(const std::string &path);
// nullptr when the path does not exist.
const Json *get(const Json &object, const std::string &path, bool dotted = true);
// Creates intermediate objects as needed.
void set(Json &object, const std::string &path, Json value, bool dotted = true);
void remove(Json &object, const std::string &path, bool dotted = true);
// A comma-separated list of field names, trimmed, empty entries dropped.
std::vector<std::string> fieldList(const Json &value);

inline Json item(Json json)
{
    return Json{{"json", std::move(json)}};
}
inline const Json &jsonOf(const Json &item)
{
    static const Json empty = Json::object();
    auto it = item.find("json");
    return it == item.end() ? empty : *it;
}

} // namespace synapscale::itempaths
