// The worked examples of tests/mis/vectors/ (each names its public source in its
// README.md and expected.csv): read through the CSV loader, computed by the engine, and
// compared with the published figures.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/testing/verifies.h"
#include "mis/kpi/kpi.h"
#include "mis/kpi/openlineage.h"
#include "mis/kpi/vector_loader.h"

namespace ordo::mis {
namespace {

const std::string kVectors = std::string(ORDO_SOURCE_DIR) + "/tests/mis/vectors/";

// Runs every row of the vector's expected.csv; returns the number of rows checked.
int RunVector(const std::string& name) {
  const auto inputs = testing::LoadVectorInputs(kVectors + name);
  EXPECT_TRUE(inputs.ok()) << (inputs.ok() ? "" : inputs.error().message);
  const auto expected = testing::LoadExpected(kVectors + name + "/expected.csv");
  EXPECT_TRUE(expected.ok()) << (expected.ok() ? "" : expected.error().message);
  if (!inputs.ok() || !expected.ok()) return 0;
  const ElementIndex index(inputs.value());
  int checked = 0;
  for (const testing::ExpectedFigure& e : expected.value()) {
    const std::string where = name + "/expected.csv:" + std::to_string(e.line) + " " + e.kpi;
    KpiRequest request;
    request.kpis = {e.kpi};
    request.scope = e.scope;
    request.from = e.from;
    request.to = e.to;
    auto profile = ParseProfile(e.profile);
    EXPECT_TRUE(profile.ok()) << where;
    if (!profile.ok()) continue;
    request.profile = profile.value();
    for (const std::string& o : e.overrides)
      EXPECT_TRUE(ApplyPolicyOverride(&request.policy, o).ok()) << where << " " << o;
    const auto report = ComputeKpis(index, request);
    EXPECT_TRUE(report.ok()) << where << ": " << (report.ok() ? "" : report.error().message);
    if (!report.ok()) continue;
    const Figure& f = report->figures.at(0);
    if (e.expected) {
      EXPECT_TRUE(f.value.has_value()) << where << ": null, " << f.null_reason;
      if (f.value) {
        EXPECT_NEAR(*f.value, *e.expected, e.tolerance) << where;
      }
    } else {
      EXPECT_FALSE(f.value.has_value()) << where << " = " << f.value.value_or(0);
      EXPECT_FALSE(f.null_reason.empty()) << where;
    }
    // Lineage: a figure with a value names the import rows behind it.
    if (f.value && *f.value != 0) {
      EXPECT_FALSE(f.sources.empty()) << where;
    }
    for (const SourceRef& s : f.sources.refs()) EXPECT_EQ(s.file_hash.size(), 64u) << where;
    ++checked;
  }
  return checked;
}

TEST(KpiVectors, OeeComWorkedExample) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-52", "ORDO-MIS-53", "ORDO-MIS-54", "ORDO-MIS-55",
                "ORDO-MIS-56", "ORDO-MIS-48", "ORDO-MISCOST-01", "ORDO-MISCT-01");
  // With npt_cost from cost_rates.csv and six figures under policy.cycle_time=planned
  // from planned_cycle_times.csv.
  EXPECT_EQ(RunVector("oee_com_example"), 25);
}

TEST(KpiVectors, MinitabRolledThroughputYield) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-57");
  EXPECT_EQ(RunVector("minitab_rty"), 5);
}

TEST(KpiVectors, MtbfMttrExample) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-58", "ORDO-MIS-51");
  EXPECT_EQ(RunVector("mtbf_mttr_example"), 8);
}

TEST(KpiVectors, DeliveryOtdOtif) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-59");
  EXPECT_EQ(RunVector("delivery_otd_otif"), 3);
}

TEST(KpiVectors, QualityCosts) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-60");
  EXPECT_EQ(RunVector("quality_costs_copq"), 7);
}

TEST(KpiVectors, LittlesLawFlow) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-61");
  EXPECT_EQ(RunVector("littles_law_flow"), 5);
}

// The OpenLineage RunEvent of a KPI job names the import files behind its figures.
TEST(KpiVectors, OpenLineageRunEventNamesTheImportFiles) {
  ORDO_VERIFIES("ORDO-MIS-62");
  const auto inputs = testing::LoadVectorInputs(kVectors + "oee_com_example");
  ASSERT_TRUE(inputs.ok());
  const ElementIndex index(inputs.value());
  KpiRequest r;
  r.kpis = {"availability", "quality_ratio"};
  r.scope = "line1";
  ASSERT_TRUE(ParseIsoTime("2026-01-05T06:00:00Z", &r.from));
  ASSERT_TRUE(ParseIsoTime("2026-01-05T14:00:00Z", &r.to));
  const auto report = ComputeKpis(index, r);
  ASSERT_TRUE(report.ok());
  LineageRun run{"3b452093-782c-4ef2-9c0c-aafe2aa6f34d", r.to};
  const auto event = OpenLineageRunEvent(report.value(), run);
  ASSERT_TRUE(event.ok());
  const Json& j = event.value();
  EXPECT_EQ(j["eventType"], "COMPLETE");
  EXPECT_EQ(j["run"]["runId"], run.run_id);
  EXPECT_EQ(j["job"]["name"], "kpi:availability,quality_ratio@line1");
  EXPECT_EQ(j["outputs"].size(), 2u);
  // availability: calendar + states; quality_ratio: counts: three import files.
  ASSERT_EQ(j["inputs"].size(), 3u);
  for (const Json& in : j["inputs"])
    EXPECT_EQ(in["name"].get<std::string>().substr(0, 7), "import:");
  EXPECT_NE(j["schemaURL"].get<std::string>().find("RunEvent"), std::string::npos);
  run.run_id = "not-a-uuid";
  const auto bad = OpenLineageRunEvent(report.value(), run);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason, "invalid_run_id");
}

// Every vector folder is run by a test above, and names its source.
TEST(KpiVectors, EveryVectorIsRunAndNamesItsSource) {
  ORDO_VERIFIES("ORDO-MIS-66");
  const std::set<std::string> run = {"oee_com_example",   "minitab_rty",        "mtbf_mttr_example",
                                     "delivery_otd_otif", "quality_costs_copq", "littles_law_flow"};
  std::set<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(kVectors)) {
    if (!entry.is_directory()) continue;
    found.insert(entry.path().filename().string());
    EXPECT_TRUE(std::filesystem::exists(entry.path() / "README.md")) << entry.path();
  }
  EXPECT_EQ(found, run);
}

}  // namespace
}  // namespace ordo::mis
