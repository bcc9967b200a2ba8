// Master data, signing and personnel endpoints refuse bad input with a problem naming
// the field, and write nothing to the ledger.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

TEST_F(MasterdataTest, BadInputIsRefusedWithAProblemAndWritesNothing) {
  ORDO_VERIFIES("A11-03", "ORDO-API-01", "ORDO-MD-01");
  const std::string cr = CrWithChangedLimit();
  ASSERT_FALSE(cr.empty());
  const std::string operator_id = std::to_string(UserId(sandbox_.user("operator").name));
  const Credentials& e = sandbox_.user("engineer");
  const std::string op = TokenFor("operator");
  const std::int64_t head = HeadSeq(http());
  ASSERT_GT(head, 0);

  const Json routing = Effective("routing", kRouting);
  Json bad_limit = routing;
  bad_limit["operations"][1]["parameters"][0]["high"] = "fast";
  Json no_name = routing;
  no_name.erase("name");
  auto sig = [&](Json fields) { return Json{{"signature", fields}}.dump(); };
  auto open = [](Json extra) {
    Json body{{"title", "t"}, {"description", "d"}, {"reason", "r"}};
    if (extra.is_object()) body.update(extra);
    return body.dump();
  };

  struct Case {
    std::string name, method, target, body, token;
    int status;
    std::string code, field;
  };
  const std::string items = "/api/v1/change-requests/" + cr + "/items/routing/" + kRouting;
  const std::string submit = "/api/v1/change-requests/" + cr + "/submit";
  const std::string md = "/api/v1/masterdata/routing/" + kRouting;
  const std::string q = quality_, a = admin_, en = engineer_;
  const std::string settings_item = "/api/v1/change-requests/" + cr + "/items/site_settings/site";
  auto settings = [](Json changes) {
    Json content{{"id", "site"},
                 {"name", "Site settings"},
                 {"approvals_required", 1},
                 {"signing_password_only", false},
                 {"password_min_length", 15},
                 {"password_expiry_days", 0}};
    content.update(changes);
    return Json{{"content", content}}.dump();
  };
  const std::vector<Case> cases = {
      {"unknown kind list", "GET", "/api/v1/masterdata/widget", "", en, 404, "not_found", "kind"},
      {"unknown kind object", "GET", "/api/v1/masterdata/widget/W-1", "", en, 404, "not_found",
       "kind"},
      {"unknown object", "GET", "/api/v1/masterdata/routing/RT-NOPE", "", en, 404, "not_found", ""},
      {"validate unknown kind", "POST", "/api/v1/masterdata/validate",
       R"({"kind":"widget","content":{}})", en, 400, "invalid_argument", "kind"},
      {"validate content not an object", "POST", "/api/v1/masterdata/validate",
       R"({"kind":"routing","content":[1]})", en, 400, "invalid_argument", "content"},
      {"draft unknown field", "PUT", items, Json{{"content", routing}, {"colour", "red"}}.dump(),
       en, 400, "invalid_argument", "colour"},
      {"draft content a string", "PUT", items, R"({"content":"routing"})", en, 400,
       "invalid_argument", "content"},
      {"draft content an array", "PUT", items, R"({"content":[]})", en, 400, "invalid_argument",
       "content"},
      {"draft without content", "PUT", items, R"({"action":"define"})", en, 400, "invalid_argument",
       "content"},
      {"draft action wrong type", "PUT", items, Json{{"content", routing}, {"action", 5}}.dump(),
       en, 400, "invalid_argument", "action"},
      {"draft unknown action", "PUT", items,
       Json{{"content", routing}, {"action", "destroy"}}.dump(), en, 400, "invalid_argument",
       "action"},
      {"draft invalid limit", "PUT", items, Json{{"content", bad_limit}}.dump(), en, 400,
       "invalid_argument", "content." + kLimitPath},
      {"draft without name", "PUT", items, Json{{"content", no_name}}.dump(), en, 400,
       "invalid_argument", "content.name"},
      {"draft in unknown CR", "PUT", "/api/v1/change-requests/CR-999999/items/routing/" + kRouting,
       Json{{"content", routing}}.dump(), en, 404, "not_found", ""},
      {"draft by quality", "PUT", items, Json{{"content", routing}}.dump(), q, 403,
       "permission_denied", ""},
      {"unknown CR", "GET", "/api/v1/change-requests/CR-999999", "", en, 404, "not_found", ""},
      {"version not a number", "GET", md + "/versions/abc", "", en, 400, "invalid_argument",
       "version"},
      {"version 0", "GET", md + "/versions/0", "", en, 400, "invalid_argument", "version"},
      {"version missing", "GET", md + "/versions/99", "", en, 404, "not_found", ""},
      {"diff from=x", "GET", md + "/diff?from=x&to=1", "", en, 400, "invalid_argument", "from"},
      {"diff without to", "GET", md + "/diff?from=1", "", en, 400, "invalid_argument", "to"},
      {"diff to=99", "GET", md + "/diff?from=1&to=99", "", en, 404, "not_found", "to"},
      {"bad effective_from", "POST", "/api/v1/change-requests",
       open({{"effective_from", "tomorrow"}}), en, 400, "invalid_argument", "effective_from"},
      {"effective_from a number", "POST", "/api/v1/change-requests",
       open({{"effective_from", 1700000000}}), en, 400, "invalid_argument", "effective_from"},
      {"effective_from without offset", "POST", "/api/v1/change-requests",
       open({{"effective_from", "2030-01-01T06:00:00"}}), en, 400, "invalid_argument",
       "effective_from"},
      {"title too long", "POST", "/api/v1/change-requests",
       open({{"title", std::string(201, 't')}}), en, 400, "invalid_argument", "title"},
      {"empty title", "POST", "/api/v1/change-requests", open({{"title", ""}}), en, 400,
       "invalid_argument", "title"},
      {"reason too long", "POST", "/api/v1/change-requests",
       open({{"reason", std::string(1001, 'r')}}), en, 400, "invalid_argument", "reason"},
      {"CR unknown field", "POST", "/api/v1/change-requests", open({{"priority", "high"}}), en, 400,
       "invalid_argument", "priority"},
      {"operator opens a CR", "POST", "/api/v1/change-requests", open({}), op, 403,
       "permission_denied", ""},
      {"signature not an object", "POST", submit, R"({"signature":"secret"})", en, 400,
       "invalid_argument", "signature"},
      {"signature missing", "POST", submit, "{}", en, 400, "invalid_argument", "signature"},
      {"unknown signature field", "POST", submit,
       sig({{"user", e.name}, {"password", e.password}, {"role", "engineer"}}), en, 400,
       "invalid_argument", "signature.role"},
      {"signature user a number", "POST", submit, sig({{"user", 7}, {"password", e.password}}), en,
       400, "invalid_argument", "signature.user"},
      {"signature without password", "POST", submit, sig({{"user", e.name}}), en, 400,
       "invalid_argument", "signature.password"},
      {"signature wrong meaning", "POST", submit,
       sig({{"user", e.name}, {"password", e.password}, {"meaning", "approved"}}), en, 400,
       "invalid_argument", "signature.meaning"},
      {"signature comment too long", "POST", submit,
       sig({{"user", e.name}, {"password", e.password}, {"comment", std::string(1001, 'c')}}), en,
       400, "invalid_argument", "signature.comment"},
      {"signature user too long", "POST", submit,
       sig({{"user", std::string(65, 'u')}, {"password", e.password}}), en, 400, "invalid_argument",
       "signature.user"},
      {"withdraw without reason", "POST", "/api/v1/change-requests/" + cr + "/withdraw", "{}", en,
       400, "invalid_argument", "reason"},
      {"approvals_required 0", "PUT", settings_item, settings({{"approvals_required", 0}}), en, 400,
       "invalid_argument", "content.approvals_required"},
      {"approvals_required 9", "PUT", settings_item, settings({{"approvals_required", 9}}), en, 400,
       "invalid_argument", "content.approvals_required"},
      {"approvals_required a string", "PUT", settings_item, settings({{"approvals_required", "2"}}),
       en, 400, "invalid_argument", "content.approvals_required"},
      {"signing_password_only a string", "PUT", settings_item,
       settings({{"signing_password_only", "yes"}}), en, 400, "invalid_argument",
       "content.signing_password_only"},
      {"password_min_length 7", "PUT", settings_item, settings({{"password_min_length", 7}}), en,
       400, "invalid_argument", "content.password_min_length"},
      {"password_expiry_days 3651", "PUT", settings_item,
       settings({{"password_expiry_days", 3651}}), en, 400, "invalid_argument",
       "content.password_expiry_days"},
      {"settings with another id", "PUT",
       "/api/v1/change-requests/" + cr + "/items/site_settings/plant-2", settings(Json::object()),
       en, 400, "invalid_argument", "id"},
      {"settings made obsolete", "PUT", settings_item,
       Json{{"content", Json::object()}, {"action", "obsolete"}}.dump(), en, 400,
       "invalid_argument", "action"},
      {"settings drafted by admin", "PUT", settings_item, settings(Json::object()), a, 403,
       "permission_denied", ""},
      {"policy without text", "PUT",
       "/api/v1/change-requests/" + cr + "/items/signature_policy/site",
       Json{{"content", {{"id", "site"}, {"name", "Signature policy"}, {"text", ""}}}}.dump(), en,
       400, "invalid_argument", "content.text"},
      {"settings changed without a change request", "PUT", "/api/v1/site/settings",
       R"({"approvals_required":2,"reason":"r"})", a, 405, "invalid_argument", "method"},
      {"policy published without a change request", "POST", "/api/v1/signature-policy",
       R"({"text":"new policy"})", a, 405, "invalid_argument", "method"},
      {"acknowledge version a string", "POST", "/api/v1/signature-policy/acknowledge",
       Json{{"version", "1"}, {"password", e.password}}.dump(), en, 400, "invalid_argument",
       "version"},
      {"grant bad expires", "POST", "/api/v1/personnel/qualifications",
       R"({"user_id":)" + operator_id + R"(,"qualification":"GMP-BASIC","expires":"2026-13-45"})",
       q, 400, "invalid_argument", "expires"},
      {"grant expires not a date", "POST", "/api/v1/personnel/qualifications",
       R"({"user_id":)" + operator_id + R"(,"qualification":"GMP-BASIC","expires":"tomorrow"})", q,
       400, "invalid_argument", "expires"},
      {"grant user_id a string", "POST", "/api/v1/personnel/qualifications",
       R"({"user_id":"x","qualification":"GMP-BASIC"})", q, 400, "invalid_argument", "user_id"},
      {"grants user_id=x", "GET", "/api/v1/personnel/qualifications?user_id=x", "", q, 400,
       "invalid_argument", "user_id"},
      {"rename id not a number", "PATCH", "/api/v1/users/abc",
       R"({"display_name":"X","reason":"r"})", a, 400, "invalid_argument", "id"},
      {"rename display_name too long", "PATCH", "/api/v1/users/" + operator_id,
       Json{{"display_name", std::string(201, 'n')}, {"reason", "r"}}.dump(), a, 400,
       "invalid_argument", "display_name"},
      {"security events limit=0", "GET", "/api/v1/security/events?limit=0", "", a, 400,
       "invalid_argument", "limit"},
      {"apply files not an array", "POST", "/api/v1/plant/apply", R"({"files":"x.yaml"})", en, 400,
       "invalid_argument", "files"},
      {"apply no files", "POST", "/api/v1/plant/apply", R"({"files":[]})", en, 400,
       "invalid_argument", "files"},
      {"apply file without text", "POST", "/api/v1/plant/apply", R"({"files":[{"path":"a.yaml"}]})",
       en, 400, "invalid_argument", "files[0]"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Headers headers;
    if (!c.body.empty()) headers.emplace_back("Content-Type", "application/json");
    HttpReply r = http().Request(c.method, c.target, c.body, c.token, headers);
    ExpectProblem(r, c.status, c.code, c.field);
    EXPECT_EQ(HeadSeq(http()), head) << "a refused request moved the ledger head";
  }
  // Everything is as before.
  Json after = GetCr(cr);
  EXPECT_EQ(after["state"], "open");
  EXPECT_EQ(after["items"].size(), 1u);
  EXPECT_EQ(Effective("routing", kRouting), routing);
}

}  // namespace
}  // namespace ordo::testing
