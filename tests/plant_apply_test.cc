// Configuration as code: POST /api/v1/plant/apply (file errors, no-ops, one changed
// file, atomic conflicts) and the CLI round trip export -> apply on an empty site ->
// approve -> export giving byte-identical files (docs/masterdata.md section 6).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

const std::string kRoutingFile = "routings/RT-PCM500-FCT.yaml";
const std::string kMaterialFile = "materials/RM-MGST.yaml";

class PlantApplyTest : public MasterdataTest {
 protected:
  Json Export() {
    HttpReply r = http().Get("/api/v1/plant/export", engineer_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["files"];
  }
  static std::string& Text(Json& files, const std::string& path) {
    for (auto& f : files)
      if (f["path"] == path) return f["text"].get_ref<std::string&>();
    ADD_FAILURE() << "the export has no " << path;
    static std::string none;
    return none;
  }
  // Replaces the first `from` in `text`; returns the 1-based line where it was.
  static int Replace(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "no '" << from << "' in\n" << text;
    if (at == std::string::npos) return 0;
    text.replace(at, from.size(), to);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  }
  HttpReply Apply(const Json& files) {
    return http().Post("/api/v1/plant/apply", Json{{"files", files}, {"title", "plant apply test"}},
                       engineer_);
  }
  std::size_t CrCount() {
    return http().Get("/api/v1/change-requests", engineer_).json()["change_requests"].size();
  }
};

TEST_F(PlantApplyTest, FileErrorNamesFileAndLineAndCreatesNothing) {
  ORDO_VERIFIES("ORDO-MD-06");
  Json files = Export();
  ASSERT_GT(files.size(), 50u);
  const int line = Replace(Text(files, kRoutingFile), "high: 170\n", "high: fast\n");
  Replace(Text(files, kMaterialFile), "\nname: ", "\nname: Renamed ");  // a valid change
  const std::size_t crs = CrCount();
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Apply(files);
  ExpectProblem(r, 400, "invalid_argument", "files");
  Json errors = r.json()["errors"];
  ASSERT_EQ(errors.size(), 1u) << r.Describe();
  EXPECT_EQ(errors[0]["file"], kRoutingFile);
  EXPECT_EQ(errors[0]["line"], line) << r.Describe();
  EXPECT_NE(errors[0].value("field", "").find("high"), std::string::npos) << r.Describe();
  EXPECT_FALSE(errors[0].value("message", "").empty());
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(CrCount(), crs);
}

TEST_F(PlantApplyTest, UnchangedExportChangesNothing) {
  ORDO_VERIFIES("ORDO-MD-06");
  Json files = Export();
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Apply(files);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.json()["change_request"].is_null()) << r.Describe();
  EXPECT_EQ(r.json()["unchanged"], files.size());
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(PlantApplyTest, OneChangedFileMakesOneDraft) {
  ORDO_VERIFIES("ORDO-MD-06");
  Json files = Export();
  Replace(Text(files, kMaterialFile), "\nname: ", "\nname: Renamed ");
  HttpReply r = Apply(files);
  ASSERT_EQ(r.status, 201) << r.Describe();
  Json cr = r.json()["change_request"];
  EXPECT_EQ(cr["state"], "open");
  EXPECT_EQ(cr["title"], "plant apply test");
  ASSERT_EQ(cr["items"].size(), 1u) << r.Describe();
  EXPECT_EQ(cr["items"][0]["kind"], "material");
  EXPECT_EQ(cr["items"][0]["id"], "RM-MGST");
  ASSERT_EQ(cr["items"][0]["changes"].size(), 1u);
  EXPECT_EQ(cr["items"][0]["changes"][0]["path"], "name");
  EXPECT_EQ(r.json()["unchanged"], files.size() - 1);
}

TEST_F(PlantApplyTest, OpenDraftElsewhereFailsAtomicallyNamingTheFile) {
  ORDO_VERIFIES("ORDO-MD-03", "ORDO-MD-06");
  const std::string other = CrWithChangedLimit(175);
  Json files = Export();
  Replace(Text(files, kRoutingFile), "high: 170\n", "high: 171\n");
  Replace(Text(files, kMaterialFile), "\nname: ", "\nname: Renamed ");
  const std::size_t crs = CrCount();
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Apply(files);
  ExpectReason(r, 409, "conflict", "open_draft_elsewhere", "files");
  EXPECT_NE(r.json().value("detail", "").find(kRoutingFile), std::string::npos) << r.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(CrCount(), crs);
  EXPECT_EQ(GetObject("material", "RM-MGST")["object"]["latest_version"], 1);
}

std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = ReadFile(e.path());
  return out;
}

