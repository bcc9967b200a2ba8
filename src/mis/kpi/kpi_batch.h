// Many KPI requests of one kind in one pass: every scope of a list over every window of a
// list (a report over many shifts, a dashboard of every line, the OEE benchmark). Each
// (work unit, window) is derived once, however many scopes hold the unit, where separate
// ComputeKpis calls would derive it again for each scope. The figures are ComputeKpis's:
// the same summing of the scope's units, the same KPI functions, the same lineage.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "mis/kpi/kpi.h"

namespace ordo::mis {

struct KpiBatchRequest {
  std::vector<std::string> kpis;    // as KpiRequest: empty = the profile's OEE set
  std::vector<std::string> scopes;  // equipment nodes or work units; "" = the plant
  std::vector<std::pair<TimeMicros, TimeMicros>> windows;  // each [from, to)
  Profile profile = Profile::kIso22400;
  Policy policy;
};

// Receives the report of (scopes[scope], windows[window]). A failure stops the batch and
// is returned by ComputeKpiBatch.
using KpiBatchSink =
    std::function<Status(std::size_t scope, std::size_t window, KpiReport&& report)>;

// Calls `sink` once for every (scope, window) with the report ComputeKpis gives for
// KpiRequest{kpis, scopes[scope], windows[window].first, .second, profile, policy}, equal
// to it figure for figure (values, nulls, elements, sources), in its elements and in
// its findings. Order: window by window (in the order given), the scopes in the order
// given within each window. Errors, before any report, as ComputeKpis's: invalid_window
// for the first window whose `to` is not after its `from`, else unknown_scope for the
// first unknown scope, else unknown_kpi; then the sink's failure. No window or no scope:
// no call. Memory: one window's unit elements at a time.
Status ComputeKpiBatch(const ElementIndex& index, const KpiBatchRequest& request,
                       const KpiBatchSink& sink);

}  // namespace ordo::mis
