// Layout fences: every include rule refuses what it must and allows what it may, and the
// real tree (src/, tests/, bench/) has no include that crosses a forbidden line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "include_rules.h"

#ifndef ORDO_SOURCE_DIR
#error "ORDO_SOURCE_DIR must name the repository root"
#endif

namespace ordo::fences {
namespace {

using Rules = std::vector<int>;

// The rules `file` breaks by including `included`; empty when the include is allowed.
Rules Broken(const std::string& file, const std::string& included, bool angled = false) {
  Rules rules;
  for (const Violation& v : CheckInclude(file, included, angled)) rules.push_back(v.rule);
  return rules;
}

constexpr bool kAngled = true;
const std::string kDomain = "src/mes/logbook/domain/entry.cc";

// --- Rule 1: a capability's domain/ -------------------------------------------------

TEST(IncludeRulesTest, DomainMayIncludeCoreEventsAndDomains) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken(kDomain, "string", kAngled), Rules{});
  EXPECT_EQ(Broken(kDomain, "nlohmann/json.hpp", kAngled), Rules{});
  EXPECT_EQ(Broken(kDomain, "core/result.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "ledger/event_type.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "mes/logbook/events.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "mes/access/events.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "mes/access/events/user_created.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "mes/logbook/domain/entry.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "mes/logbook/domain/detail/fold.h"), Rules{});
  EXPECT_EQ(Broken(kDomain, "detail/fold.h"), Rules{});  // beside the file: own detail/
  EXPECT_EQ(Broken(kDomain, "mes/access/domain/roles.h"), Rules{});
  EXPECT_EQ(Broken("src/mes/logbook/domain/sub/x.h", "core/clock.h"), Rules{});
  for (std::string_view header : kLedgerHeadersForDomain) {
    EXPECT_EQ(Broken(kDomain, std::string(header)), Rules{}) << header;
  }
}

TEST(IncludeRulesTest, DomainRefusesInfrastructureAndOtherLayers) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken(kDomain, "ledger/entry.h"), Rules{1});
  EXPECT_EQ(Broken(kDomain, "storage/database.h"), Rules{1});
  EXPECT_EQ(Broken(kDomain, "store/ledger_store.h"), Rules{1});
  EXPECT_EQ(Broken(kDomain, "server/api.h"), Rules{1});
  EXPECT_EQ(Broken(kDomain, "mes/logbook/store/entries.h"), Rules{1});  // own store/ too
  EXPECT_EQ(Broken(kDomain, "mes/access/access.h"), Rules{1});
  EXPECT_EQ(Broken(kDomain, "mes/access/domain/detail/hash.h"), (Rules{1, 6}));
  EXPECT_EQ(Broken(kDomain, "mes/access/store/users.h"), (Rules{1, 2}));
  EXPECT_EQ(Broken(kDomain, "sqlite3.h", kAngled), (Rules{1, 3}));
  EXPECT_EQ(Broken("src/mes/logbook/domain/sub/x.h", "engine/engine.h"), Rules{1});
}

TEST(IncludeRulesTest, OtherCapabilityFoldersAreNotHeldToTheDomainRule) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/mes/logbook/store/entries.cc", "store/ledger_store.h"), Rules{});
  EXPECT_EQ(Broken("src/mes/logbook/logbook.cc", "server/api.h"), Rules{});
}

// --- Rule 2: another capability's store/, commands/, http/ -------------------------

TEST(IncludeRulesTest, CapabilityMayIncludeItsOwnLayersAndOthersPublicParts) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::string file = "src/mes/logbook/commands/record.cc";
  EXPECT_EQ(Broken(file, "mes/logbook/store/entries.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/logbook/http/routes.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/access/domain/roles.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/access/events.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/access/access.h"), Rules{});
  EXPECT_EQ(Broken("src/cli/main.cc", "mes/access/store/users.h"), Rules{});
}

