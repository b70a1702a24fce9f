#include "itempaths.h"

namespace synapscale::itempaths {

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '.') {
            parts.push_back(cur);
            cur.clear();
        } else if (c == '[') {
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
            const auto close = path.find(']', i);
            if (close == std::string::npos) {
                cur = path.substr(i);
                break;
            }
            std::string key = path.substr(i + 1, close - i - 1);
            if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
                key = key.substr(1, key.size() - 2);
            parts.push_back(key);
            i = close;
            if (i + 1 < path.size() && path[i + 1] == '.')
                ++i;
        } else {
            cur += c;
        }
    }
    if (!cur.empty() || parts.empty())
        parts.push_back(cur);
    return parts;
}

namespace {
bool isIndex(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

const Json *get(const Json &object, const std::string &path, bool dotted)
{
    if (!dotted) {
        auto it = object.find(path);
        return object.is_object() && it != object.end() ? &*it : nullptr;
    }
    if (object.is_object()) {
        auto whole = object.find(path); // a key that itself contains dots wins
        if (whole != object.end())
            return &*whole;
    }
    const Json *cur = &object;
    for (const auto &part : split(path)) {
        if (cur->is_object()) {
            auto it = cur->find(part);
            if (it == cur->end())
                return nullptr;
            cur = &*it;
        } else if (cur->is_array() && isIndex(part)) {
            const auto index = std::stoull(part);
            if (index >= cur->size())
                return nullptr;
            cur = &(*cur)[index];
        } else {
            return nullptr;
        }
    }
    return cur;
}

void set(Json &object, const std::string &path, Json value, bool dotted)
{
    if (!dotted) {
        object[path] = std::move(value);
        return;
    }
    Json *cur = &object;
    const auto parts = split(path);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        if (cur->is_array() && isIndex(parts[i])) {
            const auto index = std::stoull(parts[i]);
            while (cur->size() <= index)
                cur->push_back(nullptr);
            cur = &(*cur)[index];
        } else {
            if (!cur->is_object())
                *cur = Json::object();
            cur = &(*cur)[parts[i]];
        }
        if (last)
            *cur = std::move(value);
    }
}

void remove(Json &object, const std::string &path, bool dotted)
{
    if (!object.is_object())
        return;
    if (!dotted || object.contains(path)) {
        object.erase(path);
        return;
    }
    const auto parts = split(path);
    Json *cur = &object;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!cur->is_object() || !cur->contains(parts[i]))
            return;
        cur = &(*cur)[parts[i]];
    }
    if (cur->is_object())
        cur->erase(parts.back());
}

std::vector<std::string> fieldList(const Json &value)
{
    std::vector<std::string> out;
    auto add = [&](std::string s) {
        const auto b = s.find_first_not_of(" \t");
        if (b == std::string::npos)
            return;
        const auto e = s.find_last_not_of(" \t");
        out.push_back(s.substr(b, e - b + 1));
    };
    if (value.is_array()) {
        for (const auto &v : value) {
            if (v.is_string())
                add(v.get<std::string>());
            else if (v.is_object() && v.contains("fieldName") && v["fieldName"].is_string())
                add(v["fieldName"].get<std::string>());
        }
        return out;
    }
    if (!value.is_string())
        return out;
    const std::string s = value.get<std::string>();
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto comma = s.find(',', start);
        add(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

} // namespace synapscale::itempaths
