// The tree `ordo trace` prints for a trace: levels indented under the start, the edge's
// kind, quantity and operation beside each node, a shared node's subtree printed once.
#include "cli/trace_commands.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

Json Node(const std::string& id, const std::string& kind, int depth, const std::string& material,
          const std::string& status, double quantity) {
  return Json{{"id", id},
              {"kind", kind},
              {"ref", id.substr(id.find(':') + 1)},
              {"depth", depth},
              {"known", true},
              {"material", material},
              {"status", status},
              {"quantity", quantity},
              {"base_unit", "kg"},
              {"order_id", kind == "order" ? Json(id.substr(6)) : Json()}};
}

Json EdgeOf(const std::string& parent, const std::string& child, const std::string& kind,
            double quantity, int seq) {
  return Json{{"parent", parent},     {"child", child},    {"kind", kind},
              {"quantity", quantity}, {"base_unit", "kg"}, {"order_id", "WO-1"},
              {"operation", "10"},    {"seq", seq}};
}

TEST(TraceTree, LevelsAreIndentedAndASharedNodeIsPrintedOnce) {
  ORDO_VERIFIES("ORDO-GEN-10");
  // order:WO-2 consumed lot:M (made by order:WO-1 from lot:R) and lot:R itself.
  Json trace{{"start", "order:WO-2"},
             {"direction", "backward"},
             {"truncated", false},
             {"nodes", Json::array({Node("order:WO-2", "order", 0, "PCM-500", "in_progress", 1),
                                    Node("lot:M", "lot", 1, "GRAN", "released", 4),
                                    Node("lot:R", "lot", 1, "RM-API", "released", 30),
                                    Node("order:WO-1", "order", 2, "GRAN", "closed", 10)})},
             {"edges", Json::array({EdgeOf("lot:M", "order:WO-2", "consumed", 6, 5),
                                    EdgeOf("lot:R", "order:WO-1", "consumed", 20, 2),
                                    EdgeOf("lot:R", "order:WO-2", "consumed", 1.5, 4),
                                    EdgeOf("order:WO-1", "lot:M", "produced", 10, 3)})}};
  const std::string tree = FormatTraceTree(trace);
  EXPECT_EQ(tree,
            "order:WO-2  PCM-500, in_progress, 1 kg\n"
            "├─ lot:M  [consumed 6 kg at operation 10]  GRAN, released, 4 kg\n"
            "│  └─ order:WO-1  [produced 10 kg at operation 10]  GRAN, closed, 10 kg\n"
            "│     └─ lot:R  [consumed 20 kg at operation 10]  RM-API, released, 30 kg\n"
            "└─ lot:R  [consumed 1.5 kg at operation 10]  (see above)\n"
            "4 nodes, 4 edges backward\n");
  trace["truncated"] = true;
  EXPECT_NE(FormatTraceTree(trace).find("(truncated"), std::string::npos);
}

}  // namespace
}  // namespace ordo::cli
