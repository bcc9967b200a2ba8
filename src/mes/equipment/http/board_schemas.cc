// Response schemas of the equipment board and the downtime list (board_http.cc, as
// store/board_store.cc writes them).
#include "mes/equipment/http/equipment_http.h"
#include "server/response_schema.h"

namespace ordo::equipment {

using namespace server::schema;

namespace {

Json CardSchema() {
  Json running = Object({{"order_id", String()},
                         {"operation", String()},
                         {"name", String("the operation's name")},
                         {"state", String("the operation's state (in progress or paused)")},
                         {"product", String()},
                         {"planned_quantity", Any("the operation's planned quantity")},
                         {"started", Nullable(Time("when the operation started"))}});
  Json counts =
      Object({{"basis", Enum(String("what the counts cover: since the running operation started, "
                                    "since ?since=, or nothing (no operation, no since)"),
                             {"operation", "since", "none"})},
              {"from", Nullable(Time("counted from (device time)"))},
              {"total", Integer("produced quantity (PQ)")},
              {"good", Integer("good quantity (GQ)")},
              {"scrap", Integer("scrap quantity (SQ)")},
              {"rework", Integer("rework quantity (RQ)")}});
  return Object(
      {{"id", String("the work unit")},
       {"name", String()},
       {"state", Enum(String("offline when no data came yet"),
                      {"running", "idle", "setup", "down", "planned_stop", "offline"})},
       {"sub_reason", Nullable(String("idle and planned_stop"))},
       {"reason_code", Nullable(String("down: DOWNTIME code, also one assigned after the fact; "
                                       "null = unassigned"))},
       {"since", Nullable(Time("device time the state began (time in state); null = no data"))},
       {"source", Nullable(String("the source that reported it"))},
       {"running", Nullable(running)},
       {"counts", counts}});
}

}  // namespace

Json BoardSchema() {
  Json line = Object({{"id", String("the line: the work center the units belong to (\"\" = none)")},
                      {"name", String()},
                      {"level", String("its level in the site hierarchy")},
                      {"work_units", Array(CardSchema())}});
  return Object({{"at", Time("when the board was computed (server time)")},
                 {"since", Nullable(Time("?since= when given"))},
                 {"lines", Array(line)}});
}

Json DowntimeListSchema() {
  return Object({{"from", Time()},
                 {"to", Time()},
                 {"codes", Array(Object({{"code", String("an unplanned DOWNTIME code")},
                                         {"description", String()}}))},
                 {"downtime", Array(IntervalSchema())}});
}

}  // namespace ordo::equipment
