// Serial number production (produce_serials.h).
#include "mes/execution/domain/produce_serials.h"

#include <set>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/start.h"
#include "mes/masterdata/domain/serial_pattern.h"

namespace ordo::execution {

namespace {

constexpr const char* kDuplicateSerial = "duplicate_serial";

Error Taken(const std::string& field, const std::string& serial, const std::string& material) {
  return Refuse(ErrorCode::kConflict, kDuplicateSerial, field,
                "Serial " + serial + " exists already (material " + material +
                    "); serial numbers are unique.");
}

Result<SerialDecision> Generate(const ProductFacts& product, const std::string& pattern_text,
                                std::int64_t count, std::int64_t last_number,
                                const SerialOwner& owner, const RecordingContext& context) {
  if (pattern_text.empty())
    return Refuse(ErrorCode::kFailedPrecondition, "serial_pattern_missing", "count",
                  "Material " + product.material +
                      " has no serial_pattern to generate serials from: scan the serials "
                      "(serials) or give the material a pattern.");
  auto pattern = masterdata::ParseSerialPattern(pattern_text, "count");
  if (!pattern.ok())
    return Refuse(
        ErrorCode::kFailedPrecondition, "invalid_serial_pattern", "count",
        "The serial_pattern of " + product.material + " is not usable: " + pattern.error().message);
  const std::string day = UtcDay(context.now);
  SerialDecision d;
  d.material = product.material;
  d.source = "generated";
  d.stem = masterdata::SerialStem(*pattern, day);
  std::int64_t number = last_number;
  // Numbers taken by serials scanned earlier are skipped; at most `count` of those.
  for (std::int64_t skipped = 0; static_cast<std::int64_t>(d.serials.size()) < count;) {
    ++number;
    auto serial = masterdata::FormatSerial(*pattern, day, number);
    if (!serial.ok())
      return Refuse(ErrorCode::kFailedPrecondition, serial.error().reason, "count",
                    serial.error().message + "; " + std::to_string(d.serials.size()) + " of " +
                        std::to_string(count) + " would fit.");
    auto held = owner(*serial);
    if (!held.ok()) return held.error();
    if (*held) {
      if (++skipped > count) return Taken("count", *serial, **held);
      continue;
    }
    d.serials.push_back(*serial);
    d.numbers.push_back(number);
  }
  return d;
}

}  // namespace

Result<SerialDecision> DecideProduceSerials(const OperationFacts& op, const ProductFacts& product,
                                            const std::string& pattern,
                                            const SerialRequest& request, std::int64_t last_number,
                                            const SerialOwner& owner,
                                            const RecordingContext& context) {
  ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  if (!request.material.empty() && request.material != product.material)
    return Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "material",
                  "Wrong material: order " + op.order_id + " produces " + product.material +
                      ", not " + request.material + ".");
  if (!request.lot.empty())
    return Refuse(
        ErrorCode::kFailedPrecondition, kWrongMaterial, "lot",
        "Material " + product.material + " is serial-tracked: produce serial numbers, not a lot.");
  if (request.quantity != 0)
    return Refuse(ErrorCode::kInvalidArgument, "conflicting_fields", "quantity",
                  "Serials are counted: give count (generate) or serials (scanned), not a "
                  "quantity.");
  if (request.count && !request.serials.empty())
    return Refuse(ErrorCode::kInvalidArgument, "conflicting_fields", "serials",
                  "Give count (generate from the pattern) or serials (scanned), not both.");
  if (!request.count && request.serials.empty())
    return Refuse(ErrorCode::kInvalidArgument, "missing_field", "count",
                  "Give count (how many serials to generate) or serials (the serials scanned).");
  if (request.count) {
    if (*request.count < 1 || *request.count > kMaxSerialsPerCommand)
      return Refuse(
          ErrorCode::kInvalidArgument, kInvalidQuantity, "count",
          "count must be a whole number from 1 to " + std::to_string(kMaxSerialsPerCommand) + ".");
    return Generate(product, pattern, *request.count, last_number, owner, context);
  }
  if (static_cast<std::int64_t>(request.serials.size()) > kMaxSerialsPerCommand)
    return Refuse(ErrorCode::kInvalidArgument, "too_many_serials", "serials",
                  "At most " + std::to_string(kMaxSerialsPerCommand) +
                      " serials per command; split the list.");
  SerialDecision d;
  d.material = product.material;
  d.source = "scanned";
  std::set<std::string> seen;
  for (std::size_t i = 0; i < request.serials.size(); ++i) {
    const std::string& serial = request.serials[i];
    const std::string field = "serials[" + std::to_string(i) + "]";
    if (!masterdata::IsSerialId(serial))
      return Refuse(ErrorCode::kInvalidArgument, "malformed_id", field,
                    "A serial must be 1 to 64 letters, digits, '.', '_', '-' or '/', starting "
                    "with a letter or digit.");
    if (!seen.insert(serial).second)
      return Refuse(ErrorCode::kConflict, kDuplicateSerial, field,
                    "Serial " + serial + " is listed twice; serial numbers are unique.");
    auto held = owner(serial);
    if (!held.ok()) return held.error();
    if (*held) return Taken(field, serial, **held);
    d.serials.push_back(serial);
  }
  return d;
}

}  // namespace ordo::execution
