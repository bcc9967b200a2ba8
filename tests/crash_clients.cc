// The crash test's clients (crash_clients.h).
#include "crash_clients.h"

namespace ordo::testing {

void RunLotHandler(LotHandler& h, std::uint64_t salt, const HttpClient& c,
                   const std::string& quality_token, const std::string& supervisor_token,
                   const Json& signature) {
  for (;;) {
    const std::string base =
        "CRL-" + std::to_string(salt % 100000) + "-c" + std::to_string(h.cycle);
    const std::string parent = base + "-P", a = base + "-A", b = base + "-B";
    const std::string key =
        "l" + std::to_string(salt) + "-" + std::to_string(h.cycle) + "-" + std::to_string(h.step);
    std::string path, token = quality_token, done;
    Json body = Json::object();
    int expected = 200;
    switch (h.step) {
      case 0:
        path = "/api/v1/lots";
        body = {{"lot", parent},         {"material", "RM-PCM-API"}, {"supplier", "Acme"},
                {"supplier_lot", base},  {"quantity", 10},           {"unit", "kg"},
                {"expiry", "2099-01-31"}};
        token = supervisor_token;
        expected = 201;
        done = "received:" + parent;
        break;
      case 1:
      case 2:
        path = "/api/v1/lots/" + parent + "/split";
        body = {{"sublot", h.step == 1 ? a : b}, {"quantity", h.step}, {"reason", "crash loop"}};
        done = "split:" + (h.step == 1 ? a : b);
        break;
      case 3:
      case 4:
        path = "/api/v1/lots/" + (h.step == 3 ? a : b) + "/release";
        body = signature;
        done = "released:" + (h.step == 3 ? a : b);
        break;
      case 5:
        path = "/api/v1/lots/" + a + "/merge";
        body = {{"from", {b}}, {"reason", "crash loop"}};
        done = "merged:" + a;
        break;
      default:
        path = "/api/v1/lots/" + a + "/move";
        body = {{"location", "WH-CRASH-" + std::to_string(h.cycle)}};
        done = "moved:" + a;
    }
    HttpReply r = c.Post(path, body, token, {{"Idempotency-Key", key}});
    if (r.status == 0) return;  // killed: this step is sent again after the restart
    if (r.status != expected) {
      h.failure = path + " (cycle " + std::to_string(h.cycle) + ", step " + std::to_string(h.step) +
                  "): " + r.Describe();
      return;
    }
    if (r.Header("idempotent-replayed") == "true") ++h.replays;
    h.acked.push_back(done);
    if (++h.step == kHandlingSteps) {
      h.step = 0;
      ++h.cycle;
    }
  }
}

// Runs the terminal until the server dies (status 0) or misbehaves (failure set).
void RunTerminal(Terminal& term, int index, std::uint64_t salt, const HttpClient& c,
                 const std::string& operator_token, const std::string& supervisor_token) {
  for (;;) {
    const std::string order = "CR-" + std::to_string(salt % 100000) + "-t" + std::to_string(index) +
                              "-c" + std::to_string(term.cycle);
    const std::string op = "/api/v1/orders/" + order + "/operations/10/";
    const std::string key = "x" + std::to_string(salt) + "-" + std::to_string(index) + "-" +
                            std::to_string(term.cycle) + "-" + std::to_string(term.step);
    std::string path = op;
    Json body = Json::object();
    std::string token = operator_token;
    int expected = 200;
    const int s = term.step;
    if (s == 0) {
      path = "/api/v1/orders";
      body = {{"order_id", order}, {"product", "PD-PCM500-20"}, {"quantity", 1500},
              {"unit", "ea"},      {"due_date", "2030-06-28"},  {"priority", 5}};
      token = supervisor_token;
      expected = 201;
    } else if (s == 1) {
      path = "/api/v1/orders/" + order + "/release";
      token = supervisor_token;
    } else if (s == 2) {
      path += "start";
      body = {{"work_unit", term.work_unit}};
    } else if (s == 3) {
      path += "acknowledge-instructions";
    } else if (s < 4 + kConsumes) {
      path += "consume";
      body = {{"lot", kCrashLot}, {"quantity", s - 3}, {"unit", "g"}};
    } else if (s == 4 + kConsumes) {
      path += "characteristics";
      body = {{"name", "net_weight_deviation"}, {"values", {0.1}}};
    } else {
      path += "complete";
      body = {{"good", 1500}};
    }
    HttpReply r = c.Post(path, body, token, {{"Idempotency-Key", key}});
    if (r.status == 0) return;  // killed: this step is sent again after the restart
    if (r.status != expected) {
      term.failure = path + " (cycle " + std::to_string(term.cycle) + ", step " +
                     std::to_string(s) + "): " + r.Describe();
      return;
    }
    if (r.Header("idempotent-replayed") == "true") ++term.replays;
    if (s >= 4 && s < 4 + kConsumes) {
      term.acked.emplace_back(order, s - 3);
      ++term.consumes;
    }
    if (++term.step == kSteps) {
      term.step = 0;
      ++term.cycle;
    }
  }
}

namespace {

const char* const kReleaseRouting = "RT-CRASH-BR";

std::string Failed(const std::string& what, const HttpReply& r) {
  return what + ": " + r.Describe();
}

}  // namespace

std::string SetUpReleaseProduct(const HttpClient& c, const Credentials& engineer,
                                const Credentials& quality, const Credentials& admin,
                                Credentials* reviewer) {
  HttpReply r;
  // The releaser's own quality account: the lot handler signs as the demo's quality user,
  // and one account's signings are checked one at a time.
  const std::string adm = Login(c, admin.name, admin.password, &r);
  if (adm.empty()) return Failed("admin login", r);
  *reviewer = {"crash-qa", "quality", StrongPassword("pw-crash-qa")};
  const std::string one_time = StrongPassword("one-time-crash-qa");
  r = c.Post("/api/v1/users",
             Json{{"name", reviewer->name},
                  {"display_name", "Crash Test Reviewer"},
                  {"roles", {"quality"}},
                  {"password", one_time}},
             adm);
  if (r.status != 201) return Failed("create reviewer", r);
  const std::string rev = FirstSignIn(c, reviewer->name, one_time, reviewer->password, &r);
  if (rev.empty()) return Failed("reviewer first sign-in", r);
  r = c.Post("/api/v1/signature-policy/acknowledge",
             Json{{"version", 1}, {"password", reviewer->password}}, rev);
  if (!r.ok()) return Failed("reviewer acknowledges the signature policy", r);
  const std::string eng = Login(c, engineer.name, engineer.password, &r);
  if (eng.empty()) return Failed("engineer login", r);
  const std::string qa = Login(c, quality.name, quality.password, &r);
  if (qa.empty()) return Failed("quality login", r);
  r = c.Post("/api/v1/change-requests",
             Json{{"title", "Crash test product"},
                  {"description", "one operation, for batch releases under SIGKILL"},
                  {"reason", "crash test"}},
             eng);
  if (r.status != 201) return Failed("open change request", r);
  const std::string cr = r.json()["change_request"].value("id", "");
  const Json routing{
      {"id", kReleaseRouting},
      {"name", "crash test batch release"},
      {"operations",
       Json::array({Json{{"id", "10"},
                         {"name", "Granulation"},
                         {"operation_class", "granulation"},
                         {"work_center_class", "granulation_suite"},
                         {"parameters", Json::array({Json{{"name", "binder_solution_temperature"},
                                                          {"unit", "C"},
                                                          {"low", 20},
                                                          {"high", 30},
                                                          {"source", "manual"}}})},
                         {"instructions", "Granulate."}}})}};
  const Json product{
      {"id", kReleaseProduct},
      {"name", "crash test batch release product"},
      {"material", "FG-PCM500-20"},
      {"routing", kReleaseRouting},
      {"bom",
       Json::array({Json{
           {"material", "RM-PCM-API"}, {"quantity", 0.01}, {"unit", "kg"}, {"operation", "10"}}})}};
  const std::string items = "/api/v1/change-requests/" + cr + "/items/";
  const Headers json{{"Content-Type", "application/json"}};
  r = c.Request("PUT", items + "routing/" + kReleaseRouting, Json{{"content", routing}}.dump(), eng,
                json);
  if (r.status != 200) return Failed("routing draft", r);
  r = c.Request("PUT", items + "product/" + kReleaseProduct, Json{{"content", product}}.dump(), eng,
                json);
  if (r.status != 200) return Failed("product draft", r);
  auto sig = [](const Credentials& u) {
    return Json{{"signature", {{"user", u.name}, {"password", u.password}}}};
  };
  r = c.Post("/api/v1/change-requests/" + cr + "/submit", sig(engineer), eng);
  if (r.status != 200) return Failed("submit", r);
  r = c.Post("/api/v1/change-requests/" + cr + "/approve", sig(quality), qa);
  if (r.status != 200) return Failed("approve", r);
  return "";
}

void RunBatchReleaser(BatchReleaser& b, std::uint64_t salt, const HttpClient& c,
                      const std::string& operator_token, const std::string& supervisor_token,
                      const std::string& quality_token, const Json& signature) {
  for (;;) {
    const std::string order =
        "CRB-" + std::to_string(salt % 100000) + "-c" + std::to_string(b.cycle);
    const std::string op = "/api/v1/orders/" + order + "/operations/10/";
    const std::string record = "/api/v1/orders/" + order + "/batch-record";
    const std::string key =
        "b" + std::to_string(salt) + "-" + std::to_string(b.cycle) + "-" + std::to_string(b.step);
    std::string path = op, token = operator_token;
    Json body = Json::object();
    int expected = 200;
    const int s = b.step;
    if (s == 0) {
      path = "/api/v1/orders";
      body = {{"order_id", order}, {"product", kReleaseProduct}, {"quantity", 100},
              {"unit", "ea"},      {"due_date", "2030-06-28"},   {"priority", 5}};
      token = supervisor_token;
      expected = 201;
    } else if (s == 1) {
      path = "/api/v1/orders/" + order + "/release";
      token = supervisor_token;
    } else if (s == 2) {
      path += "start";
      body = {{"work_unit", "WU-HSG-300"}};
    } else if (s == 3) {
      path += "acknowledge-instructions";
    } else if (s == 4) {
      path += "parameters";  // out of its limits (20..30 C) in odd cycles: an exception
      body = {{"name", "binder_solution_temperature"}, {"value", b.cycle % 2 ? 35 : 25}};
    } else if (s == 5) {
      path += "complete";
      body = {{"good", 100}};
    } else if (s == 6) {
      // Review by exception: the record's open exceptions, read first (a read changes
      // nothing; ids are ledger seqs, so a resend after a kill names the same ones).
      HttpReply got = c.Get(record, quality_token);
      if (got.status == 0) return;
      if (got.status != 200) {
        b.failure = Failed(record + " (cycle " + std::to_string(b.cycle) + ")", got);
        return;
      }
      const Json open = got.json()["batch_record"]["review"]["open"];
      if (open.empty()) {  // clean, or reviewed before the kill
        ++b.step;
        continue;
      }
      path = record + "/review";
      body = {{"items", Json::array()}};
      for (const Json& id : open)
        body["items"].push_back(
            {{"exception_id", id}, {"outcome", "acknowledged"}, {"comment", "crash loop"}});
      token = quality_token;
    } else {
      path = record + "/release";
      body = signature;
      token = quality_token;
    }
    HttpReply r = c.Post(path, body, token, {{"Idempotency-Key", key}});
    if (r.status == 0) return;  // killed: this step is sent again after the restart
    if (r.status != expected) {
      b.failure = path + " (cycle " + std::to_string(b.cycle) + ", step " + std::to_string(s) +
                  "): " + r.Describe();
      return;
    }
    if (r.Header("idempotent-replayed") == "true") ++b.replays;
    if (s == 6) ++b.reviews;
    if (s == kReleaseSteps - 1) {
      const Json j = r.json();
      b.acked[order] = {j["batch_record"].value("content_hash", ""),
                        j.value("checkpoint_seq", std::int64_t{0})};
    }
    if (++b.step == kReleaseSteps) {
      b.step = 0;
      ++b.cycle;
    }
  }
}

}  // namespace ordo::testing
