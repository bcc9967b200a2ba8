// `ordo ledger verify --record` against the real binary and a real data directory (the
// demo's deviation batch, reviewed and released here): an untouched export verifies
// through the API and through the data directory; an edited content value, release
// signer, review comment or review outcome is named by its path in both; a sealed
// version's export carries its review and verifies; a data directory whose ledger row was
// edited (guard triggers dropped) is not trusted at all.
#include <gtest/gtest.h>

#include "admin/demo_production.h"
#include "core/testing/verifies.h"
#include "masterdata_fixture.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

const std::string kOrder = admin::kDemoOrderDeviation;
const std::string kRecord = "/api/v1/orders/" + kOrder + "/batch-record";

class BatchRecordVerifyTest : public MasterdataTest {
 protected:
  // Reviews every open exception of the demo deviation batch (the first dispositioned, the
  // rest acknowledged) and releases it as quality; exports it with the CLI to `file`.
  void ReviewReleaseAndExport(const std::string& file) {
    HttpReply before = http().Get(kRecord, quality_);
    ASSERT_EQ(before.status, 200) << before.Describe();
    const Json review = before.json()["batch_record"]["review"];
    Json items = Json::array();
    for (const Json& line : review["exceptions"]) {
      if (line["status"] != "open" || line["kind"] == "deviation") continue;
      items.push_back(Json{{"exception_id", line["exception_id"]},
                           {"outcome", items.empty() ? "dispositioned" : "acknowledged"},
                           {"comment", "excursion assessed: no impact on the batch"}});
    }
    ASSERT_FALSE(items.empty()) << review.dump(1);
    HttpReply reviewed = http().Post(kRecord + "/review", Json{{"items", items}}, quality_);
    ASSERT_EQ(reviewed.status, 200) << reviewed.Describe();
    HttpReply released = http().Post(kRecord + "/release", SigOf("quality"), quality_);
    ASSERT_EQ(released.status, 200) << released.Describe();
    RunResult exported = Cli({"batch-record", "export", kOrder, "--to", file});
    ASSERT_EQ(exported.status.code, 0) << exported.Describe();
  }

  // The CLI against the running server as the demo quality user.
  RunResult Cli(std::vector<std::string> args) {
    const Credentials& qa = sandbox_.user("quality");
    const std::string pw = sandbox_.file("qa.pw");
    WriteFile(pw, qa.password + "\n");
    const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
    for (const std::string& a : {std::string("--server"), url, std::string("--user"), qa.name,
                                 std::string("--password-file"), pw})
      args.push_back(a);
    return sandbox_.Ordo(args);
  }
  RunResult VerifyThroughServer(const std::string& file) {
    return Cli({"ledger", "verify", "--record", file});
  }
  RunResult VerifyThroughData(const std::string& file) {
    return sandbox_.Ordo({"ledger", "verify", "--record", file, "--data", sandbox_.data()});
  }

  // `edited` written to a file differs in both modes, naming `path` first.
  void ExpectNamedInBothModes(const Json& edited, const std::string& path) {
    const std::string file = sandbox_.file("edited.json");
    WriteFile(file, edited.dump(2));
    for (const RunResult& r : {VerifyThroughServer(file), VerifyThroughData(file)}) {
      EXPECT_EQ(r.status.code, 1) << path << ": " << r.Describe();
      EXPECT_NE(r.err.find("DIFFERS"), std::string::npos) << r.Describe();
      EXPECT_NE(r.err.find("first differing path: " + path), std::string::npos)
          << path << ": " << r.Describe();
    }
  }

  // The index of the first review line with `status`, or -1.
  static int LineWith(const Json& record, const std::string& status) {
    const Json& lines = record["review"]["exceptions"];
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i]["status"] == status) return static_cast<int>(i);
    return -1;
  }
};

TEST_F(BatchRecordVerifyTest, AnUntouchedExportVerifiesInBothModesAndEachEditIsNamed) {
  ORDO_VERIFIES("ORDO-BR-45", "ORDO-BR-46", "ORDO-BR-48", "ORDO-BR-30", "ORDO-BR-31", "DI-08",
                "A11-06", "P11-10");
  const std::string file = sandbox_.file("br.json");
  ReviewReleaseAndExport(file);
  if (HasFatalFailure()) return;
  for (const RunResult& r : {VerifyThroughServer(file), VerifyThroughData(file)}) {
    EXPECT_EQ(r.status.code, 0) << r.Describe();
    EXPECT_NE(r.out.find("OK: the file is sealed version 1 of " + kOrder), std::string::npos)
        << r.Describe();
  }
  const Json record = Json::parse(ReadFile(file));
  const int reviewed = LineWith(record, "dispositioned");
  ASSERT_GE(reviewed, 0) << record["review"];
  const std::string line = "review.exceptions[" + std::to_string(reviewed) + "]";

  Json e = record;
  e["product"]["hash"] = "0000";
  ExpectNamedInBothModes(e, "product.hash");
  e = record;
  e["release"]["versions"][0]["signature"]["printed_name"] = "Somebody Else";
  ExpectNamedInBothModes(e, "release.versions[0].signature.printed_name");
  e = record;
  e["release"]["versions"][0]["signature"]["signer"] = admin::kDemoQaLead;
  ExpectNamedInBothModes(e, "release.versions[0].signature.signer");
  e = record;
  e["review"]["exceptions"][reviewed]["comment"] = "nothing to see";
  ExpectNamedInBothModes(e, line + ".comment");
  e = record;
  e["review"]["exceptions"][reviewed]["status"] = "acknowledged";
  ExpectNamedInBothModes(e, line + ".status");
}