TEST(IncludeRulesTest, CapabilityRefusesAnotherCapabilitysStoreCommandsHttp) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::string file = "src/mes/logbook/commands/record.cc";
  EXPECT_EQ(Broken(file, "mes/access/store/users.h"), Rules{2});
  EXPECT_EQ(Broken(file, "mes/access/commands/create_user.h"), Rules{2});
  EXPECT_EQ(Broken(file, "mes/access/http/routes.h"), Rules{2});
  EXPECT_EQ(Broken(file, "mes/access/store/users.h", kAngled), Rules{2});
  EXPECT_EQ(Broken("src/mes/masterdata/plant/reader.cc", "mes/logbook/http/x.h"), Rules{2});
}

// --- Rule 3: sqlite3.h ----------------------------------------------------------------

TEST(IncludeRulesTest, SqliteDriverMayIncludeSqlite) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/storage/sqlite/driver.cc", "sqlite3.h", kAngled), Rules{});
  EXPECT_EQ(Broken("src/storage/sqlite/detail/stmt.h", "sqlite3.h"), Rules{});
  EXPECT_EQ(Broken("src/admin/init.cc", "storage/sqlite/driver.h"), Rules{});
}

TEST(IncludeRulesTest, NothingElseIncludesSqlite) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/storage/database.cc", "sqlite3.h", kAngled), Rules{3});
  EXPECT_EQ(Broken("src/storage/sqlite_helpers.cc", "sqlite3.h", kAngled), Rules{3});
  EXPECT_EQ(Broken("src/admin/init.cc", "sqlite3.h"), Rules{3});
  EXPECT_EQ(Broken("tests/crash_test.cc", "sqlite3.h", kAngled), Rules{3});
  EXPECT_EQ(Broken("bench/storage_bench.cc", "sqlite3.h", kAngled), Rules{3});
}

// --- Rule 4: what src/mis/ may include ------------------------------------------------

TEST(IncludeRulesTest, MisMayIncludeItsPlatformAndPublishedEvents) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::string file = "src/mis/reports/batch_report.cc";
  EXPECT_EQ(Broken(file, "vector", kAngled), Rules{});
  EXPECT_EQ(Broken(file, "core/result.h"), Rules{});
  EXPECT_EQ(Broken(file, "ledger/verify.h"), Rules{});
  EXPECT_EQ(Broken(file, "storage/database.h"), Rules{});
  EXPECT_EQ(Broken(file, "client/http_client.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/logbook/events.h"), Rules{});
  EXPECT_EQ(Broken(file, "mes/logbook/events/entry_recorded.h"), Rules{});
  EXPECT_EQ(Broken(file, "mis/reports/batch.h"), Rules{});
}

TEST(IncludeRulesTest, MisRefusesTheMesRuntimeAndCapabilities) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::string file = "src/mis/reports/batch_report.cc";
  EXPECT_EQ(Broken(file, "store/ledger_store.h"), Rules{4});
  EXPECT_EQ(Broken(file, "engine/engine.h"), Rules{4});
  EXPECT_EQ(Broken(file, "server/api.h"), Rules{4});
  EXPECT_EQ(Broken(file, "mes/logbook/domain/entry.h"), Rules{4});
  EXPECT_EQ(Broken(file, "mes/logbook/logbook.h"), Rules{4});
  EXPECT_EQ(Broken(file, "mes/logbook/store/entries.h"), Rules{4});
  EXPECT_EQ(Broken(file, "sqlite3.h", kAngled), (Rules{3, 4}));
}

TEST(IncludeRulesTest, MisMayIncludeTheAllowListedHttpRuntimeHeaders) {
  ORDO_VERIFIES("ORDO-ARCH-01", "ORDO-MIS-03");
  const std::string file = "src/mis/http/router.cc";
  for (std::string_view header : kHttpRuntimeHeadersForMis) {
    EXPECT_EQ(Broken(file, std::string(header)), Rules{}) << header;
  }
  EXPECT_EQ(Broken("src/mis/main.cc", "server/http_server.h"), Rules{});
  EXPECT_EQ(Broken("src/mis/access/sessions.cc", "server/sessions.h"), Rules{});
}

