// JSON of the telemetry events (events.h). Absent limits are absent keys.
#include "mes/telemetry/events.h"

namespace ordo::telemetry {

void to_json(Json& j, const TagDefined& e) {
  j = Json{{"name", e.name},
           {"work_unit", e.work_unit},
           {"unit", e.unit},
           {"description", e.description},
           {"raw_days", e.raw_days}};
  if (e.low) j["low"] = *e.low;
  if (e.high) j["high"] = *e.high;
}

void from_json(const Json& j, TagDefined& e) {
  j.at("name").get_to(e.name);
  j.at("work_unit").get_to(e.work_unit);
  j.at("unit").get_to(e.unit);
  j.at("description").get_to(e.description);
  j.at("raw_days").get_to(e.raw_days);
  e.low = j.contains("low") ? std::optional<double>(j["low"].get<double>()) : std::nullopt;
  e.high = j.contains("high") ? std::optional<double>(j["high"].get<double>()) : std::nullopt;
}

void to_json(Json& j, const BatchSealed& e) {
  j = Json{{"batch", e.batch}, {"first_id", e.first_id}, {"last_id", e.last_id}, {"count", e.count},
           {"ids", e.ids},     {"from_us", e.from_us},   {"to_us", e.to_us},     {"hash", e.hash}};
}

void from_json(const Json& j, BatchSealed& e) {
  j.at("batch").get_to(e.batch);
  j.at("first_id").get_to(e.first_id);
  j.at("last_id").get_to(e.last_id);
  j.at("count").get_to(e.count);
  j.at("ids").get_to(e.ids);
  j.at("from_us").get_to(e.from_us);
  j.at("to_us").get_to(e.to_us);
  j.at("hash").get_to(e.hash);
}

void to_json(Json& j, const BatchCompacted& e) {
  j = Json{{"compaction", e.compaction},
           {"batches", e.batches},
           {"raw_rows", e.raw_rows},
           {"rollup_rows", e.rollup_rows},
           {"from_us", e.from_us},
           {"to_us", e.to_us},
           {"hash", e.hash}};
}

void from_json(const Json& j, BatchCompacted& e) {
  j.at("compaction").get_to(e.compaction);
  j.at("batches").get_to(e.batches);
  j.at("raw_rows").get_to(e.raw_rows);
  j.at("rollup_rows").get_to(e.rollup_rows);
  j.at("from_us").get_to(e.from_us);
  j.at("to_us").get_to(e.to_us);
  j.at("hash").get_to(e.hash);
}

}  // namespace ordo::telemetry
