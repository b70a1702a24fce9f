#pragma once

#include <QList>

namespace synapscale {

// One page of a list query, as the API's {"items","total","skip","limit"} wants it.
template <typename T>
struct Page {
    QList<T> items;
    qint64 total = 0;
    int skip = 0;
    int limit = 50;
};

} // namespace synapscale
