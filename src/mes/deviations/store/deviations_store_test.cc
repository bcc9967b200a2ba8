// The deviation table through the real engine and store (the demo site): the opening's
// projector inserts and refuses a second opening of an id instead of overwriting it; a
// row edited behind the engine's back is refused by every read; quality's worklist keeps
// the oldest open deviations when it caps and counts all of them; and a root cause is
// chosen from the demo's deviation_category reason codes.
#include "mes/deviations/store/deviations_store.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/access/users.h"
#include "mes/deviations/commands/deviation_commands.h"
#include "mes/deviations/deviations.h"
#include "server/worklist.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::deviations {
namespace {

const std::string kOrder = "WO-DEMO-1001";

class DeviationsStoreTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_deviations_store_test_", true);
    if (HasFatalFailure()) return;
    StartEngine();
    if (HasFatalFailure()) return;
    OpenReader();
    if (HasFatalFailure()) return;
    operator_ = ActorOf("operator");
    quality_ = ActorOf("quality");
  }

  engine::Actor ActorOf(const std::string& name) {
    auto u = access::FindUserByName(*reader_, name);
    EXPECT_TRUE(u.ok() && *u) << name;
    if (!u.ok() || !*u) return {};
    return engine::Actor{(*u)->id, name, name};
  }

  static DeviationOpened Draft(const std::string& title) {
    DeviationOpened d;
    d.order_id = kOrder;
    d.operation = "10";
    d.source = "manual";
    d.classification = "major";
    d.title = title;
    return d;
  }

  // Opens one deviation by the real command; returns its id.
  std::string Open(const std::string& title) {
    Json reply = Run(OpenDeviationCommand(operator_, Draft(title)));
    return reply.is_object() ? reply["deviation"].value("id", "") : "";
  }

  // Writes the entries of `events` (deviation subjects) in one command, behind the
  // commands' decisions, as a buggy or edited ledger would; returns the engine's answer.
  Result<engine::CommandReply> Write(std::vector<ledger::Event> events) {
    engine::Command c;
    c.actor = operator_;
    c.decide = [events](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      return events;
    };
    return engine_->SubmitAndWait(std::move(c));
  }

  void Sql(const std::string& sql) {
    auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }

  engine::Actor operator_, quality_;
};

