// Defining a tag: the command alone (name shape, unit, limits, retention) and against the
// tags that exist. Pure.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/telemetry/events.h"

namespace ordo::telemetry {

// Raw samples are kept 1 to 3650 days (default 30).
inline constexpr std::int64_t kMaxRawDays = 3650;

// Checks `tag` alone. invalid_argument naming the field: name (equipment::IsTagName,
// reason invalid_tag), work_unit 1 to 64 characters, unit at most 16, description at
// most 500, low/high finite and low < high (invalid_limits), raw_days 1 to kMaxRawDays.
Status ValidateTag(const TagDefined& tag);

// The tag_defined event for `tag` (subject tag/name). Refusals: those of ValidateTag;
// conflict tag_exists when `exists`; not_found unknown_work_unit when `work_unit_known`
// is false.
Result<ledger::Event> DecideDefineTag(const TagDefined& tag, bool exists, bool work_unit_known);

}  // namespace ordo::telemetry
