#include "support/story_runner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <thread>

namespace ordo::testing {
namespace {

std::string UtcDate(std::int64_t offset_days) {
  const std::time_t t = std::time(nullptr) + offset_days * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string UtcTime(std::int64_t offset_minutes) {
  const std::time_t t = std::time(nullptr) + offset_minutes * 60;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "+N" / "-N" / "" -> N; false when it is not a number.
bool Offset(const std::string& s, std::int64_t* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  if (s[0] != '+' && s[0] != '-') return false;
  try {
    std::size_t used = 0;
    *out = std::stoll(s.substr(1), &used);
    if (used != s.size() - 1) return false;
    if (s[0] == '-') *out = -*out;
    return true;
  } catch (...) {
    return false;
  }
}

std::string Scalar(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

StoryRunner::StoryRunner(HttpClient client, const Sandbox& sandbox, Restart restart)
    : client_(std::move(client)), sandbox_(sandbox), restart_(std::move(restart)) {}

std::string StoryRunner::Expand(const std::string& text, std::string* error) const {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      *error = "unterminated ${ in '" + text + "'";
      return text;
    }
    out += text.substr(i, open - i);
    const std::string name = text.substr(open + 2, close - open - 2);
    std::int64_t n = 0;
    if (name.rfind("today", 0) == 0 && Offset(name.substr(5), &n)) {
      out += UtcDate(n);
    } else if (name.rfind("now", 0) == 0 && name.size() > 6 &&
               name.compare(name.size() - 3, 3, "min") == 0 &&
               Offset(name.substr(3, name.size() - 6), &n)) {
      out += UtcTime(n);
    } else if (auto it = vars_.find(name); it != vars_.end()) {
      out += Scalar(it->second);
    } else {
      *error = "unknown variable ${" + name + "}";
      return text;
    }
    i = close + 1;
  }
  return out;
}

Json StoryRunner::ExpandJson(const Json& value, std::string* error) const {
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    // A string that is exactly one variable keeps the saved value's JSON type.
    if (s.size() > 3 && s.rfind("${", 0) == 0 && s.find('}') == s.size() - 1) {
      auto it = vars_.find(s.substr(2, s.size() - 3));
      if (it != vars_.end()) return it->second;
    }
    return Expand(s, error);
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& v : value) out.push_back(ExpandJson(v, error));
    return out;
  }
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
      out[it.key()] = ExpandJson(it.value(), error);
    return out;
  }
  return value;
}

const Credentials& StoryRunner::CredentialsOf(const std::string& role) const {
  if (auto it = story_users_.find(role); it != story_users_.end()) return it->second;
  return sandbox_.user(role);
}

bool StoryRunner::CreateStoryUser(const Json& spec, std::string* error) {
  const std::string name = spec.value("name", "");
  if (name.empty() || !spec.contains("roles")) {
    *error = "a story user needs a name and roles: " + spec.dump();
    return false;
  }
  const std::string admin = TokenOf("admin", error);
  if (admin.empty()) return false;
  const std::string one_time = StrongPassword("one-time-" + name);
  const Credentials c{name, name, StrongPassword("pw-" + name)};
  HttpReply r = client_.Post("/api/v1/users",
                             Json{{"name", name},
                                  {"display_name", spec.value("display_name", name)},
                                  {"roles", spec["roles"]},
                                  {"password", one_time}},
                             admin);
  if (r.status != 201) {
    *error = "cannot create the story user " + name + ": " + r.Describe();
    return false;
  }
  vars_[name + ".id"] = r.json()["user"]["id"];
  HttpReply signed_in;
  const std::string token = FirstSignIn(client_, name, one_time, c.password, &signed_in);
  if (token.empty()) {
    *error = "cannot sign in as the story user " + name + ": " + signed_in.Describe();
    return false;
  }
  // Like every demo user, a story user has acknowledged the signature policy in force.
  HttpReply policy = client_.Get("/api/v1/signature-policy", token);
  const Json version = policy.json().is_object() && policy.json().contains("policy")
                           ? policy.json()["policy"].value("version", Json())
                           : Json();
  HttpReply ack = client_.Post("/api/v1/signature-policy/acknowledge",
                               Json{{"version", version}, {"password", c.password}}, token);
  if (!ack.ok()) {
    *error =
        "the story user " + name + " cannot acknowledge the signature policy: " + ack.Describe();
    return false;
  }
  story_users_[name] = c;
  tokens_[name] = token;
  return true;
}

