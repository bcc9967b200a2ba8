// Integration tests of the electronic batch record against the real server: a small
// product (one operation with a parameter, a characteristic and a second-person
// verification; yield limits) run to completion through execution's API; the record's
// completeness, exceptions and review by exception; release blocking (each refusal code),
// sealing (signature, checkpoint at the release entry, content hash in the event, the
// produced lot released by its own events), versions, amendment, the printable HTML, the
// CLI export and `ordo ledger verify --record` on an edited export; bad input everywhere.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"
#include "support/json_schema.h"

namespace ordo::testing {
namespace {

const std::string kProduct = "PD-BR-TEST";
const std::string kRoutingId = "RT-BR-TEST";
const std::string kOrder = "WO-BR-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";
const std::string kRecord = "/api/v1/orders/" + kOrder + "/batch-record";

class BatchRecordApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
    // A product of one operation, with yield limits 95..105 %.
    const std::string cr = OpenCr(engineer_, "Batch record test product");
    Json routing{
        {"id", kRoutingId},
        {"name", "batch record test"},
        {"operations",
         Json::array({Json{{"id", "10"},
                           {"name", "Dispensing"},
                           {"operation_class", "dispensing"},
                           {"work_center_class", "dispensary"},
                           {"parameters", Json::array({Json{{"name", "room_temperature"},
                                                            {"unit", "C"},
                                                            {"low", 18},
                                                            {"high", 25},
                                                            {"source", "manual"}}})},
                           {"characteristics", Json::array({Json{{"name", "net_weight_deviation"},
                                                                 {"unit", "%"},
                                                                 {"lower_spec", -0.5},
                                                                 {"upper_spec", 0.5},
                                                                 {"sample_size", 1}}})},
                           {"second_person_verification", true}}})}};
    Json product{{"id", kProduct},
                 {"name", "batch record test product"},
                 {"material", "FG-PCM500-20"},
                 {"routing", kRoutingId},
                 {"yield_low", 95},
                 {"yield_high", 105},
                 {"bom", Json::array({Json{{"material", "RM-PCM-API"},
                                           {"quantity", 0.01},
                                           {"unit", "kg"},
                                           {"operation", "10"}}})}};
    HttpReply r1 = PutDraft(engineer_, cr, "routing", kRoutingId, routing);
    ASSERT_EQ(r1.status, 200) << r1.Describe();
    HttpReply r2 = PutDraft(engineer_, cr, "product", kProduct, product);
    ASSERT_EQ(r2.status, 200) << r2.Describe();
    SubmitAndApprove(cr);
    if (HasFatalFailure()) return;
    HttpReply order = http().Post("/api/v1/orders",
                                  Json{{"order_id", kOrder},
                                       {"product", kProduct},
                                       {"quantity", 100},
                                       {"unit", "ea"},
                                       {"due_date", "2099-01-31"}},
                                  supervisor_);
    ASSERT_EQ(order.status, 201) << order.Describe();
    HttpReply released =
        http().Post("/api/v1/orders/" + kOrder + "/release", Json::object(), supervisor_);
    ASSERT_EQ(released.status, 200) << released.Describe();
    HttpReply lot = http().Post("/api/v1/lots",
                                Json{{"lot", "L-BR-API"},
                                     {"material", "RM-PCM-API"},
                                     {"supplier", "Acme"},
                                     {"supplier_lot", "S-BR-1"},
                                     {"quantity", 10},
                                     {"unit", "kg"},
                                     {"expiry", "2099-01-31"}},
                                supervisor_);
    ASSERT_EQ(lot.status, 201) << lot.Describe();
    ASSERT_EQ(http().Post("/api/v1/lots/L-BR-API/release", SigOf("quality"), quality_).status, 200);
  }

  HttpReply Post(const std::string& path, const Json& body, const std::string& token) {
    return http().Post(path, body, token);
  }
  void Ok(const HttpReply& r) { ASSERT_TRUE(r.status == 200 || r.status == 201) << r.Describe(); }

