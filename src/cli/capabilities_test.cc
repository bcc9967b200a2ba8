// The role -> permission matrix as the capabilities register it: deny by default,
// separation of duties. Runs after the composition root registered every capability.
#include "cli/capabilities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/permissions.h"
#include "core/testing/verifies.h"
#include "mes/access/permissions.h"
#include "mes/audit/permissions.h"
#include "mes/deviations/permissions.h"
#include "mes/equipment/permissions.h"
#include "mes/execution/permissions.h"
#include "mes/genealogy/permissions.h"
#include "mes/logbook/permissions.h"
#include "mes/lots/permissions.h"
#include "mes/masterdata/permissions.h"
#include "mes/orders/permissions.h"
#include "mes/personnel/permissions.h"
#include "mes/site/permissions.h"
#include "mes/telemetry/permissions.h"
#include "mes/worklist/permissions.h"
#include "server/endpoint.h"

namespace ordo {
namespace {

// The permission names, as the role tests knew them before registration.
namespace permission {
using access::kUserManage;
using audit::kAuditRead;
using audit::kLedgerVerify;
using logbook::kLogbookRead;
using logbook::kLogbookWrite;
using masterdata::kMasterdataApprove;
using masterdata::kMasterdataEdit;
using masterdata::kMasterdataRead;
using personnel::kPersonnelManage;
using site::kSiteConfigure;
using worklist::kWorklistRead;
}  // namespace permission
using namespace permission;

class RolesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cli::RegisterCapabilities(); }
};

TEST_F(RolesTest, DenyByDefault) {
  ORDO_VERIFIES("P11-04", "ORDO-ACCESS-05");
  EXPECT_FALSE(IsRole("root"));
  EXPECT_FALSE(IsRole(""));
  EXPECT_FALSE(IsRole("Admin"));  // case matters
  for (const auto& p : AllPermissions()) {
    EXPECT_FALSE(RoleGrants("root", p)) << p;
    EXPECT_FALSE(RoleGrants("", p)) << p;
  }
  for (const auto& r : AllRoles()) {
    EXPECT_TRUE(IsRole(r));
    EXPECT_FALSE(RoleGrants(r, "logbook.delete")) << r;
    EXPECT_FALSE(RoleGrants(r, "")) << r;
  }
  EXPECT_TRUE(PermissionsOf({}).empty());
  EXPECT_TRUE(PermissionsOf({"root", "guest"}).empty());
}

TEST_F(RolesTest, StableRoleOrder) {
  ORDO_VERIFIES("ORDO-ACCESS-05");
  EXPECT_EQ(AllRoles(), (std::vector<std::string>{"operator", "supervisor", "quality", "engineer",
                                                  "admin", "feed_reader"}));
  EXPECT_EQ(RoleNames(), "operator, supervisor, quality, engineer, admin or feed_reader");
}

// The MIS's account on the MES (issue 13): it reads the ledger feed, and nothing else.
TEST_F(RolesTest, FeedReaderHoldsOnlyTheLedgerFeed) {
  ORDO_VERIFIES("ORDO-MIS-90", "ORDO-LEDGER-09");
  EXPECT_EQ(PermissionsOf({"feed_reader"}),
            (std::vector<std::string>{audit::kLedgerFeed, access::kSessionOwn}));
  // Every role that reads the audit trail also reads the feed.
  for (const auto& r : AllRoles())
    if (RoleGrants(r, audit::kAuditRead)) EXPECT_TRUE(RoleGrants(r, audit::kLedgerFeed)) << r;
  EXPECT_FALSE(RoleGrants("operator", audit::kLedgerFeed));
  // In the endpoint table: exactly the ledger's four reads (entries, signed checkpoints,
  // span, stream), and its own session.
  std::vector<std::string> readable;
  for (const auto& e : server::RegisteredEndpoints())
    if (!e.permission.empty() && RoleGrants("feed_reader", e.permission))
      readable.push_back(e.method + " " + e.path);
  std::sort(readable.begin(), readable.end());
  EXPECT_EQ(readable,
            (std::vector<std::string>{"DELETE /api/v1/session", "GET /api/v1/ledger",
                                      "GET /api/v1/ledger/checkpoints", "GET /api/v1/ledger/span",
                                      "GET /api/v1/ledger/stream", "GET /api/v1/session"}));
}