std::string StoryRunner::TokenOf(const std::string& role, std::string* error) {
  if (role == "anonymous") return "";
  if (auto it = tokens_.find(role); it != tokens_.end()) return it->second;
  HttpReply reply;
  const Credentials& c = CredentialsOf(role);
  std::string token = Login(client_, c.name, c.password, &reply);
  if (token.empty()) *error = "cannot sign in as " + role + ": " + reply.Describe();
  tokens_[role] = token;
  return token;
}

void StoryRunner::Run(const Json& story) {
  const std::string title = story.value("story", "(untitled story)");
  const Json& steps = story.value("steps", Json::array());
  ASSERT_FALSE(steps.empty()) << title << ": no steps";
  for (const auto& spec : story.value("users", Json::array())) {
    std::string error;
    ASSERT_TRUE(CreateStoryUser(spec, &error)) << title << ": " << error;
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string where =
        title + ", step " + std::to_string(i + 1) +
        (steps[i].contains("note") ? " (" + Scalar(steps[i]["note"]) + ")" : std::string());
    if (!RunStep(steps[i], where)) return;
  }
}

bool StoryRunner::RunRestart(const Json& restart, const std::string& where) {
  const int days = restart.value("days_later", 0);
  std::string error;
  if (!restart_) error = "this runner cannot restart the server";
  if (error.empty() && days < 0) error = "days_later must be 0 or more";
  if (error.empty() && restart_(days, &client_, &error)) {
    tokens_.clear();  // everyone signs in again on the restarted server
    return true;
  }
  ADD_FAILURE() << where << ": restart: " << error;
  return false;
}

