// Integration tests of logbook subjects against master data: a subject that names an
// equipment object in force is stored as equipment, any other as free text (an area
// not in master data), and the subject filter ignores case.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

TEST_F(ApiTest, LogbookSubjectIsTypedByMasterData) {
  ORDO_VERIFIES("DI-02", "DI-10", "ORDO-LOG-02");
  const std::string op = TokenFor("operator");
  // WU-PRESS-01 is a work unit of the demo plant; ROOM-B12 is in no master data.
  ASSERT_EQ(http().Get("/api/v1/masterdata/equipment/WU-PRESS-01", op).status, 200);
  HttpReply equipment = http().Post(
      "/api/v1/logbook", LogbookEntry("punches changed", "WU-PRESS-01", "maintenance"), op);
  ASSERT_EQ(equipment.status, 201) << equipment.Describe();
  EXPECT_EQ(equipment.json()["entry"].value("subject_type", ""), "equipment");
  HttpReply area =
      http().Post("/api/v1/logbook", LogbookEntry("floor wiped", "ROOM-B12", "cleaning"), op);
  ASSERT_EQ(area.status, 201) << area.Describe();
  EXPECT_EQ(area.json()["entry"].value("subject_type", ""), "free_text");

  // A correction is typed again, and the ledger payload carries the type (version 2).
  const auto seq = equipment.json()["entry"]["seq"].get<std::int64_t>();
  Json fix = LogbookEntry("punches and dies changed", "WU-PRESS-01", "maintenance");
  fix["corrects"] = seq;
  fix["reason"] = "dies were changed too";
  HttpReply corrected = http().Post("/api/v1/logbook", fix, op);
  ASSERT_EQ(corrected.status, 201) << corrected.Describe();
  EXPECT_EQ(corrected.json()["entry"].value("subject_type", ""), "equipment");
  const std::string supervisor = TokenFor("supervisor");
  HttpReply feed =
      http().Get("/api/v1/ledger?after=" + std::to_string(seq - 1) + "&limit=1", supervisor);
  ASSERT_EQ(feed.status, 200) << feed.Describe();
  const Json page = feed.json();
  ASSERT_FALSE(page["entries"].empty()) << feed.Describe();
  const Json& stored = page["entries"][0];
  EXPECT_EQ(stored.value("schema_version", 0), 2) << stored.dump();
  EXPECT_EQ(stored["payload"].value("subject_type", ""), "equipment") << stored.dump();

  // The list shows the type as stored.
  HttpReply list = http().Get("/api/v1/logbook?subject=ROOM-B12", op);
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.json()["entries"].size(), 1u) << list.Describe();
  EXPECT_EQ(list.json()["entries"][0].value("subject_type", ""), "free_text");
}

TEST_F(ApiTest, LogbookSubjectFilterIgnoresCase) {
  ORDO_VERIFIES("DI-09", "ORDO-LOG-03");
  const std::string op = TokenFor("operator");
  ASSERT_EQ(http().Post("/api/v1/logbook", LogbookEntry("upper", "WU-MILL-01"), op).status, 201);
  ASSERT_EQ(http().Post("/api/v1/logbook", LogbookEntry("lower", "wu-mill-01"), op).status, 201);
  ASSERT_EQ(http().Post("/api/v1/logbook", LogbookEntry("other", "WU-MILL-011"), op).status, 201);
  for (const char* query : {"WU-MILL-01", "wu-mill-01", "Wu-Mill-01"}) {
    HttpReply list = http().Get(std::string("/api/v1/logbook?subject=") + query, op);
    ASSERT_EQ(list.status, 200) << list.Describe();
    const Json body = list.json();
    const Json& entries = body["entries"];
    ASSERT_EQ(entries.size(), 2u) << query << ": " << list.Describe();
    // Newest first; each keeps the subject as written.
    EXPECT_EQ(entries[0].value("subject", ""), "wu-mill-01");
    EXPECT_EQ(entries[1].value("subject", ""), "WU-MILL-01");
  }
  // Only the exact id in master data's spelling is equipment.
  const Json all = http().Get("/api/v1/logbook?subject=wu-mill-01", op).json();
  ASSERT_EQ(all["entries"].size(), 2u) << all.dump();
  EXPECT_EQ(all["entries"][0].value("subject_type", ""), "free_text");
  EXPECT_EQ(all["entries"][1].value("subject_type", ""), "equipment");
}

}  // namespace
}  // namespace ordo::testing
