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

// The lot id the demo receives for a material: "L-" + material id + "-01".
std::string DemoLotOf(std::string_view material);

// Loads the demo production into the store behind `engine` (the demo plant is loaded and
// the demo users hold their qualifications and acknowledged the signature policy). `users`
// as for LoadDemoPlant (operator, supervisor and quality are needed); `today`
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
Status LoadDemoProduction(engine::Engine& engine, const std::map<std::string, engine::Actor>& users,
                          std::string_view today);

}  // namespace ordo::admin
