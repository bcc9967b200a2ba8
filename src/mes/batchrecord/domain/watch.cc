// The br_watch rule (watch.h).
#include "mes/batchrecord/domain/watch.h"

namespace ordo::batchrecord {

RecordTouch TouchOf(const std::string& type, const std::string& subject_kind,
                    const std::string& subject_id, const Json& payload) {
  if (type.rfind("batchrecord.", 0) == 0) return {};
  if (subject_kind == "order") return {subject_id, ""};
  if (payload.is_object() && payload.contains("order_id") && payload["order_id"].is_string() &&
      !payload["order_id"].get<std::string>().empty())
    return {payload["order_id"].get<std::string>(), ""};
  if (subject_kind == "deviation") return {"", subject_id};
  return {};
}

}  // namespace ordo::batchrecord
