// Change control through the real engine and store with an injected clock:
// effectivity (a future effective date takes over at that time), obsolete, statuses,
// and the re-check of signatures against a record changed behind the engine's back.
#include <gtest/gtest.h>

#include <filesystem>

#include "admin/data_dir_ops.h"
#include "app/masterdata_commands.h"
#include "core/crypto.h"
#include "store/masterdata_queries.h"
#include "store/masterdata_views.h"
#include "store/queries.h"

namespace ordo::app {
namespace {

constexpr TimeMicros kT0 = 1'795'597'445'000'000;
constexpr TimeMicros kDay = 86'400'000'000;
const std::string kRouting = "RT-PCM500-FCT";

class ChangeControlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_change_control_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_.root = root_ + "/data";
    admin::InitOptions init;
    init.dir = dir_;
    init.admin_password = "admin-password-1";
    init.demo = true;
    auto r = admin::InitDataDir(init, clock_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    engine::EngineOptions options;
    options.data_dir = dir_;
    options.clock = &clock_;
    auto e = engine::Engine::Start(options);
    ASSERT_TRUE(e.ok()) << e.error().message;
    engine_ = std::move(*e);
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok());
    reader_ = std::move(*db);
    engineer_ = ActorNamed("engineer");
    quality_ = ActorNamed("quality");
  }
  void TearDown() override {
    reader_.reset();
    engine_.reset();
    std::filesystem::remove_all(root_);
  }

  engine::Actor ActorNamed(const std::string& name) {
    auto u = store::FindUserByName(*reader_, name);
    EXPECT_TRUE(u.ok() && *u);
    return engine::Actor{(*u)->id, name, name};
  }

  Json Run(engine::Command command) {
    auto r = engine_->SubmitAndWait(std::move(command));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->body : Json();
  }

  // Opens a CR (effective from `from`, if given), drafts `content` for `kind`/`id`,
  // submits and approves it. Returns the CR id.
  std::string Change(const std::string& kind, const std::string& id, const Json& content,
                     std::optional<TimeMicros> from, const std::string& action = "define") {
    masterdata::OpenChangeRequest open{"t", "d", "r", "", from};
    std::string cr = Run(OpenChangeRequest(engineer_, open))["change_request"]["id"];
    Run(SaveDraft(engineer_, {cr, kind, id, content, action}));
    Run(SubmitChangeRequest(engineer_, cr, {engineer_.user_id, "engineer", "authored", {}}));
    Run(SignChangeRequest(quality_, cr, {quality_.user_id, "quality", "approved", {}}));
    return cr;
  }

  Json RoutingWithHigherLimit() {
    auto row = store::InForce(*reader_, "routing", kRouting, clock_.NowMicros());
    EXPECT_TRUE(row.ok() && *row);
    Json content = (*row)->content;
    Json& parameter = content["operations"][1]["parameters"][0];
    parameter["high"] = parameter["high"].get<double>() + 1.0;
    return content;
  }

  std::int64_t InForceVersion(const std::string& kind, const std::string& id, TimeMicros at) {
    auto row = store::InForce(*reader_, kind, id, at);
    EXPECT_TRUE(row.ok());
    return row.ok() && *row ? (*row)->version : 0;
  }

  FakeClock clock_{kT0};
  std::string root_;
  store::DataDir dir_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<storage::Database> reader_;
  engine::Actor engineer_, quality_;
};

TEST_F(ChangeControlTest, FutureEffectiveDateTakesOverAtThatTime) {
  Change("routing", kRouting, RoutingWithHigherLimit(), kT0 + kDay);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 1);
  auto before = store::ObjectView(*reader_, "routing", kRouting, clock_.NowMicros());
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)["versions"][0]["status"], "approved");  // newest first
  EXPECT_EQ((*before)["versions"][1]["status"], "effective");

  clock_.Advance(kDay);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 2);
  auto after = store::ObjectView(*reader_, "routing", kRouting, clock_.NowMicros());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)["versions"][0]["status"], "effective");
  EXPECT_EQ((*after)["versions"][1]["status"], "superseded");
  EXPECT_EQ((*after)["object"]["effective_version"], 2);
}

TEST_F(ChangeControlTest, ApprovalWithoutDateIsEffectiveAtOnceAndNeverBackdated) {
  clock_.Advance(kDay);
  // Asked for an effective time in the past: it takes effect at approval, not earlier.
  Change("routing", kRouting, RoutingWithHigherLimit(), kT0);
  auto rows = store::VersionsOf(*reader_, "routing", kRouting);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->back().effective_from, clock_.NowMicros());
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 2);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros() - 1), 1);
}

TEST_F(ChangeControlTest, ObsoleteRetiresTheObject) {
  auto ids = store::ObjectIds(*reader_, "reason_codes");
  ASSERT_TRUE(ids.ok() && !ids->empty());
  const std::string id = ids->front();
  ASSERT_EQ(InForceVersion("reason_codes", id, clock_.NowMicros()), 1);
  Change("reason_codes", id, Json::object(), std::nullopt, "obsolete");
  EXPECT_EQ(InForceVersion("reason_codes", id, clock_.NowMicros()), 0);
  auto view = store::ObjectView(*reader_, "reason_codes", id, clock_.NowMicros());
  ASSERT_TRUE(view.ok());
  EXPECT_EQ((*view)["object"]["status"], "obsolete");
  EXPECT_EQ((*view)["versions"][0]["action"], "obsolete");
}

TEST_F(ChangeControlTest, SignatureShowsBrokenWhenTheRecordChangesBehindTheEngine) {
  const std::string cr = Change("routing", kRouting, RoutingWithHigherLimit(), std::nullopt);
  auto found = store::FindChangeRequest(*reader_, cr);
  ASSERT_TRUE(found.ok() && *found);
  auto sigs = store::ChangeRequestSignatures(*reader_, **found);
  ASSERT_TRUE(sigs.ok());
  ASSERT_EQ(sigs->size(), 2u);
  for (const auto& s : *sigs) EXPECT_EQ(s["status"], "valid") << s.dump();
  EXPECT_EQ((*sigs)[1]["printed_name"], "Demo Quality");
  EXPECT_EQ((*sigs)[1]["meaning"], "approved");

  engine_->Stop();
  {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE md_version SET content = json_set(content, '$.name', "
                           "'changed after signing') WHERE change_request = '" +
                           cr + "'")
                    .ok());
  }
  auto again = store::ChangeRequestSignatures(*reader_, **found);
  ASSERT_TRUE(again.ok());
  for (const auto& s : *again) EXPECT_EQ(s["status"], "broken") << s.dump();
}

}  // namespace
}  // namespace ordo::app
