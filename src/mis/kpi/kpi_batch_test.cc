// The batch (kpi_batch.h): every (scope, window) report equals ComputeKpis's for the same
// request, figure for figure with its elements and lineage, under both profiles and a
// policy override; errors as ComputeKpis's; a sink's failure stops the batch.
#include "mis/kpi/kpi_batch.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/kpi/kpi_test_util.h"

namespace ordo::mis {
namespace {

using testing::Builder;
using testing::Min;
using MS = MachineState;
using CK = CalendarKind;

// A site of two lines (U1, U2 on L1; U3 on L2) and a unit with data outside the
// hierarchy (X); two shifts, a break on L1; a gap, an overlap, micro-stops, idle with no
// order, offline, counts with and without a cycle time, a cost rate; L2 has data of its
// own, and a root R has neither children nor data.
Builder Plant() {
  Builder b;
  b.Node("S", "", "site").Node("L1", "S", "work_center").Node("L2", "S", "work_center");
  b.Node("U1", "L1", "work_unit").Node("U2", "L1", "work_unit").Node("U3", "L2", "work_unit");
  b.Cal("S", 0, 480, CK::kShift).Cal("S", 480, 960, CK::kShift).Cal("L1", 240, 270, CK::kBreak);
  b.Cal("", 0, 960, CK::kShift);
  b.State("U1", 0, 300, MS::kRunning).State("U1", 300, 300.5, MS::kDown, "jam");
  b.State("U1", 300.5, 700, MS::kRunning).State("U1", 700, 960, MS::kIdle, "no_order", true);
  b.State("U2", 10, 200, MS::kRunning).State("U2", 150, 400, MS::kSetup);  // overlap
  b.State("U2", 420, 900, MS::kDown, "motor");                             // gaps around it
  b.State("U3", 0, 480, MS::kRunning).State("U3", 480, 600, MS::kOffline);
  b.State("U3", 600, 960, MS::kRunning, "", true);
  b.State("X", 0, 960, MS::kRunning, "", true);
  b.Cycle("U1", "P", 30).Cycle("U2", "P", 45).Cycle("U3", "P", 20.1).Cycle("X", "P", 12);
  b.Counted("U1", 0, 480, 800, 780, 15, 5).Counted("U1", 480, 960, 500, 500, 0, 0);
  b.Counted("U2", 100, 100, 100, 90, 10, 0).Counted("U2", 500, 500, 50, 50, 0, 0, "Q");
  b.Counted("U3", 0, 480, 1200, 1190, 10, 0).Counted("U3", 700, 700, 700, 699, 1, 0);
  b.Counted("X", 0, 960, 4000, 3999, 1, 0);
  b.inputs.cost_rates.push_back({"S", 120, "EUR", b.Next()});
  // A node with children and data of its own (L2 sums itself and U3), and a root with
  // neither (a unit of the plant with no data: all unknown).
  b.State("L2", 0, 100, MS::kRunning).Node("R", "", "site");
  return b;
}

void ExpectSameSources(const SourceSet& a, const SourceSet& b, const std::string& where) {
  EXPECT_EQ(a.refs(), b.refs()) << where;
  EXPECT_EQ(a.coarse(), b.coarse()) << where;
}

// Exactly equal: values bit for bit, nulls, elements, lineage, findings.
void ExpectSameReport(const KpiReport& batch, const KpiReport& single, const std::string& where) {
  ASSERT_EQ(batch.figures.size(), single.figures.size()) << where;
  for (std::size_t k = 0; k < batch.figures.size(); ++k) {
    const Figure& a = batch.figures[k];
    const Figure& b = single.figures[k];
    const std::string at = where + " " + b.kpi;
    EXPECT_EQ(a.kpi, b.kpi) << at;
    EXPECT_EQ(a.profile, b.profile) << at;
    EXPECT_EQ(a.scope, b.scope) << at;
    EXPECT_EQ(a.from, b.from) << at;
    EXPECT_EQ(a.to, b.to) << at;
    EXPECT_EQ(a.value, b.value) << at;
    EXPECT_EQ(a.null_reason, b.null_reason) << at;
    EXPECT_EQ(a.null_detail, b.null_detail) << at;
    EXPECT_EQ(a.unit, b.unit) << at;
    EXPECT_EQ(a.elements, b.elements) << at;
    EXPECT_EQ(a.formula, b.formula) << at;
    EXPECT_EQ(a.policy.knobs, b.policy.knobs) << at;
    EXPECT_EQ(a.policy.overridden, b.policy.overridden) << at;
    ExpectSameSources(a.sources, b.sources, at);
  }
  EXPECT_EQ(batch.elements.Values(), single.elements.Values()) << where;
  ASSERT_EQ(batch.elements.sources.size(), single.elements.sources.size()) << where;
  for (const auto& [key, set] : single.elements.sources) {
    auto it = batch.elements.sources.find(key);
    ASSERT_NE(it, batch.elements.sources.end()) << where << " " << key;
    ExpectSameSources(it->second, set, where + " element " + key);
  }
  ASSERT_EQ(batch.findings.size(), single.findings.size()) << where;
  for (std::size_t i = 0; i < batch.findings.size(); ++i) {
    const Finding& a = batch.findings[i];
    const Finding& b = single.findings[i];
    EXPECT_EQ(a.kind, b.kind) << where;
    EXPECT_EQ(a.work_unit, b.work_unit) << where;
    EXPECT_EQ(a.start, b.start) << where;
    EXPECT_EQ(a.end, b.end) << where;
    EXPECT_EQ(a.detail, b.detail) << where;
    EXPECT_EQ(a.sources, b.sources) << where;
  }
}

// Runs the batch and checks every report against ComputeKpis; returns how many came.
std::size_t CheckAgainstSingle(const ElementIndex& index, const KpiBatchRequest& request) {
  std::size_t calls = 0, expected_window = 0, expected_scope = 0;
  const Status status = ComputeKpiBatch(
      index, request, [&](std::size_t s, std::size_t w, KpiReport&& report) -> Status {
        // Window by window, the scopes in order within each.
        EXPECT_EQ(w, expected_window);
        EXPECT_EQ(s, expected_scope);
        if (++expected_scope == request.scopes.size()) {
          expected_scope = 0;
          ++expected_window;
        }
        ++calls;
        KpiRequest one{
            request.kpis,    request.scopes[s], request.windows[w].first, request.windows[w].second,
            request.profile, request.policy};
        auto single = ComputeKpis(index, one);
        EXPECT_TRUE(single.ok());
        const std::string where = "scope '" + one.scope + "' window " + std::to_string(w);
        if (single.ok()) ExpectSameReport(report, *single, where);
        // Summed up the tree, the scope's elements are those of all its work units.
        Elements flat;
        for (const std::string& unit : index.hierarchy().WorkUnitsOf(one.scope))
          flat += ComputeUnitElements(index, unit, one.from, one.to, one.policy).elements;
        EXPECT_EQ(report.elements.CT, flat.CT) << where;
        EXPECT_EQ(report.elements.POT, flat.POT) << where;
        EXPECT_EQ(report.elements.PBT, flat.PBT) << where;
        EXPECT_EQ(report.elements.APT, flat.APT) << where;
        EXPECT_EQ(report.elements.unknown, flat.unknown) << where;
        EXPECT_EQ(report.elements.PQ, flat.PQ) << where;
        return Ok();
      });
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
  return calls;
}

KpiBatchRequest EveryScopeAndWindow(Profile profile) {
  KpiBatchRequest r;
  r.kpis = KpiIds(profile);
  r.scopes = {"", "S", "L1", "L2", "U1", "U2", "U3", "X", "R"};
  r.windows = {{Min(0), Min(480)}, {Min(480), Min(960)}, {Min(0), Min(960)}, {Min(100), Min(700)}};
  r.profile = profile;
  return r;
}

TEST(KpiBatch, EveryReportEqualsComputeKpisForTheSameRequest) {
  ORDO_VERIFIES("ORDO-MISBENCH-04", "ORDO-MIS-63");
  const Builder b = Plant();
  const ElementIndex index(b.inputs);
  for (Profile profile : {Profile::kIso22400, Profile::kPractitioner}) {
    KpiBatchRequest r = EveryScopeAndWindow(profile);
    EXPECT_EQ(CheckAgainstSingle(index, r), r.scopes.size() * r.windows.size());
    ASSERT_TRUE(ApplyPolicyOverride(&r.policy, "policy.planned_stops=loss").ok());
    ASSERT_TRUE(ApplyPolicyOverride(&r.policy, "policy.micro_stop_threshold_s=60").ok());
    EXPECT_EQ(CheckAgainstSingle(index, r), r.scopes.size() * r.windows.size());
  }
  // A scope asked twice and the profile's OEE set (no KPI named).
  KpiBatchRequest twice = EveryScopeAndWindow(Profile::kIso22400);
  twice.kpis.clear();
  twice.scopes = {"L1", "U1", "L1"};
  EXPECT_EQ(CheckAgainstSingle(index, twice), 3 * twice.windows.size());
}

TEST(KpiBatch, ALineShiftCarriesTheLineageOfItsUnits) {
  ORDO_VERIFIES("ORDO-MISBENCH-04", "ORDO-MIS-62");
  const Builder b = Plant();
  const ElementIndex index(b.inputs);
  KpiBatchRequest r;
  r.kpis = {"availability", "oee_index"};
  r.scopes = {"L1"};
  r.windows = {{Min(0), Min(480)}};
  std::vector<KpiReport> got;
  ASSERT_TRUE(ComputeKpiBatch(index, r, [&](std::size_t, std::size_t, KpiReport&& report) {
                got.push_back(std::move(report));
                return Ok();
              }).ok());
  ASSERT_EQ(got.size(), 1u);
  const Figure& availability = got[0].figures.at(0);
  // The running intervals of U1 (seq 11, 13) and U2 (seq 15) and the site's first shift
  // (seq 7) are among the sources; U3's (seq 18, on L2) is not.
  auto holds = [](const SourceSet& set, std::int64_t seq) {
    for (const SourceRef& s : set.refs())
      if (s.first <= seq && seq <= s.last) return true;
    return false;
  };
  for (std::int64_t seq : {7, 11, 13, 15}) EXPECT_TRUE(holds(availability.sources, seq)) << seq;
  EXPECT_FALSE(holds(availability.sources, 18));
  EXPECT_EQ(got[0].elements.sources.count("APT"), 1u);
  EXPECT_TRUE(holds(got[0].elements.sources.at("APT"), 15));
  // The findings name the units they are about: U2's overlap and gap.
  bool overlap = false, gap = false;
  for (const Finding& f : got[0].findings) {
    overlap |= f.kind == "overlapping_states" && f.work_unit == "U2";
    gap |= f.kind == "gap" && f.work_unit == "U2";
  }
  EXPECT_TRUE(overlap);
  EXPECT_TRUE(gap);
}

TEST(KpiBatch, ErrorsAreComputeKpissAndASinkFailureStops) {
  ORDO_VERIFIES("ORDO-MIS-67");
  const Builder b = Plant();
  const ElementIndex index(b.inputs);
  std::size_t calls = 0;
  auto count = [&](std::size_t, std::size_t, KpiReport&&) -> Status {
    ++calls;
    return Ok();
  };
  KpiBatchRequest r = EveryScopeAndWindow(Profile::kIso22400);
  r.windows.emplace_back(Min(5), Min(5));
  auto window = ComputeKpiBatch(index, r, count);
  ASSERT_FALSE(window.ok());
  EXPECT_EQ(window.error().reason, "invalid_window");
  EXPECT_EQ(window.error().field, "to");
  r = EveryScopeAndWindow(Profile::kIso22400);
  r.scopes.push_back("nowhere");
  auto scope = ComputeKpiBatch(index, r, count);
  ASSERT_FALSE(scope.ok());
  EXPECT_EQ(scope.error().reason, "unknown_scope");
  EXPECT_NE(scope.error().message.find("nowhere"), std::string::npos);
  r = EveryScopeAndWindow(Profile::kIso22400);
  r.kpis = {"availability", "performance"};
  auto kpi = ComputeKpiBatch(index, r, count);
  ASSERT_FALSE(kpi.ok());
  EXPECT_EQ(kpi.error().reason, "unknown_kpi");
  EXPECT_EQ(calls, 0u);  // nothing computed
  r = EveryScopeAndWindow(Profile::kIso22400);
  auto stop = ComputeKpiBatch(index, r, [&](std::size_t, std::size_t, KpiReport&&) -> Status {
    return ++calls == 3 ? Status(Error::Make(ErrorCode::kInternal, "sink full")) : Ok();
  });
  ASSERT_FALSE(stop.ok());
  EXPECT_EQ(stop.error().message, "sink full");
  EXPECT_EQ(calls, 3u);
}

}  // namespace
}  // namespace ordo::mis
