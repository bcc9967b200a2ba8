// Producing serial numbers at a running operation (issue 11 section 1): for a
// serial-tracked product, `count` serials generated from the material's serial_pattern
// (masterdata/domain/serial_pattern.h) or the `serials` scanned. Pure decision; the
// command looks up the pattern's last number and which serials exist, and emits one
// lots.serial_produced per serial from the result.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/produce.h"
#include "mes/execution/domain/recording.h"

namespace ordo::execution {

// At most this many serials per command.
inline constexpr std::int64_t kMaxSerialsPerCommand = 1000;

// What the operator asked for: exactly one of `count` (> 0: generate) and `serials`
// (scanned); `material` as in ProduceRequest; `lot` and `quantity` must be left out.
struct SerialRequest {
  std::string material, lot;
  double quantity = 0;
  std::optional<std::int64_t> count;
  std::vector<std::string> serials;
};

// The serials to produce: in order, with their source (generated | scanned); for
// generated ones the pattern stem and each serial's number.
struct SerialDecision {
  std::string material, source, stem;
  std::vector<std::string> serials;
  std::vector<std::int64_t> numbers;  // generated: one per serial; scanned: empty
};

// The material holding serial `serial`, or nullopt when it is free; failures are the
// store's and are returned as they are.
using SerialOwner = std::function<Result<std::optional<std::string>>(const std::string& serial)>;

// Decides producing serials of `product` (tracking serial, `pattern` its serial_pattern
// text, "" none) at `op` on `context.now`. `last_number` is the last number generated
// for the pattern's stem on today's UTC date (lots::LastSerialNumber). Refusals, in
// this order: CheckMayRecord (start.h); wrong_material (failed_precondition, field
// material) when `request.material` is not the product's, or (field lot) when a lot id
// is given; conflicting_fields (invalid_argument, field quantity) for a quantity, or
// (field serials) for both count and serials; missing_field (field count) for neither;
// invalid_quantity (field count) unless 1..kMaxSerialsPerCommand; too_many_serials (field
// serials) beyond that many; serial_pattern_missing (failed_precondition, field count)
// when the material has no pattern to generate from; invalid_serial_pattern (field
// count) when the stored pattern does not parse; malformed_id (field serials[i]) unless
// masterdata::IsSerialId; duplicate_serial (conflict, field serials[i]) naming the serial
// when listed twice or when it exists already (naming the material holding it);
// serial_sequence_exhausted (failed_precondition, field count) when the numbers run out
// of the pattern's digits. A generated number whose serial exists already (e.g. scanned
// earlier) is skipped.
Result<SerialDecision> DecideProduceSerials(const OperationFacts& op, const ProductFacts& product,
                                            const std::string& pattern,
                                            const SerialRequest& request, std::int64_t last_number,
                                            const SerialOwner& owner,
                                            const RecordingContext& context);

}  // namespace ordo::execution
