// Defining a tag (tag.h).
#include "mes/telemetry/domain/tag.h"

#include <cmath>

#include "mes/equipment/domain/batch.h"

namespace ordo::telemetry {

Status ValidateTag(const TagDefined& tag) {
  if (!equipment::IsTagName(tag.name))
    return Error::Invalid("name",
                          "name must be 1 to 64 characters of A-Z a-z 0-9 _ . -, beginning "
                          "with a letter or digit",
                          "invalid_tag");
  if (tag.work_unit.empty() || tag.work_unit.size() > 64)
    return Error::Invalid("work_unit", "work_unit must be 1 to 64 characters");
  if (tag.unit.size() > 16) return Error::Invalid("unit", "unit must be at most 16 characters");
  if (tag.description.size() > 500)
    return Error::Invalid("description", "description must be at most 500 characters");
  for (const auto& [field, v] : {std::pair{"low", tag.low}, std::pair{"high", tag.high}})
    if (v && !std::isfinite(*v))
      return Error::Invalid(field, std::string(field) + " must be a finite number",
                            "invalid_limits");
  if (tag.low && tag.high && !(*tag.low < *tag.high))
    return Error::Invalid("low", "low must be below high", "invalid_limits");
  if (tag.raw_days < 1 || tag.raw_days > kMaxRawDays)
    return Error::Invalid("raw_days",
                          "raw_days must be 1 to " + std::to_string(kMaxRawDays) + " days");
  return Ok();
}

Result<ledger::Event> DecideDefineTag(const TagDefined& tag, bool exists, bool work_unit_known) {
  ORDO_TRY(ValidateTag(tag));
  if (exists)
    return Error{ErrorCode::kConflict, "tag '" + tag.name + "' is already defined", "name",
                 "tag_exists"};
  if (!work_unit_known)
    return Error{ErrorCode::kNotFound,
                 "there is no work unit '" + tag.work_unit + "' in master data", "work_unit",
                 "unknown_work_unit"};
  return ledger::MakeEvent(tag, kTagSubject, tag.name);
}

}  // namespace ordo::telemetry