bool StoryRunner::RunStep(const Json& step, const std::string& where) {
  if (step.contains("restart")) return RunRestart(step["restart"], where);
  std::string error;
  const std::string role = step.value("as", "");
  if (role.empty()) {
    ADD_FAILURE() << where << ": no 'as'";
    return false;
  }
  const std::string token = TokenOf(role, &error);
  // ${user} and ${password}: the acting user's name and password (e.g. to acknowledge the
  // signature policy, which re-authenticates).
  if (role != "anonymous") {
    vars_["user"] = CredentialsOf(role).name;
    vars_["password"] = CredentialsOf(role).password;
  }
  const std::string request = Expand(step.value("request", ""), &error);
  Json body = ExpandJson(step.value("body", Json()), &error);
  if (!error.empty()) {
    ADD_FAILURE() << where << ": " << error;
    return false;
  }
  const auto space = request.find(' ');
  if (space == std::string::npos) {
    ADD_FAILURE() << where << ": request must be 'METHOD /path', got '" << request << "'";
    return false;
  }
  const std::string method = request.substr(0, space);
  const std::string target = request.substr(space + 1);
  // A signature without a password is completed with the actor's credentials.
  if (body.is_object() && body.contains("signature") && body["signature"].is_object()) {
    Json& sig = body["signature"];
    if (!sig.contains("user")) sig["user"] = CredentialsOf(role).name;
    if (!sig.contains("password")) sig["password"] = CredentialsOf(role).password;
  }
  Headers headers;
  if (step.contains("headers"))
    for (auto it = step["headers"].begin(); it != step["headers"].end(); ++it)
      headers.push_back({it.key(), Expand(Scalar(it.value()), &error)});
  if (!body.is_null()) headers.push_back({"Content-Type", "application/json"});

  // `wait`: seconds of plant time that pass before the request (e.g. to make an entry late).
  if (step.contains("wait"))
    std::this_thread::sleep_for(
        std::chrono::milliseconds(static_cast<std::int64_t>(step["wait"].get<double>() * 1000)));
  // Signing in moves the ledger: the reader of `recorded` signs in before the request.
  if (step.contains("recorded")) TokenOf("admin", &error);
  const std::int64_t head_before = HeadSeq(client_);
  HttpReply reply =
      client_.Request(method, target, body.is_null() ? std::string() : body.dump(), token, headers);
  const Json expect = step.value("expect", Json::object());
  bool ok = true;
  auto fail = [&](const std::string& what) {
    ADD_FAILURE() << where << ": " << method << " " << target << ": " << what << "\n"
                  << reply.Describe();
    ok = false;
  };
  const int status = expect.value("status", 0);
  if (status != 0 && reply.status != status)
    fail("status " + std::to_string(reply.status) + ", expected " + std::to_string(status));
  Json j = reply.json();
  // A refusal's stable code is the problem's reason when it has one, else its code.
  if (expect.contains("code")) {
    std::string got = j.is_object() ? j.value("reason", j.value("code", "")) : "";
    if (got != expect["code"])
      fail("refusal code '" + got + "', expected " + expect["code"].dump());
  }
  if (expect.contains("field")) {
    std::string got = j.is_object() ? j.value("field", "") : "";
    if (got != expect["field"]) fail("field '" + got + "', expected " + expect["field"].dump());
  }
  for (const char* key : {"json", "contains"}) {
    if (!expect.contains(key)) continue;
    for (auto it = expect[key].begin(); it != expect[key].end(); ++it) {
      Json::json_pointer ptr(it.key());
      if (!j.is_object() && !j.is_array()) {
        fail(std::string("no JSON body for ") + it.key());
        continue;
      }
      if (!j.contains(ptr)) {
        fail("no value at " + it.key());
        continue;
      }
      Json want = ExpandJson(it.value(), &error);
      const Json& got = j.at(ptr);
      if (std::string(key) == "json" && got != want)
        fail(it.key() + " is " + got.dump() + ", expected " + want.dump());
      if (std::string(key) == "contains" && Scalar(got).find(Scalar(want)) == std::string::npos)
        fail(it.key() + " is " + got.dump() + ", expected it to contain " + want.dump());
    }
  }
  if (step.contains("ledger")) {
    const std::int64_t head_after = HeadSeq(client_);
    const std::string ledger = step["ledger"];
    if (ledger == "unchanged" && head_after != head_before)
      fail("the ledger moved from " + std::to_string(head_before) + " to " +
           std::to_string(head_after));
    if (ledger == "moved" && head_after == head_before) fail("the ledger did not move");
  }
  if (step.contains("recorded")) CheckRecorded(step["recorded"], head_before, fail);
  if (step.contains("save")) {
    for (auto it = step["save"].begin(); it != step["save"].end(); ++it) {
      Json::json_pointer ptr(it.value().get<std::string>());
      if ((j.is_object() || j.is_array()) && j.contains(ptr))
        vars_[it.key()] = j.at(ptr);
      else
        fail("nothing to save at " + it.value().get<std::string>());
    }
  }
  if (!error.empty()) fail(error);
  return ok;
}

void StoryRunner::CheckRecorded(const Json& recorded, std::int64_t head_before,
                                const std::function<void(const std::string&)>& fail) {
  std::string error;
  const std::string admin = TokenOf("admin", &error);
  std::vector<Json> entries;
  if (error.empty()) entries = AllLedger(client_, admin, &error, head_before);
  if (!error.empty()) {
    fail("cannot read the ledger: " + error);
    return;
  }
  std::string types;
  for (const auto& e : entries) types += (types.empty() ? "" : ", ") + Scalar(e.value("type", ""));
  if (entries.size() != recorded.size()) {
    fail("the step recorded " + std::to_string(entries.size()) + " ledger entries (" + types +
         "), expected " + std::to_string(recorded.size()));
    return;
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Json& want = recorded[i];
    const std::string which = "ledger entry " + std::to_string(i + 1) + " of the step";
    if (want.contains("type") && entries[i].value("type", "") != want["type"])
      fail(which + " is " + entries[i].value("type", "") + ", expected " + want["type"].dump());
    const Json checks = want.value("json", Json::object());
    for (auto it = checks.begin(); it != checks.end(); ++it) {
      Json::json_pointer ptr(it.key());
      Json expected = ExpandJson(it.value(), &error);
      if (!entries[i].contains(ptr))
        fail(which + " has no value at " + it.key());
      else if (entries[i].at(ptr) != expected)
        fail(which + ": " + it.key() + " is " + entries[i].at(ptr).dump() + ", expected " +
             expected.dump());
    }
  }
  if (!error.empty()) fail(error);
}

}  // namespace ordo::testing
