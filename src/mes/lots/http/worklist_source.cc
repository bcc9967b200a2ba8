// The lots worklist source (lots_http.h): quarantined lots wait for quality's release or
// rejection; an expired one waits for its rejection. A lot of an order (produced, or split
// or merged from a produced one) is left out: only its order's batch release releases it,
// and the batch record worklist lists that.
#include <cstdio>

#include "mes/lots/http/lots_http.h"
#include "mes/lots/permissions.h"
#include "mes/lots/store/lots_store.h"
#include "server/worklist.h"

namespace ordo::lots {

namespace {

// Most quarantined lots one worklist shows (oldest first).
constexpr std::int64_t kMaxItems = 200;

std::string Shown(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

Result<std::vector<server::WorklistItem>> Quarantined(storage::Database& db, const server::Session&,
                                                      TimeMicros now) {
  auto rows = QuarantinedLotsOfNoOrder(db, kMaxItems);
  if (!rows.ok()) return rows.error();
  std::vector<server::WorklistItem> items;
  for (const auto& r : *rows) {
    const Lot& l = r.lot;
    const bool expired = EffectiveLotStatus(l, now) == "expired";
    items.push_back({"lot.release", l.lot,
                     l.material + " lot " + l.lot + " (supplier lot " + l.supplier_lot + ", " +
                         Shown(l.quantity) + " " + l.base_unit + ")",
                     expired
                         ? "quarantined and expired on " + UseByDate(l) + ": waiting for rejection"
                         : "quarantined: waiting for release or rejection by quality",
                     true, "#/lots/" + l.lot, l.received_us});
  }
  return items;
}

}  // namespace

void RegisterWorklistSources() {
  server::RegisterWorklistSource({"lots.quarantine", kLotsRelease,
                                  "quarantined lots of no order waiting for quality's release or "
                                  "rejection (oldest first)",
                                  &Quarantined});
}

}  // namespace ordo::lots
