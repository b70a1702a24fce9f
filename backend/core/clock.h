#pragma once

#include <QString>

namespace synapscale {

// Ids and timestamps as the API contract wants them: UUID strings and ISO-8601 UTC with
// milliseconds, a fixed-width form that also sorts correctly as text in both databases.
// Ids are UUID version 7, so they also sort by creation time.
QString newId();
QString nowIso();
QString toIso(qint64 msecsSinceEpoch);

} // namespace synapscale