TEST_F(BatchRecordVerifyTest, ASealedVersionCarriesItsReviewAndItsExportVerifies) {
  ORDO_VERIFIES("ORDO-BR-47", "ORDO-BR-48", "P11-10", "DI-08");
  const std::string current = sandbox_.file("br.json");
  ReviewReleaseAndExport(current);
  if (HasFatalFailure()) return;
  const Json record = Json::parse(ReadFile(current));
  HttpReply v1 = http().Get(kRecord + "/versions/1", quality_);
  ASSERT_EQ(v1.status, 200) << v1.Describe();
  const Json sealed = v1.json()["record"];
  // The review in force at the seal, the release block, and the same content hash.
  EXPECT_EQ(sealed["state"], "sealed");
  EXPECT_EQ(sealed["content_hash"], record["content_hash"]);
  EXPECT_EQ(sealed["review"], record["review"]);
  EXPECT_EQ(sealed["release"], record["release"]);
  EXPECT_GE(LineWith(sealed, "dispositioned"), 0) << sealed["review"];
  const std::string file = sandbox_.file("v1.json");
  WriteFile(file, v1.body);
  for (const RunResult& r : {VerifyThroughServer(file), VerifyThroughData(file)}) {
    EXPECT_EQ(r.status.code, 0) << r.Describe();
  }
  Json edited = v1.json();
  edited["record"]["review"]["exceptions"][LineWith(sealed, "dispositioned")]["reviewer"] =
      "somebody";
  WriteFile(file, edited.dump());
  for (const RunResult& r : {VerifyThroughServer(file), VerifyThroughData(file)}) {
    EXPECT_EQ(r.status.code, 1) << r.Describe();
    EXPECT_NE(r.err.find(".reviewer"), std::string::npos) << r.Describe();
  }
  // The printable sealed version shows its review.
  HttpReply html = http().Get(kRecord + "/versions/1?format=html", quality_);
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_NE(html.body.find("excursion assessed: no impact on the batch"), std::string::npos);
}

TEST_F(BatchRecordVerifyTest, ADataDirectoryWhoseLedgerFailsVerificationIsNotTrusted) {
  ORDO_VERIFIES("ORDO-BR-44", "DI-08", "P11-01");
  const std::string file = sandbox_.file("br.json");
  ReviewReleaseAndExport(file);
  if (HasFatalFailure()) return;
  const Json record = Json::parse(ReadFile(file));
  const std::string name = record["release"]["versions"][0]["signature"]["printed_name"];
  ASSERT_FALSE(name.empty());
  // Someone with write access to ordo.db (server stopped) drops the ledger's guard triggers
  // and puts another name into the release signature, and edits the export to match: the
  // record and its blocks would then agree.
  auto stopped = server_->Stop();
  ASSERT_TRUE(stopped.has_value());
  server_.reset();  // the teardown's verify and replay checks would fail by design
  {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    const std::string sql =
        "DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete; DROP TRIGGER "
        "ledger_append_only; UPDATE ledger SET payload = replace(payload, "
        "'\"printed_name\":\"" +
        name +
        "\"', '\"printed_name\":\"Forged Name\"') WHERE type = 'signature.applied' AND "
        "subject_kind = 'batch_record' AND subject_id = '" +
        kOrder + "'";
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto changed = storage::FirstRow<std::string>(
        **db,
        "SELECT payload FROM ledger WHERE type = 'signature.applied' AND subject_kind = "
        "'batch_record' AND subject_id = '" +
            kOrder + "'",
        storage::NoBind, [](const storage::Statement& st) { return st.Text(0); });
    ASSERT_TRUE(changed.ok() && *changed);
    ASSERT_NE((**changed).find("Forged Name"), std::string::npos) << **changed;
  }
  Json forged = record;
  forged["release"]["versions"][0]["signature"]["printed_name"] = "Forged Name";
  const std::string forged_file = sandbox_.file("forged.json");
  WriteFile(forged_file, forged.dump(2));
  for (const std::string& f : {forged_file, file}) {
    RunResult r = VerifyThroughData(f);
    EXPECT_EQ(r.status.code, 1) << r.Describe();
    EXPECT_NE(r.err.find("itself fails verification"), std::string::npos) << r.Describe();
    EXPECT_EQ(r.out.find("OK"), std::string::npos) << r.Describe();
  }
  RunResult chain = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(chain.status.code, 1) << chain.Describe();
}

TEST_F(BatchRecordVerifyTest, BadUsageExitsTwo) {
  ORDO_VERIFIES("ORDO-BR-30");
  const std::string file = sandbox_.file("br.json");
  WriteFile(file, Json{{"order_id", kOrder}}.dump());
  EXPECT_EQ(sandbox_.Ordo({"ledger", "verify", "--record", file}).status.code, 2);
  EXPECT_EQ(sandbox_
                .Ordo({"ledger", "verify", "--record", sandbox_.file("none.json"), "--data",
                       sandbox_.data()})
                .status.code,
            2);
  WriteFile(file, "<!DOCTYPE html>");
  EXPECT_EQ(
      sandbox_.Ordo({"ledger", "verify", "--record", file, "--data", sandbox_.data()}).status.code,
      2);
}

}  // namespace
}  // namespace ordo::testing