TEST(IncludeRulesTest, MisRefusesTheMesApiAndEngineEvenThroughServer) {
  ORDO_VERIFIES("ORDO-ARCH-01", "ORDO-MIS-03");
  const std::string file = "src/mis/http/router.cc";
  for (const char* header :
       {"server/api.h", "server/serve.h", "server/endpoint.h", "server/worklist.h",
        "server/serve_tasks.h", "server/background_service.h", "server/response_schema.h",
        "server/connection_table.h", "server/http_server.cc", "server/sessions.hpp"}) {
    EXPECT_EQ(Broken(file, header), Rules{4}) << header;
  }
  EXPECT_EQ(Broken(file, "engine/engine.h"), Rules{4});
  EXPECT_EQ(Broken(file, "engine/command.h"), Rules{4});
  EXPECT_EQ(Broken(file, "store/ledger_store.h"), Rules{4});
  EXPECT_EQ(Broken(file, "store/schema.h"), Rules{4});
  EXPECT_EQ(Broken(file, "admin/data_dir_ops.h"), Rules{4});
  EXPECT_EQ(Broken(file, "mes/access/passwords.h"), Rules{4});
  // The allow-list names headers, not folders: a path that only begins like one is refused.
  EXPECT_EQ(Broken(file, "server/sessions.h/../api.h"), Rules{4});
  const std::vector<Violation> v = CheckInclude(file, "server/api.h", false);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v[0].message.find("kHttpRuntimeHeadersForMis"), std::string::npos) << v[0].message;
  EXPECT_NE(v[0].message.find("never server/api.h"), std::string::npos) << v[0].message;
}

// --- Rule 5: mis/ is included only by src/mis/ -----------------------------------------

TEST(IncludeRulesTest, MisMayIncludeMis) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/mis/main.cc", "mis/reports/batch.h"), Rules{});
  EXPECT_EQ(Broken("src/cli/main.cc", "mission/x.h"), Rules{});
}

TEST(IncludeRulesTest, NothingOutsideMisIncludesMis) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/cli/main.cc", "mis/reports/batch.h"), Rules{5});
  EXPECT_EQ(Broken("src/cli/main.cc", "mis/reports/batch.h", kAngled), Rules{5});
  EXPECT_EQ(Broken("src/mission/x.cc", "mis/reports/batch.h"), Rules{5});
  EXPECT_EQ(Broken("src/mes/logbook/http/routes.cc", "mis/reports/batch.h"), Rules{5});
  EXPECT_EQ(Broken("tests/mis_test.cc", "mis/reports/batch.h"), Rules{5});
  EXPECT_EQ(Broken(kDomain, "mis/reports/batch.h"), (Rules{1, 5}));
}

// --- Rule 6: detail/ is private to its parent folder ----------------------------------

TEST(IncludeRulesTest, DetailMayBeIncludedFromItsParentTree) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/plant/yaml_reader.cc", "plant/detail/reader.h"), Rules{});
  EXPECT_EQ(Broken("src/plant/sub/a.cc", "plant/detail/reader.h"), Rules{});
  EXPECT_EQ(Broken("src/plant/detail/a.cc", "plant/detail/reader.h"), Rules{});
  EXPECT_EQ(Broken("src/plant/yaml_reader.cc", "detail/reader.h"), Rules{});
  EXPECT_EQ(Broken("tests/support/ordo.cc", "support/detail/pipe.h"), Rules{});
  EXPECT_EQ(Broken("src/server/a.cc", "boost/asio/detail/socket_ops.hpp", kAngled), Rules{});
}

TEST(IncludeRulesTest, DetailIsRefusedOutsideItsParentTree) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  EXPECT_EQ(Broken("src/cli/main.cc", "plant/detail/reader.h"), Rules{6});
  EXPECT_EQ(Broken("src/plantx/a.cc", "plant/detail/reader.h"), Rules{6});
  EXPECT_EQ(Broken("tests/plant_test.cc", "plant/detail/reader.h"), Rules{6});
  EXPECT_EQ(Broken("src/mes/logbook/store/a.cc", "mes/logbook/domain/detail/x.h"), Rules{6});
  EXPECT_EQ(Broken("src/mes/logbook/store/a.cc", "../domain/detail/x.h"), Rules{6});
}