TEST_F(PlantApplyTest, CliRoundTripThroughAnEmptySiteGivesIdenticalFiles) {
  ORDO_VERIFIES("VAL-08", "ORDO-MD-06");
  const Credentials& eng = sandbox_.user("engineer");
  WriteFile(sandbox_.file("eng.pw"), eng.password + "\n");
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string dir = sandbox_.file("plant1"), dir2 = sandbox_.file("plant2");
  RunResult exported = sandbox_.Ordo({"plant", "export", dir, "--server", url, "--user", eng.name,
                                      "--password-file", sandbox_.file("eng.pw")});
  ASSERT_EQ(exported.status.code, 0) << exported.Describe();
  const auto first = Tree(dir);
  ASSERT_GT(first.size(), 50u);
  EXPECT_EQ(first.count(kRoutingFile), 1u);

  // A second, empty site: only admin; engineer and quality created through the API.
  WriteFile(sandbox_.file("admin2.pw"), "admin-second-site-pw\n");
  const std::string data2 = sandbox_.file("data2");
  RunResult init = sandbox_.Ordo({"init", "--data", data2, "--site", "second",
                                  "--admin-password-file", sandbox_.file("admin2.pw")});
  ASSERT_EQ(init.status.code, 0) << init.Describe();
  fs::create_directories(sandbox_.file("logs2"));
  OrdoServer server2(data2, sandbox_.file("logs2"));
  std::string error;
  ASSERT_TRUE(server2.Start(&error)) << error;
  HttpClient c2 = server2.Client();
  const std::string admin2 = Login(c2, "admin", "admin-second-site-pw");
  ASSERT_FALSE(admin2.empty());
  std::map<std::string, std::string> tokens;
  for (const std::string role : {"engineer", "quality"}) {
    const std::string name = role + "2", pw = "pw-" + role + "-second";
    HttpReply u = c2.Post(
        "/api/v1/users",
        Json{{"name", name}, {"display_name", role + " two"}, {"roles", {role}}, {"password", pw}},
        admin2);
    ASSERT_EQ(u.status, 201) << u.Describe();
    tokens[role] = Login(c2, name, pw);
    HttpReply ack = c2.Post("/api/v1/signature-policy/acknowledge",
                            Json{{"version", 1}, {"password", pw}}, tokens[role]);
    ASSERT_TRUE(ack.ok()) << ack.Describe();
  }
  HttpReply listed = c2.Get("/api/v1/masterdata/routing", tokens["engineer"]);
  EXPECT_EQ(listed.json()["objects"].size(), 0u) << "the second site starts empty";
  WriteFile(sandbox_.file("eng2.pw"), "pw-engineer-second\n");
  const std::string url2 = "http://127.0.0.1:" + std::to_string(server2.port());
  const std::vector<std::string> conn{
      "--server", url2, "--user", "engineer2", "--password-file", sandbox_.file("eng2.pw")};
  std::vector<std::string> apply{"plant", "apply", dir};
  apply.insert(apply.end(), conn.begin(), conn.end());
  RunResult applied = sandbox_.Ordo(apply);
  ASSERT_EQ(applied.status.code, 0) << applied.Describe();
  EXPECT_NE(applied.out.find("change request CR-000001: " + std::to_string(first.size()) +
                             " drafts, 0 unchanged"),
            std::string::npos)
      << applied.Describe();

  HttpReply submit = c2.Post("/api/v1/change-requests/CR-000001/submit",
                             Sig("engineer2", "pw-engineer-second"), tokens["engineer"]);
  ASSERT_EQ(submit.status, 200) << submit.Describe();
  HttpReply approve = c2.Post("/api/v1/change-requests/CR-000001/approve",
                              Sig("quality2", "pw-quality-second"), tokens["quality"]);
  ASSERT_EQ(approve.status, 200) << approve.Describe();
  EXPECT_EQ(approve.json()["change_request"]["state"], "approved");

  std::vector<std::string> export2{"plant", "export", dir2};
  export2.insert(export2.end(), conn.begin(), conn.end());
  RunResult exported2 = sandbox_.Ordo(export2);
  ASSERT_EQ(exported2.status.code, 0) << exported2.Describe();
  const auto second = Tree(dir2);
  EXPECT_EQ(second.size(), first.size());
  for (const auto& [path, text] : first) {
    SCOPED_TRACE(path);
    ASSERT_EQ(second.count(path), 1u);
    EXPECT_EQ(second.at(path), text);
  }
  // Applying the round-tripped files again changes nothing.
  apply[2] = dir2;
  RunResult again = sandbox_.Ordo(apply);
  EXPECT_EQ(again.status.code, 0) << again.Describe();
  EXPECT_NE(again.out.find("nothing to change"), std::string::npos) << again.Describe();

  EXPECT_TRUE(server2.Stop().has_value());
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", data2});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", data2});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
}

TEST_F(PlantApplyTest, ApplyFileWithErrorFromTheCliExitsOneNamingFileAndLine) {
  ORDO_VERIFIES("ORDO-MD-06");
  const Credentials& eng = sandbox_.user("engineer");
  WriteFile(sandbox_.file("eng.pw"), eng.password + "\n");
  Json files = Export();
  const int line = Replace(Text(files, kRoutingFile), "high: 170\n", "high: fast\n");
  const std::string path = sandbox_.file("bad.yaml");
  WriteFile(path, Text(files, kRoutingFile));
  const std::int64_t head = HeadSeq(http());
  RunResult r = sandbox_.Ordo({"plant", "apply", path, "--server",
                               "http://127.0.0.1:" + std::to_string(server_->port()), "--user",
                               eng.name, "--password-file", sandbox_.file("eng.pw")});
  EXPECT_EQ(r.status.code, 1) << r.Describe();
  EXPECT_NE(r.err.find("bad.yaml:" + std::to_string(line) + ":"), std::string::npos)
      << r.Describe();
  // Sign-in and sign-out may write session entries, but no change request.
  EXPECT_EQ(CrCount(), 1u);
  EXPECT_GE(HeadSeq(http()), head);
}

}  // namespace
}  // namespace ordo::testing