  // Runs operation 10: start, instructions, a wrong material (refused and recorded), a
  // consumption, the values (room_temperature `temperature`), `produced` good units as a
  // lot, completion and the supervisor's verification.
  void Run(double temperature, double produced) {
    Ok(Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_));
    Ok(Post(kOp + "/acknowledge-instructions", Json::object(), operator_));
    Ok(Post(kOp + "/consume", Json{{"lot", "L-BR-API"}, {"quantity", 1}}, operator_));
    Ok(Post(kOp + "/parameters", Json{{"name", "room_temperature"}, {"value", temperature}},
            operator_));
    Ok(Post(kOp + "/characteristics", Json{{"name", "net_weight_deviation"}, {"values", {0.1}}},
            operator_));
    Ok(Post(kOp + "/produce", Json{{"lot", "FG-BR-0001"}, {"quantity", produced}}, operator_));
    Ok(Post(kOp + "/complete", Json{{"good", produced}}, operator_));
    Ok(Post(kOp + "/verify", SigOf("supervisor"), supervisor_));
  }

  Json Record(const std::string& token = "") {
    HttpReply r = http().Get(kRecord, token.empty() ? quality_ : token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["batch_record"];
  }

  HttpReply Review(Json items) {
    return Post(kRecord + "/review", Json{{"items", items}}, quality_);
  }
  HttpReply Release(Json extra = Json::object()) {
    Json body = SigOf("quality");
    for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
    return Post(kRecord + "/release", body, quality_);
  }

  // The answer fits the success schema the OpenAPI document publishes for it.
  void ExpectDocumented(const std::string& method, const std::string& path,
                        const HttpReply& reply) {
    if (document_.is_null()) document_ = http().Get("/api/v1/openapi.json").json();
    const Json& responses = document_["paths"][path][method]["responses"];
    Json schema;
    for (const auto& [status, response] : responses.items())
      if (!status.empty() && status[0] == '2')
        schema = response["content"]["application/json"]["schema"];
    ASSERT_FALSE(schema.is_null()) << method << " " << path;
    auto mismatches = SchemaMismatches(schema, reply.json(), document_);
    EXPECT_TRUE(mismatches.empty()) << method << " " << path << ": " << mismatches.front();
  }

  std::string supervisor_, operator_;
  Json document_;
};

