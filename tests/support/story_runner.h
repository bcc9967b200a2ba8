// Runs one plant story (tests/stories/README.md) against a running server: each step is
// one HTTP request by a demo user, checked against its expected outcome with gtest
// assertions that name the story and the step.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "support/ordo.h"

namespace ordo::testing {

class StoryRunner {
 public:
  // Stops the server and starts it again on the same data with its clock `days_later`
  // days ahead; true with the new server's client in *client, else false and *error.
  using Restart = std::function<bool(int days_later, HttpClient* client, std::string* error)>;

  StoryRunner(HttpClient client, const Sandbox& sandbox, Restart restart = nullptr);
  // Creates the story's own `users` (as admin), then runs every step of `story` in order;
  // stops at the first step whose expectation fails (later steps would only report its
  // consequences).
  void Run(const Json& story);

  // `text` with every ${name} replaced: saved variables, ${today}, ${today+N},
  // ${today-N} (UTC dates, YYYY-MM-DD), ${now+Nmin} (ISO 8601 UTC time). Unknown names
  // fail the step.
  std::string Expand(const std::string& text, std::string* error) const;
  Json ExpandJson(const Json& value, std::string* error) const;

 private:
  bool RunStep(const Json& step, const std::string& where);
  bool RunRestart(const Json& restart, const std::string& where);
  // Creates one user of the story's `users` list and signs them in (see the README).
  bool CreateStoryUser(const Json& spec, std::string* error);
  std::string TokenOf(const std::string& role, std::string* error);
  // The credentials of a demo role or of a user the story created.
  const Credentials& CredentialsOf(const std::string& role) const;
  // Checks `recorded` (the ledger entries a step appended after `head_before`).
  void CheckRecorded(const Json& recorded, std::int64_t head_before,
                     const std::function<void(const std::string&)>& fail);

  HttpClient client_;
  const Sandbox& sandbox_;
  Restart restart_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, Json> vars_;
  std::map<std::string, Credentials> story_users_;
};

}  // namespace ordo::testing
