// The br_watch rule (watch.h).
#include "mes/batchrecord/domain/watch.h"

#include <algorithm>

namespace ordo::batchrecord {

const std::vector<std::string>& RecordEntryTypes() {
  static const std::vector<std::string> kTypes = {
      "orders.order_created",
      "orders.order_released",
      "orders.operation_started",
      "orders.operation_paused",
      "orders.operation_resumed",
      "orders.operation_completed",
      "orders.operation_verified",
      "orders.order_completed",
      "execution.instructions_acknowledged",
      "execution.parameter_recorded",
      "execution.characteristic_recorded",
      "execution.exception_recorded",
      "execution.command_refused",
      "lots.material_consumed",
      "lots.lot_produced",
      "lots.serial_produced",
      "lots.serial_consumed",
      "deviations.deviation_opened",
      "deviations.deviation_updated",
      "deviations.deviation_closed",
      "deviations.disposition_signed",
      "signature.applied",
  };
  return kTypes;
}

bool IsRecordEntryType(std::string_view type) {
  const auto& types = RecordEntryTypes();
  return std::find(types.begin(), types.end(), type) != types.end();
}

RecordTouch TouchOf(const std::string& type, const std::string& subject_kind,
                    const std::string& subject_id, const Json& payload) {
  if (!IsRecordEntryType(type)) return {};
  if (subject_kind == "order") return {subject_id, ""};
  if (payload.is_object() && payload.contains("order_id") && payload["order_id"].is_string() &&
      !payload["order_id"].get<std::string>().empty())
    return {payload["order_id"].get<std::string>(), ""};
  if (subject_kind == "deviation") return {"", subject_id};
  return {};
}

Result<std::vector<Candidate>> FirstAmended(
    const std::function<Result<std::vector<Candidate>>(std::int64_t, std::int64_t)>& page,
    const std::function<bool(const Candidate&)>& amended, std::size_t want,
    std::int64_t page_size) {
  std::vector<Candidate> out;
  page_size = std::max<std::int64_t>(page_size, 1);
  std::int64_t after = 0;
  while (out.size() < want) {
    auto rows = page(after, page_size);
    if (!rows.ok()) return rows.error();
    for (auto& c : *rows) {
      after = std::max(after, c.seq);
      if (amended(c)) out.push_back(std::move(c));
      if (out.size() >= want) break;
    }
    if (static_cast<std::int64_t>(rows->size()) < page_size) break;
  }
  return out;
}

}  // namespace ordo::batchrecord