TEST_F(DeviationsStoreTest, ASecondOpeningOfAnIdIsRefusedNotWrittenOverTheFirst) {
  ORDO_VERIFIES("ORDO-DEV-17", "P11-01");
  const std::string id = Open("first opening");
  ASSERT_EQ(id, "DV-000002");  // the demo site's excursion is DV-000001
  ASSERT_TRUE(Run(UpdateDeviationCommand(quality_, DeviationUpdated{id, std::nullopt, std::nullopt,
                                                                    std::string("looked at"),
                                                                    std::nullopt, std::nullopt}))
                  .is_object());
  const std::int64_t head = engine_->head_seq();

  DeviationOpened again = Draft("second opening, same id");
  again.id = id;
  auto refused = Write({ledger::MakeEvent(again, kSubjectKind, id)});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find(id + " is opened again"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(engine_->head_seq(), head);

  auto d = FindDeviation(*reader_, id);
  ASSERT_TRUE(d.ok() && *d) << (d.ok() ? "missing" : d.error().message);
  EXPECT_EQ((*d)->title, "first opening");
  ASSERT_EQ((*d)->notes.size(), 1u);
  EXPECT_EQ((*d)->notes[0].text, "looked at");

  // Later events still update the one row.
  DeviationClosed closed{id};
  ASSERT_TRUE(Write({ledger::MakeEvent(closed, kSubjectKind, id)}).ok());
  auto after = FindDeviation(*reader_, id);
  ASSERT_TRUE(after.ok() && *after);
  EXPECT_EQ((*after)->state, kStateClosed);
  EXPECT_EQ((*after)->title, "first opening");
}

TEST_F(DeviationsStoreTest, ADeviationRowEditedInTheFileIsRefusedByEveryRead) {
  ORDO_VERIFIES("ORDO-DEV-18", "ORDO-DEV-08", "P11-01");
  DeviationOpened draft = Draft("critical excursion");
  draft.classification = "critical";
  draft.blocks_completion = true;
  draft.lots = {"L-RM-PCM-API-01"};
  Json reply = Run(OpenDeviationCommand(operator_, draft));
  ASSERT_TRUE(reply.is_object());
  const std::string id = reply["deviation"]["id"];
  ASSERT_TRUE(FindDeviation(*reader_, id).ok());

  // Lowered to minor in the SQLite file, doc and column alike: one signature would close it.
  Sql("UPDATE deviation SET classification = 'minor', doc = replace(doc, '\"critical\"', "
      "'\"minor\"') WHERE id = '" +
      id + "'");
  auto expect_refused = [&](const Status& s, const char* what) {
    ASSERT_FALSE(s.ok()) << what;
    EXPECT_EQ(s.error().code, ErrorCode::kIntegrityViolation) << what;
    EXPECT_NE(s.error().message.find("deviation"), std::string::npos)
        << what << ": " << s.error().message;
  };
  auto found = FindDeviation(*reader_, id);
  expect_refused(found.ok() ? Ok() : Status(found.error()), "FindDeviation");
  auto of_op = OpenDeviationsOf(*reader_, kOrder, "10");
  expect_refused(of_op.ok() ? Ok() : Status(of_op.error()), "OpenDeviationsOf");
  auto of_lot = OpenDeviationsTouchingLot(*reader_, "L-RM-PCM-API-01");
  expect_refused(of_lot.ok() ? Ok() : Status(of_lot.error()), "OpenDeviationsTouchingLot");
  auto of_order = DeviationsOfOrder(*reader_, kOrder);
  expect_refused(of_order.ok() ? Ok() : Status(of_order.error()), "DeviationsOfOrder");
  auto listed = ListDeviations(*reader_, "", "", 10);
  expect_refused(listed.ok() ? Ok() : Status(listed.error()), "ListDeviations");
  auto oldest = OldestOpenDeviations(*reader_, 10);
  expect_refused(oldest.ok() ? Ok() : Status(oldest.error()), "OldestOpenDeviations");

  // Put back as it was, it reads again: the seal is of the content, not of a moment.
  Sql("UPDATE deviation SET classification = 'critical', doc = replace(doc, "
      "'\"classification\":\"minor\"', '\"classification\":\"critical\"') WHERE id = '" +
      id + "'");
  auto restored = FindDeviation(*reader_, id);
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ((*restored)->classification, "critical");
}

TEST_F(DeviationsStoreTest, TheWorklistKeepsTheOldestOpenDeviationsAndCountsAll) {
  ORDO_VERIFIES("ORDO-DEV-19", "ORDO-DEV-14");
  // 203 opened in one command (ids DV-000002..DV-000204: the demo site's closed DV-000001
  // comes first), then the oldest closed: 202 open.
  auto id = [](int n) { return FormatId(n + 1); };
  std::vector<ledger::Event> events;
  for (int i = 1; i <= 203; ++i) {
    DeviationOpened d = Draft("deviation number " + std::to_string(i));
    d.id = id(i);
    events.push_back(ledger::MakeEvent(d, kSubjectKind, d.id));
  }
  ASSERT_TRUE(Write(std::move(events)).ok());
  ASSERT_TRUE(Write({ledger::MakeEvent(DeviationClosed{id(1)}, kSubjectKind, id(1))}).ok());
  auto count = CountOpenDeviations(*reader_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 202);

  const server::WorklistSource* source = nullptr;
  for (const auto& s : server::RegisteredWorklistSources())
    if (s.name == "deviations.open") source = &s;
  ASSERT_NE(source, nullptr);
  server::Session session;
  session.user_name = "quality";
  session.roles = {"quality"};
  auto items = source->fn(*reader_, session, kT0);
  ASSERT_TRUE(items.ok()) << items.error().message;
  ASSERT_EQ(items->size(), 201u);
  EXPECT_EQ(items->front().id, id(2));  // the oldest open, the most overdue
  EXPECT_EQ((*items)[199].id, id(201));
  for (const auto& item : *items) EXPECT_NE(item.id, id(203)) << "a newer one shown";
  const auto& summary = items->back();
  EXPECT_EQ(summary.kind, "deviation.more");
  EXPECT_EQ(summary.id, "");
  EXPECT_NE(summary.title.find("202 open deviations in all"), std::string::npos) << summary.title;
  EXPECT_NE(summary.title.find("200 oldest"), std::string::npos) << summary.title;

  // Under the cap there is no summary item.
  for (int i = 2; i <= 3; ++i)
    ASSERT_TRUE(Write({ledger::MakeEvent(DeviationClosed{id(i)}, kSubjectKind, id(i))}).ok());
  auto fewer = source->fn(*reader_, session, kT0);
  ASSERT_TRUE(fewer.ok());
  ASSERT_EQ(fewer->size(), 200u);
  EXPECT_EQ(fewer->front().id, id(4));
  EXPECT_EQ(fewer->back().id, id(203));
}

TEST_F(DeviationsStoreTest, TheDemoSiteOffersRootCausesFromItsDeviationCategoryList) {
  ORDO_VERIFIES("ORDO-DEV-20", "IND-04");
  const std::string id = Open("balance drifted during dispensing");
  for (const char* code : {"DEV-EQUIPMENT", "DEV-MATERIAL", "DEV-PROCEDURE", "DEV-PERSONNEL",
                           "DEV-ENVIRONMENT", "DEV-MEASUREMENT"}) {
    DeviationUpdated u{id,           std::nullopt,      std::nullopt,
                       std::nullopt, std::string(code), std::nullopt};
    Json reply = Run(UpdateDeviationCommand(quality_, u));
    ASSERT_TRUE(reply.is_object()) << code;
    EXPECT_EQ(reply["deviation"]["root_cause"], code);
  }
  DeviationUpdated bad{
      id, std::nullopt, std::nullopt, std::nullopt, std::string("DEV-WEATHER"), std::nullopt};
  auto refused = engine_->SubmitAndWait(UpdateDeviationCommand(quality_, bad));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "unknown_code");
}

}  // namespace
}  // namespace ordo::deviations
