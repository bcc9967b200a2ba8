// Output lot production (produce.h).
#include "mes/execution/domain/produce.h"

#include <cctype>
#include <cmath>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/start.h"

namespace ordo::execution {

namespace {

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// A lot id as lots accepts one at receipt: 1..64 letters, digits, '.', '_' or '-',
// starting with a letter or digit.
bool IsLotId(const std::string& id) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  bool ok = !id.empty() && id.size() <= 64 && alnum(id[0]);
  for (char c : id) ok = ok && (alnum(c) || c == '.' || c == '_' || c == '-');
  return ok;
}

}  // namespace

Result<ProduceDecision> DecideProduce(const OperationFacts& op, const ProductFacts& product,
                                      const ProduceRequest& request, bool lot_exists,
                                      const RecordingContext& context) {
  ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  if (!request.material.empty() && request.material != product.material)
    return Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "material",
                  "Wrong material: order " + op.order_id + " produces " + product.material +
                      ", not " + request.material + ".");
  if (product.tracking == "serial")
    return Refuse(
        ErrorCode::kFailedPrecondition, kWrongMaterial, "lot",
        "Material " + product.material + " is serial-tracked: produce serial numbers, not a lot.");
  if (request.lot.empty())
    return Refuse(ErrorCode::kInvalidArgument, "missing_field", "lot",
                  "Give the id of the lot produced (lot is required).");
  if (!IsLotId(request.lot))
    return Refuse(ErrorCode::kInvalidArgument, "malformed_id", "lot",
                  "lot must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter "
                  "or digit.");
  if (!std::isfinite(request.base_quantity) || request.base_quantity <= 0)
    return Refuse(ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity",
                  "The quantity produced must be a number above 0.");
  if (!request.expiry.empty() && !IsIsoDate(request.expiry))
    return Refuse(ErrorCode::kInvalidArgument, "invalid_date", "expiry",
                  "The expiry must be a date YYYY-MM-DD, not '" + request.expiry + "'.");
  if (lot_exists)
    return Refuse(ErrorCode::kConflict, kDuplicateLot, "lot",
                  "Lot " + request.lot + " exists already; lot ids are unique.");
  ProduceDecision d;
  d.lot = request.lot;
  d.material = product.material;
  d.base_unit = product.base_unit;
  d.base_quantity = request.base_quantity;
  d.expiry = request.expiry;
  d.location = request.location.empty() ? op.work_unit : request.location;
  return d;
}

}  // namespace ordo::execution