TEST_F(BatchRecordApiTest, ReviewByExceptionThenSignedReleaseSealsTheRecordAndItsLot) {
  ORDO_VERIFIES("ORDO-BR-02", "ORDO-BR-03", "ORDO-BR-04", "ORDO-BR-14", "ORDO-BR-17", "ORDO-BR-18",
                "ORDO-BR-23", "ORDO-BR-24", "ORDO-BR-25", "ORDO-BR-42", "P11-13", "P11-17",
                "A11-06", "A11-13", "IND-01", "IND-03", "IND-05", "DI-10");
  // Before anything ran: in progress, with what is missing listed.
  Json before = Record();
  EXPECT_EQ(before["state"], "in_progress");
  EXPECT_FALSE(before["completeness"]["complete"].get<bool>());
  std::int64_t head = HeadSeq(http());
  ExpectReason(Release(), 422, "failed_precondition", "record_incomplete");
  EXPECT_EQ(HeadSeq(http()), head);

  Run(30, 100);  // 30 C is above the limit: an exception
  if (HasFatalFailure()) return;
  Json r = Record();
  EXPECT_EQ(r["state"], "awaiting_review") << r.dump(1);
  EXPECT_TRUE(r["completeness"]["complete"].get<bool>()) << r["completeness"].dump();
  ASSERT_EQ(r["exceptions"].size(), 1u) << r["exceptions"].dump(1);
  EXPECT_EQ(r["exceptions"][0]["kind"], "limit_violation");
  const std::string ex = r["exceptions"][0]["id"];
  EXPECT_EQ(r["quantities"]["yield_percent"], 100.0);
  EXPECT_EQ(r["consumed_lots"][0]["lot"], "L-BR-API");
  EXPECT_EQ(r["produced_lots"][0]["lot"], "FG-BR-0001");
  EXPECT_EQ(r["operations"][0]["verification"]["verifier"], "supervisor");
  EXPECT_FALSE(r["operations"][0]["instructions_acknowledged"].empty());
  ASSERT_FALSE(r["signatures"].empty());
  EXPECT_EQ(r["signatures"][0]["meaning"], "verified");
  EXPECT_NE(r["signatures"][0]["time"].get<std::string>().find("+00:00"), std::string::npos);

  // The quality worklist shows it.
  HttpReply work = http().Get("/api/v1/worklist", quality_);
  EXPECT_NE(work.body.find("batchrecord.review"), std::string::npos) << work.Describe();

  // Release refused while the exception is open.
  head = HeadSeq(http());
  HttpReply open = Release();
  ExpectReason(open, 422, "failed_precondition", "exceptions_open");
  EXPECT_NE(open.json().value("detail", "").find(ex), std::string::npos) << open.Describe();
  EXPECT_EQ(HeadSeq(http()), head);

  HttpReply reviewed =
      Review(Json::array({Json{{"exception_id", ex},
                               {"outcome", "dispositioned"},
                               {"comment", "room conditions logged; no product impact"}}}));
  ASSERT_EQ(reviewed.status, 200) << reviewed.Describe();
  EXPECT_EQ(reviewed.json()["batch_record"]["state"], "ready_for_release");
  EXPECT_EQ(reviewed.json()["batch_record"]["review"]["exceptions"][0]["status"], "dispositioned");
  const std::string hash = reviewed.json()["batch_record"]["content_hash"];
  EXPECT_EQ(hash, r["content_hash"]);  // the review is not content

  head = HeadSeq(http());
  HttpReply sealed = Release();
  ASSERT_EQ(sealed.status, 200) << sealed.Describe();
  const Json b = sealed.json()["batch_record"];
  EXPECT_EQ(b["state"], "released");
  EXPECT_EQ(b["release"]["versions"][0]["content_hash"], hash);
  const std::int64_t checkpoint_seq = sealed.json()["checkpoint_seq"];

  // The ledger: the release signature, the lot's own signature and release, then the
  // sealing event whose seq the signed checkpoint covers.
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 4u) << error;
  EXPECT_EQ(entries[0]["type"], "signature.applied");
  EXPECT_EQ(entries[0]["payload"]["meaning"], "released");
  EXPECT_EQ(entries[0]["payload"]["record_kind"], "batch_record");
  EXPECT_EQ(entries[1]["type"], "signature.applied");
  EXPECT_EQ(entries[2]["type"], "lots.lot_released");
  EXPECT_EQ(entries[3]["type"], "batchrecord.released");
  EXPECT_EQ(entries[3]["payload"]["content_hash"], hash);
  EXPECT_EQ(entries[3]["payload"]["checkpoint_seq"], entries[3]["seq"]);
  EXPECT_EQ(checkpoint_seq, entries[3]["seq"].get<std::int64_t>());
  HttpReply lot = http().Get("/api/v1/lots/FG-BR-0001", supervisor_);
  EXPECT_EQ(lot.json()["lot"]["status"], "released") << lot.Describe();
  // The checkpoint was signed at that seq: the chain verifies.
  HttpReply verify = http().Get("/api/v1/ledger/verify", admin_);
  if (verify.status == 200) EXPECT_TRUE(verify.json().value("ok", false)) << verify.Describe();

  // Sealed once: a second release is refused; the version is retrievable.
  head = HeadSeq(http());
  ExpectReason(Release(), 422, "failed_precondition", "already_released");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply v1 = http().Get(kRecord + "/versions/1", supervisor_);
  ASSERT_EQ(v1.status, 200) << v1.Describe();
  ExpectDocumented("get", "/api/v1/orders/{id}/batch-record/versions/{n}", v1);
  ExpectDocumented("post", "/api/v1/orders/{id}/batch-record/release", sealed);
  ExpectDocumented("post", "/api/v1/orders/{id}/batch-record/review", reviewed);
  ExpectDocumented("get", "/api/v1/orders/{id}/batch-record", http().Get(kRecord, quality_));
  EXPECT_EQ(v1.json()["content_hash"], hash);
  EXPECT_EQ(v1.json()["record"]["order_id"], kOrder);

  // Printable: escaped HTML with the hash and page numbers, exceptions first.
  HttpReply html = http().Get(kRecord + "?format=html", supervisor_);
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_NE(html.Header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(html.body.find(hash), std::string::npos);
  EXPECT_NE(html.body.find("counter(page)"), std::string::npos);
  EXPECT_LT(html.body.find("<h2>Exceptions"), html.body.find("<h2>Operations"));
  // Its inline print CSS is allowed by its own policy; nothing else is (ORDO-BR-42).
  const std::string csp = html.Header("content-security-policy");
  EXPECT_NE(csp.find("style-src 'unsafe-inline'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("script-src"), std::string::npos) << csp;
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  HttpReply v1_html = http().Get(kRecord + "/versions/1?format=html", supervisor_);
  EXPECT_NE(v1_html.Header("content-security-policy").find("style-src 'unsafe-inline'"),
            std::string::npos);
}

TEST_F(BatchRecordApiTest, YieldOutOfLimitsAndACorrectionAfterReleaseAmendTheRecord) {
  ORDO_VERIFIES("ORDO-BR-12", "ORDO-BR-19", "ORDO-BR-20", "ORDO-BR-26", "ORDO-BR-27", "ORDO-BR-28",
                "ORDO-BR-41", "DI-08", "A11-13", "P11-13");
  Run(20, 90);  // in limits; yield 90 % is below 95 %
  if (HasFatalFailure()) return;
  Json r = Record();
  ASSERT_EQ(r["exceptions"].size(), 1u) << r["exceptions"].dump(1);
  EXPECT_EQ(r["exceptions"][0]["kind"], "yield_out_of_limits");
  ASSERT_EQ(Review(Json::array({Json{{"exception_id", r["exceptions"][0]["id"]},
                                     {"outcome", "acknowledged"},
                                     {"comment", "spillage recorded"}}}))
                .status,
            200);
  HttpReply sealed = Release();
  ASSERT_EQ(sealed.status, 200) << sealed.Describe();
  const std::string first = sealed.json()["batch_record"]["content_hash"];

  // A deviation opened afterwards changes the content: the record shows amended.
  HttpReply dv =
      Post("/api/v1/deviations",
           Json{{"order_id", kOrder}, {"operation", "10"}, {"title", "late finding"}}, quality_);
  ASSERT_EQ(dv.status, 201) << dv.Describe();
  const std::string id = dv.json()["deviation"]["id"];
  Json amended = Record();
  EXPECT_EQ(amended["state"], "amended");
  EXPECT_EQ(amended["amendment"]["previous_hash"], first);
  EXPECT_FALSE(amended["amendment"]["changed"].empty());
  // The quality worklist shows it again (ORDO-BR-41).
  bool listed = false;
  const Json work = http().Get("/api/v1/worklist", quality_).json();
  for (const auto& item : work["items"])
    listed = listed || (item.value("id", "") == kOrder &&
                        item.value("state", "") == "amended: release again");
  EXPECT_TRUE(listed) << work.dump();
  // Released again only once the deviation is dispositioned, with a reason.
  std::int64_t head = HeadSeq(http());
  HttpReply blocked = Release(Json{{"reason", "late finding"}});
  ExpectReason(blocked, 422, "failed_precondition", "open_deviation");
  EXPECT_NE(blocked.json().value("detail", "").find(id), std::string::npos);
  EXPECT_EQ(HeadSeq(http()), head);
  ApiUser qa2 = CreateUser("qa.br", Json::array({"quality"}));
  HttpReply dispo = Post("/api/v1/deviations/" + id + "/disposition",
                         Json{{"disposition", "use_as_is"},
                              {"comment", "no impact"},
                              {"signature", Sig(qa2.name, qa2.password)["signature"]}},
                         qa2.token);
  ASSERT_EQ(dispo.status, 200) << dispo.Describe();
  head = HeadSeq(http());
  ExpectReason(Release(), 400, "invalid_argument", "reason_required", "reason");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply again = Release(Json{{"reason", "deviation found after release, dispositioned"}});
  ASSERT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["batch_record"]["state"], "released");
  EXPECT_EQ(again.json()["batch_record"]["release"]["versions"].size(), 2u);
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_GE(entries.size(), 3u) << error;
  const Json& amend = entries[entries.size() - 2];
  EXPECT_EQ(amend["type"], "batchrecord.amended");
  EXPECT_EQ(amend["payload"]["previous_hash"], first);
  EXPECT_EQ(amend["payload"]["reason"], "deviation found after release, dispositioned");
  // Version 1 is still the first sealed record.
  HttpReply v1 = http().Get(kRecord + "/versions/1", quality_);
  EXPECT_EQ(v1.json()["content_hash"], first) << v1.Describe();
  HttpReply v2 = http().Get(kRecord + "/versions/2", quality_);
  EXPECT_NE(v2.json()["content_hash"], first) << v2.Describe();
}

TEST_F(BatchRecordApiTest, TheCliExportsAndVerifiesAndNamesTheFirstDifferingPath) {
  ORDO_VERIFIES("ORDO-BR-29", "ORDO-BR-30", "ORDO-BR-31", "DI-08", "A11-06");
  Run(20, 100);
  if (HasFatalFailure()) return;
  ASSERT_EQ(Release().status, 200);
  const Credentials& qa = sandbox_.user("quality");
  const std::string pw = sandbox_.file("qa.pw");
  {
    std::ofstream out(pw);
    out << qa.password << "\n";
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  auto run = [&](std::vector<std::string> args) {
    for (const std::string& a : {std::string("--server"), url, std::string("--user"), qa.name,
                                 std::string("--password-file"), pw})
      args.push_back(a);
    return sandbox_.Ordo(args);
  };
  const std::string json_file = sandbox_.file("br.json");
  const std::string html_file = sandbox_.file("br.html");
  RunResult exported = run({"batch-record", "export", kOrder, "--to", json_file});
  ASSERT_EQ(exported.status.code, 0) << exported.Describe();
  RunResult printed = run({"batch-record", "export", kOrder, "--to", html_file, "--html"});
  ASSERT_EQ(printed.status.code, 0) << printed.Describe();
  EXPECT_NE(ReadFile(html_file).find("<!DOCTYPE html>"), std::string::npos);

  RunResult ok = run({"ledger", "verify", "--record", json_file});
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
  EXPECT_NE(ok.out.find("OK: the file is sealed version 1"), std::string::npos) << ok.Describe();

  // Edit one value of the export: named, exit 1.
  Json edited = Json::parse(ReadFile(json_file));
  edited["operations"][0]["parameters"][0]["value"] = 21;
  const std::string edited_file = sandbox_.file("br-edited.json");
  WriteFile(edited_file, edited.dump(2));
  RunResult differs = run({"ledger", "verify", "--record", edited_file});
  EXPECT_EQ(differs.status.code, 1) << differs.Describe();
  EXPECT_NE(differs.err.find("first differing path: operations[0].parameters[0].value"),
            std::string::npos)
      << differs.Describe();
  // Review and release blocks are not content: a file without them verifies its content;
  // an emptied review block no longer matches the ledger's.
  Json relabelled = Json::parse(ReadFile(json_file));
  relabelled.erase("review");
  relabelled.erase("release");
  WriteFile(edited_file, relabelled.dump());
  EXPECT_EQ(run({"ledger", "verify", "--record", edited_file}).status.code, 0);
  relabelled = Json::parse(ReadFile(json_file));
  relabelled["review"] = Json::object();
  WriteFile(edited_file, relabelled.dump());
  EXPECT_EQ(run({"ledger", "verify", "--record", edited_file}).status.code, 1);
  RunResult usage = sandbox_.Ordo({"ledger", "verify", "--record", edited_file});
  EXPECT_EQ(usage.status.code, 2) << usage.Describe();
}

TEST_F(BatchRecordApiTest, TheReleaseReleasesTheSublotsOfTheOrder) {
  ORDO_VERIFIES("ORDO-BR-39", "IND-05");
  Run(22, 100);
  if (HasFatalFailure()) return;
  HttpReply split =
      Post("/api/v1/lots/FG-BR-0001/split",
           Json{{"sublot", "FG-BR-0001-A"}, {"quantity", 30}, {"reason", "sample"}}, supervisor_);
  ASSERT_EQ(split.status, 200) << split.Describe();
  HttpReply sealed = Release();
  ASSERT_EQ(sealed.status, 200) << sealed.Describe();
  for (const char* lot : {"FG-BR-0001", "FG-BR-0001-A"}) {
    HttpReply l = http().Get(std::string("/api/v1/lots/") + lot, supervisor_);
    EXPECT_EQ(l.json()["lot"]["status"], "released") << l.Describe();
  }
}

TEST_F(BatchRecordApiTest, ADeviationOnAConsumedLotBlocksTheRelease) {
  ORDO_VERIFIES("ORDO-BR-40", "P11-13");
  Run(22, 100);
  if (HasFatalFailure()) return;
  // Opened on another order, naming the component lot consumed into this batch.
  HttpReply dv = Post("/api/v1/deviations",
                      Json{{"order_id", "WO-DEMO-1002"},
                           {"lots", Json::array({"L-BR-API"})},
                           {"title", "supplier recall of the drum"}},
                      quality_);
  ASSERT_EQ(dv.status, 201) << dv.Describe();
  const std::string id = dv.json()["deviation"]["id"];
  const std::int64_t head = HeadSeq(http());
  HttpReply blocked = Release();
  ExpectReason(blocked, 422, "failed_precondition", "open_deviation");
  EXPECT_NE(blocked.json().value("detail", "").find(id), std::string::npos) << blocked.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(BatchRecordApiTest, TheDemoPenInjectorRecordListsItsSerials) {
  ORDO_VERIFIES("ORDO-BR-38", "IND-01");
  HttpReply r = http().Get("/api/v1/orders/WO-DEMO-1001/batch-record", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json record = r.json()["batch_record"];
  const Json& serials = record["produced_serials"];
  ASSERT_EQ(serials.size(), 500u);
  std::set<std::string> ids;
  for (const auto& s : serials) {
    ids.insert(s["serial"].get<std::string>());
    EXPECT_EQ(s["work_unit"], "WU-LASER-01");
    EXPECT_FALSE(s["produced"]["by"].get<std::string>().empty());
  }
  EXPECT_EQ(ids.size(), 500u);
  EXPECT_TRUE(record["consumed_serials"].is_array());
  EXPECT_EQ(record["quantities"]["actual_basis"], "produced_serials");
  EXPECT_EQ(record["quantities"]["actual_base"], 500.0);
  ExpectDocumented("get", "/api/v1/orders/{id}/batch-record", r);
}

TEST_F(BatchRecordApiTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  ORDO_VERIFIES("ORDO-BR-15", "ORDO-BR-16", "ORDO-BR-32", "ORDO-API-02", "P11-17");
  // Unknown order, version, format.
  ExpectReason(http().Get("/api/v1/orders/WO-NONE/batch-record", quality_), 404, "not_found",
               "order_missing", "id");
  ExpectReason(http().Get(kRecord + "/versions/1", quality_), 404, "not_found", "version_missing",
               "n");
  ExpectProblem(http().Get(kRecord + "/versions/zero", quality_), 400, "invalid_argument", "n");
  ExpectProblem(http().Get(kRecord + "?format=pdf", quality_), 400, "invalid_argument", "format");
  // Roles: operators may not read; supervisors may not review or release.
  ExpectProblem(http().Get(kRecord, operator_), 403, "permission_denied");
  ExpectProblem(http().Get(kRecord), 401, "unauthenticated");
  Run(30, 100);
  if (HasFatalFailure()) return;
  const std::string ex = Record()["exceptions"][0]["id"];
  const std::int64_t head = HeadSeq(http());
  ExpectProblem(
      Post(kRecord + "/review",
           Json{{"items", Json::array({Json{{"exception_id", ex}, {"outcome", "acknowledged"}}})}},
           supervisor_),
      403, "permission_denied");
  ExpectProblem(Post(kRecord + "/release", SigOf("supervisor"), supervisor_), 403,
                "permission_denied");
  // Malformed bodies, wrong outcome, unknown exception, missing signature.
  ExpectProblem(Post(kRecord + "/review", Json::object(), quality_), 400, "invalid_argument",
                "items");
  ExpectProblem(Post(kRecord + "/review", Json{{"items", "EX-1"}}, quality_), 400,
                "invalid_argument", "items");
  ExpectReason(Review(Json::array({Json{{"exception_id", ex}, {"outcome", "ignored"}}})), 400,
               "invalid_argument", "unknown_value", "items[0].outcome");
  ExpectReason(Review(Json::array({Json{{"exception_id", ex}, {"outcome", "dispositioned"}}})), 400,
               "invalid_argument", "comment_required", "items[0].comment");
  HttpReply unknown =
      Review(Json::array({Json{{"exception_id", "EX-999999"}, {"outcome", "acknowledged"}}}));
  ExpectReason(unknown, 400, "invalid_argument", "unknown_exception", "items[0].exception_id");
  EXPECT_NE(unknown.json().value("detail", "").find("EX-999999"), std::string::npos);
  ExpectReason(Review(Json::array({Json{{"exception_id", ex}, {"outcome", "acknowledged"}},
                                   Json{{"exception_id", ex}, {"outcome", "acknowledged"}}})),
               400, "invalid_argument", "duplicate_item", "items[1].exception_id");
  ExpectProblem(Post(kRecord + "/release", Json::object(), quality_), 400, "invalid_argument",
                "signature");
  ExpectProblem(
      Post("/api/v1/orders/WO-NONE/batch-record/review",
           Json{{"items", Json::array({Json{{"exception_id", ex}, {"outcome", "acknowledged"}}})}},
           quality_),
      404, "not_found", "id");
  EXPECT_EQ(HeadSeq(http()), head);
}

}  // namespace
}  // namespace ordo::testing