// --- Messages and parsing ---------------------------------------------------------------

TEST(IncludeRulesTest, MessageNamesTheFileTheIncludeAndTheRule) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::vector<Violation> v = CheckInclude("src/cli/main.cc", "mis/report.h", false);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].file, "src/cli/main.cc");
  EXPECT_EQ(v[0].included, "mis/report.h");
  EXPECT_NE(v[0].message.find("src/cli/main.cc"), std::string::npos) << v[0].message;
  EXPECT_NE(v[0].message.find("\"mis/report.h\""), std::string::npos) << v[0].message;
  EXPECT_NE(v[0].message.find("rule 5"), std::string::npos) << v[0].message;
}

TEST(IncludeRulesTest, ParsesOnlyIncludeDirectives) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  std::string included;
  bool angled = false;
  ASSERT_TRUE(ParseIncludeLine("#include <vector>", &included, &angled));
  EXPECT_EQ(included, "vector");
  EXPECT_TRUE(angled);
  ASSERT_TRUE(ParseIncludeLine("  #  include \"core/result.h\"  // why\r", &included, &angled));
  EXPECT_EQ(included, "core/result.h");
  EXPECT_FALSE(angled);
  EXPECT_FALSE(ParseIncludeLine("// #include \"x.h\"", &included, &angled));
  EXPECT_FALSE(ParseIncludeLine("const char* s = \"#include <x.h>\";", &included, &angled));
  EXPECT_FALSE(ParseIncludeLine("#define X 1", &included, &angled));
  EXPECT_FALSE(ParseIncludeLine("#include SOME_MACRO", &included, &angled));
}

// --- The tree walk ------------------------------------------------------------------

TEST(FenceTreeTest, WalkFindsAViolationInASyntheticTree) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::filesystem::path root =
      std::filesystem::path(::testing::TempDir()) / "ordo_fence_tree";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "src/mes/logbook/domain");
  std::filesystem::create_directories(root / "build/src");
  std::ofstream(root / "src/mes/logbook/domain/entry.h")
      << "#pragma once\n#include <string>\n#include \"core/result.h\"\n"
      << "  # include \"store/ledger_store.h\"\n";
  std::ofstream(root / "build/src/ignored.cc") << "#include <sqlite3.h>\n";

  const TreeScan scan = ScanTree(root);
  std::filesystem::remove_all(root);
  EXPECT_EQ(scan.files, std::vector<std::string>{"src/mes/logbook/domain/entry.h"});
  EXPECT_EQ(scan.includes, 3);
  ASSERT_EQ(scan.violations.size(), 1u);
  EXPECT_EQ(scan.violations[0].rule, 1);
  EXPECT_EQ(scan.violations[0].included, "store/ledger_store.h");
}

TEST(FenceTreeTest, ScansTheRealSourceTree) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const TreeScan scan = ScanTree(ORDO_SOURCE_DIR);
  EXPECT_GT(scan.files.size(), 50u);
  EXPECT_GT(scan.includes, 200);
  for (const char* expected : {"src/core/result.h", "tests/fences/fence_test.cc"}) {
    EXPECT_TRUE(std::binary_search(scan.files.begin(), scan.files.end(), expected))
        << expected << " not scanned under " << ORDO_SOURCE_DIR;
  }
}

TEST(FenceTreeTest, TreeHasNoForbiddenIncludes) {
  ORDO_VERIFIES("ORDO-ARCH-01");
  const std::vector<Violation> violations = CheckTree(ORDO_SOURCE_DIR);
  std::string list;
  for (const Violation& v : violations) list += "  " + v.message + "\n";
  EXPECT_TRUE(violations.empty()) << violations.size() << " forbidden include(s):\n" << list;
}

}  // namespace
}  // namespace ordo::fences
