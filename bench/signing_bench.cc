// Signing benchmark: sign-in and a signed approval over HTTP against a ledger append and
// an unsigned read, one client at a time on the real server. See signing_bench.h.
#include "signing_bench.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http_support.h"

namespace ordo::bench {

namespace {

namespace http = boost::beast::http;
using nlohmann::json;

constexpr const char* kMaterial = "/api/v1/masterdata/material/RM-MGST";

// Sends and returns the parsed body; throws unless the status is `expected`.
json Call(Client& client, http::verb verb, const std::string& target, const json& body,
          int expected) {
  auto res = client.Send(verb, target, body.is_null() ? std::string() : body.dump());
  if (res.result_int() != expected)
    throw std::runtime_error(std::string(http::to_string(verb)) + " " + target + ": HTTP " +
                             std::to_string(res.result_int()) + " " + res.body());
  return res.body().empty() ? json() : json::parse(res.body());
}

// Signs in `user` on `client` and keeps the token on it.
void SignIn(Client& client, const std::string& user, const std::string& password) {
  json j = Call(client, http::verb::post, "/api/v1/session",
                json{{"user", user}, {"password", password}}, 200);
  client.set_token(j.at("token").get<std::string>());
}

json Signature(const std::string& user, const std::string& password) {
  return json{{"signature", {{"user", user}, {"password", password}}}};
}

// A change request in review (untimed): opened, the material renamed, submitted by the
// engineer with a signature. Returns its id.
std::string ChangeRequestInReview(Client& engineer, const std::string& password, int n) {
  json cr = Call(engineer, http::verb::post, "/api/v1/change-requests",
                 json{{"title", "Bench " + std::to_string(n)},
                      {"description", "rename the material"},
                      {"reason", "benchmark"}},
                 201);
  const std::string id = cr.at("change_request").at("id").get<std::string>();
  json object = Call(engineer, http::verb::get, kMaterial, json(), 200);
  json content;
  for (const auto& v : object.at("versions"))
    if (v.at("status") == "effective") content = v.at("content");
  if (content.is_null()) throw std::runtime_error("RM-MGST has no effective version");
  content["name"] = "Magnesium stearate, bench " + std::to_string(n);
  Call(engineer, http::verb::put, "/api/v1/change-requests/" + id + "/items/material/RM-MGST",
       json{{"content", content}}, 200);
  Call(engineer, http::verb::post, "/api/v1/change-requests/" + id + "/submit",
       Signature("engineer", password), 200);
  return id;
}

// Times `call` once, in milliseconds.
template <typename F>
double TimeMs(F&& call) {
  const auto t0 = SteadyClock::now();
  call();
  return SecondsSince(t0) * 1000.0;
}

}  // namespace

SigningRun RunSigningBench(const SigningBenchOptions& o) {
  static int counter = 0;
  ScratchDir dir(o.work_dir, "signing-" + std::to_string(counter++), o.keep);
  const DemoServer demo = StartDemoServer(o.ordo_bin, dir.path());
  SigningRun run;
  std::vector<double> appends, reads, sign_ins, approvals;
  try {
    Client op(demo.port), engineer(demo.port), quality(demo.port), fresh(demo.port);
    SignIn(op, "operator", demo.passwords.at("operator"));
    SignIn(engineer, "engineer", demo.passwords.at("engineer"));
    SignIn(quality, "quality", demo.passwords.at("quality"));
    const std::string q_password = demo.passwords.at("quality");
    int n = 0;
    std::string last_cr = ChangeRequestInReview(engineer, demo.passwords.at("engineer"), n++);
    for (int round = 0; round < o.rounds; ++round) {
      std::vector<double> a, r, s, p;
      for (int i = 0; i < o.appends; ++i)
        a.push_back(TimeMs([&] {
          Call(op, http::verb::post, "/api/v1/logbook",
               json{{"subject", "BENCH-1"},
                    {"category", "use"},
                    {"text", "Batch B-" + std::to_string(100000 + round * 1000 + i) +
                                 ": line clearance done, equipment clean and within "
                                 "calibration."}},
               201);
        }));
      for (int i = 0; i < o.reads; ++i)
        r.push_back(TimeMs([&] {
          Call(quality, http::verb::get, "/api/v1/change-requests/" + last_cr, json(), 200);
        }));
      for (int i = 0; i < o.sign_ins; ++i) {
        fresh.set_token("");
        std::string token;
        s.push_back(TimeMs([&] {
          json j = Call(fresh, http::verb::post, "/api/v1/session",
                        json{{"user", "quality"}, {"password", q_password}}, 200);
          token = j.at("token").get<std::string>();
        }));
        fresh.set_token(token);  // signed out again, untimed
        Call(fresh, http::verb::delete_, "/api/v1/session", json(), 204);
      }
      for (int i = 0; i < o.approvals; ++i) {
        const std::string cr = last_cr;
        p.push_back(TimeMs([&] {
          Call(quality, http::verb::post, "/api/v1/change-requests/" + cr + "/approve",
               Signature("quality", q_password), 200);
        }));
        last_cr = ChangeRequestInReview(engineer, demo.passwords.at("engineer"), n++);
      }
      appends.push_back(Median(a));
      reads.push_back(Median(r));
      sign_ins.push_back(Median(s));
      approvals.push_back(Median(p));
    }
  } catch (...) {
    StopServer(demo.pid);
    throw;
  }
  StopServer(demo.pid);
  run.append_ms = Median(appends);
  run.read_ms = Median(reads);
  run.sign_in_ms = Median(sign_ins);
  run.approve_ms = Median(approvals);
  return run;
}

}  // namespace ordo::bench