TEST_F(RolesTest, SeparationOfDuties) {
  ORDO_VERIFIES("P11-07", "ORDO-ACCESS-05");
  using namespace permission;
  // Only admin manages users, and admin does not write the logbook.
  for (const auto& r : AllRoles()) EXPECT_EQ(RoleGrants(r, kUserManage), r == "admin") << r;
  EXPECT_FALSE(RoleGrants("admin", kLogbookWrite));
  EXPECT_TRUE(RoleGrants("operator", kLogbookWrite));
  EXPECT_FALSE(RoleGrants("operator", kAuditRead));
  EXPECT_TRUE(RoleGrants("quality", kLedgerVerify));
  EXPECT_FALSE(RoleGrants("supervisor", kLedgerVerify));
}

TEST_F(RolesTest, PermissionsOfIsSortedUnion) {
  ORDO_VERIFIES("ORDO-ACCESS-05");
  using namespace permission;
  auto perms = PermissionsOf({"operator", "admin", "nobody", "operator"});
  EXPECT_TRUE(std::is_sorted(perms.begin(), perms.end()));
  EXPECT_EQ(std::adjacent_find(perms.begin(), perms.end()), perms.end());
  for (const char* p : {kLogbookRead, kLogbookWrite, kAuditRead, kLedgerVerify, kUserManage})
    EXPECT_NE(std::find(perms.begin(), perms.end(), p), perms.end()) << p;
  auto op = PermissionsOf({"operator"});
  EXPECT_EQ(
      op,
      (std::vector<std::string>{
          deviations::kDeviationsOpen, deviations::kDeviationsRead, equipment::kDowntimeAssign,
          equipment::kEquipmentRead, execution::kExecutionPerform, execution::kExecutionVerify,
          genealogy::kGenealogyRead, kLogbookRead, kLogbookWrite, lots::kLotsRead, kMasterdataRead,
          orders::kOrdersRead, access::kSessionOwn, telemetry::kTelemetryRead, kWorklistRead}));
}

TEST_F(RolesTest, RoleForPicksFirstGrantingRoleInTableOrder) {
  ORDO_VERIFIES("ORDO-ACCESS-05");
  using namespace permission;
  // Listed order of the user's roles does not matter; AllRoles() order does.
  EXPECT_EQ(RoleFor({"admin", "quality"}, kLedgerVerify), "quality");
  EXPECT_EQ(RoleFor({"admin", "quality"}, kUserManage), "admin");
  EXPECT_EQ(RoleFor({"engineer", "supervisor"}, kAuditRead), "supervisor");
  EXPECT_EQ(RoleFor({"admin"}, kLogbookWrite), "");
  EXPECT_EQ(RoleFor({}, kLogbookRead), "");
  EXPECT_EQ(RoleFor({"root"}, kLogbookRead), "");
}

TEST_F(RolesTest, ChangeControlSeparatesDraftingFromApproving) {
  ORDO_VERIFIES("P11-07", "ORDO-ACCESS-05");
  using namespace permission;
  EXPECT_TRUE(RoleGrants("engineer", kMasterdataEdit));
  EXPECT_FALSE(RoleGrants("engineer", kMasterdataApprove));
  EXPECT_TRUE(RoleGrants("quality", kMasterdataApprove));
  EXPECT_FALSE(RoleGrants("quality", kMasterdataEdit));
  EXPECT_FALSE(RoleGrants("operator", kMasterdataEdit));
  EXPECT_FALSE(RoleGrants("admin", kMasterdataApprove));  // manages accounts, never approves
  // Site configuration is drafted in change requests by who drafts master data; the admin
  // who manages accounts does not also set the password and signing rules.
  EXPECT_TRUE(RoleGrants("engineer", kSiteConfigure));
  EXPECT_FALSE(RoleGrants("admin", kSiteConfigure));
  EXPECT_FALSE(RoleGrants("quality", kSiteConfigure));
  // Every plant role reads master data; the feed account does not (it reads only the feed).
  for (const auto& role : AllRoles())
    EXPECT_EQ(RoleGrants(role, kMasterdataRead), role != "feed_reader") << role;
}

}  // namespace
}  // namespace ordo
