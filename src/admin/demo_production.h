// The demo's production content, made by `ordo init --demo` after the demo plant
// (demo_plant.h) through the same engine commands the API runs: released raw material
// lots for both demo products and orders in four states, so that the terminal and the
// dispatch lists have content from the first start.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"

namespace ordo::admin {

// The demo orders and the state each is left in.
inline constexpr const char* kDemoOrderCompleted = "WO-DEMO-1001";   // DosePen: completed
inline constexpr const char* kDemoOrderInProgress = "WO-DEMO-1002";  // paracetamol: in progress
inline constexpr const char* kDemoOrderReleased = "WO-DEMO-1003";    // paracetamol: released
inline constexpr const char* kDemoOrderOnHold = "WO-DEMO-1004";      // DosePen: on hold
// Paracetamol: every operation run, the finished lot produced, the batch record released.
inline constexpr const char* kDemoOrderBatchReleased = "WO-DEMO-1005";
// The finished lot of kDemoOrderBatchReleased (released with the batch).
inline constexpr const char* kDemoBatchLot = "FG-PCM500-20-DEMO-1005";
// Paracetamol: a critical parameter out of limits at drying opened a deviation, which
// was investigated and dispositioned by two quality signers; every operation run, the
// finished lot produced; the batch record awaits quality's review.
inline constexpr const char* kDemoOrderDeviation = "WO-DEMO-1006";
inline constexpr const char* kDemoDeviationLot = "FG-PCM500-20-DEMO-1006";
// The deviation the excursion opened (the first of the ledger), closed.
inline constexpr const char* kDemoDeviation = "DV-000001";
// The parameter of the excursion (critical, at the drying operation) and its value.
inline constexpr const char* kDemoExcursionParameter = "inlet_air_temperature";
inline constexpr double kDemoExcursionValue = 67;
// The second quality signer of the demo's critical deviation ("Demo QA Lead"; its
// password is not printed: an admin can reset it to sign in as it).
inline constexpr const char* kDemoQaLead = "qa.lead";

// The lot id the demo receives for a material: "L-" + material id + "-01".
std::string DemoLotOf(std::string_view material);

// Loads the demo production into the store behind `engine` (the demo plant is loaded and
// the demo users hold their qualifications and acknowledged the signature policy). `users`
// as for LoadDemoPlant (operator, supervisor, quality and kDemoQaLead are needed); `today`
// (YYYY-MM-DD) anchors the lots' expiry (300 days after it) and the orders' due dates.
// - One lot per bill of materials line of both demo products, received by the
//   supervisor and released with the quality user's signature (meaning released).
// - kDemoOrderCompleted: every operation run by the operator (instructions acknowledged,
//   every parameter at its target, every characteristic sample in the middle of its
//   specification, the bill of materials consumed in the first operation, one serial
//   number per device produced at laser marking from the pen's serial_pattern, the
//   order's quantity good) and verified by the supervisor where the routing asks for it.
// - kDemoOrderInProgress: its first operation done that way and verified, the second
//   started, instructions acknowledged and one parameter recorded.
// - kDemoOrderReleased: released. kDemoOrderOnHold: released, then held.
// - kDemoOrderBatchReleased: every operation done as kDemoOrderCompleted's (the raw
//   materials consumed at dispensing, the packaging at blister packaging), kDemoBatchLot
//   produced at the last operation, and the batch record (complete, no exceptions)
//   released by the quality user's signature (meaning released), which seals it with a
//   checkpoint and releases the lot.
// - kDemoOrderDeviation: run as kDemoOrderBatchReleased, except that at drying
//   kDemoExcursionParameter (critical) is recorded at kDemoExcursionValue, above its
//   limit: the exception opens kDemoDeviation (critical, blocking completion). Quality
//   notes the investigation, its root cause (DEV-CPP-EXCURSION of the demo's
//   deviation_category list) and a CAPA reference; quality and kDemoQaLead sign the
//   disposition use_as_is, which closes it; the operation completes afterwards. The
//   batch record is left awaiting review (the limit violation to acknowledge).
Status LoadDemoProduction(engine::Engine& engine, const std::map<std::string, engine::Actor>& users,
                          std::string_view today);

}  // namespace ordo::admin
