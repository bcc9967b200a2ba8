// Response schemas of the equipment endpoints (as the handlers and store/ToJson write them).
#include "mes/equipment/http/equipment_http.h"
#include "server/response_schema.h"

namespace ordo::equipment {

using namespace server::schema;

Json SourceSchema() {
  return Object({{"name", String("the source's id")},
                 {"kind", Enum(String(), {"rest", "mqtt", "sparkplug"})},
                 {"work_units", Array(String("a work unit it may speak for"))},
                 {"enabled", Boolean()},
                 {"counter", Enum(String("how its counts are meant"), {"increment", "cumulative"})},
                 {"rollover_modulus", Integer("cumulative counters: 0 = none (a drop is a reset)")},
                 {"has_key", Boolean("a rest source: an API key is set (never shown again)")},
                 {"topics", Array(String("mqtt: owned topic filters; none = the default"))},
                 {"group_id", String("sparkplug: group id")},
                 {"edge_node", String("sparkplug: edge node id")},
                 {"devices",
                  Json{{"type", "object"},
                       {"description", "sparkplug: device id -> work unit id ({} for other kinds)"},
                       {"additionalProperties", String("a work unit id")}}},
                 {"node_work_unit",
                  String("sparkplug: the work unit of the edge node's own metrics (\"\" = the "
                         "edge node id)")},
                 {"registered_seq", Integer("ledger seq of its registration")},
                 {"updated_seq", Integer("ledger seq of its last change")}});
}

namespace {

Json ContextSchema() {
  return Object({{"order_id", String("\"\" = none")},
                 {"operation", String()},
                 {"lot", String("the lot last consumed at the operation")},
                 {"product", String()},
                 {"operator", String("login of the user who started the operation")}});
}

Json CountsObject(const std::string& what) {
  return Object({{"total", Integer(what + ": produced quantity (PQ)")},
                 {"good", Integer("good quantity (GQ)")},
                 {"scrap", Integer("scrap quantity (SQ)")},
                 {"rework", Integer("rework quantity (RQ)")}});
}

}  // namespace

Json IntervalSchema() {
  return Object(
      {{"start", Time("device time the state began")},
       {"end", Nullable(Time("device time it ended; null = still open"))},
       {"window_start", Time("start clipped to the window: the later of start and from")},
       {"window_end", Time("end clipped to the window: the earlier of end and to (to while open)")},
       {"state", Enum(String(), {"running", "idle", "setup", "down", "planned_stop", "offline"})},
       {"sub_reason", Nullable(String("idle and planned_stop"))},
       {"reason_code", Nullable(String("down: DOWNTIME code; null = unassigned"))},
       {"micro_stop", Boolean("a down or idle stop shorter than the threshold")},
       {"source", String("the source that reported it")},
       {"context", ContextSchema()},
       {"work_unit", String()},
       {"assigned", Nullable(Object({{"by", String("who assigned the reason")},
                                     {"at", Time("when (server time)")},
                                     {"comment", String()}}))}});
}

Json StatesSchema() {
  return Object({{"work_unit", String()},
                 {"from", Time()},
                 {"to", Time()},
                 {"micro_stop_seconds", Integer("the work unit's threshold")},
                 {"intervals", Array(IntervalSchema())}});
}

Json CountsSchema() {
  Json step = Object({{"from", Time()},
                      {"to", Time()},
                      {"total", Integer()},
                      {"good", Integer()},
                      {"scrap", Integer()},
                      {"rework", Integer()}});
  return Object({{"work_unit", String()},
                 {"from", Time()},
                 {"to", Time()},
                 {"totals", CountsObject("increments in the window")},
                 {"steps", Array(step)}});
}

Json IngestSchema() {
  return Object({{"source", String()},
                 {"seq", Integer()},
                 {"duplicate", Boolean("the same batch was accepted before: nothing changed")},
                 {"states", Integer("state changes recorded")},
                 {"counts", Integer("counts recorded")},
                 {"samples", Integer("samples stored in the telemetry file (durable)")},
                 {"skewed", Integer("items flagged with clock skew")}});
}

Json AssignedSchema() {
  return Object({{"assigned", Object({{"work_unit", String()},
                                      {"start", Time("the interval's start (device time)")},
                                      {"reason_code", String()},
                                      {"comment", String()},
                                      {"by", String()},
                                      {"at", Time()}})}});
}

Json DowntimeSchema() {
  return Object({{"from", Time()}, {"to", Time()}, {"downtime", Array(IntervalSchema())}});
}

}  // namespace ordo::equipment
