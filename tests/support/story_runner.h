// Runs one plant story (tests/stories/README.md) against a running server: each step is
// one HTTP request by a demo user, checked against its expected outcome with gtest
// assertions that name the story and the step.
#pragma once

#include <map>
#include <string>

#include "support/ordo.h"

namespace ordo::testing {

class StoryRunner {
 public:
  StoryRunner(HttpClient client, const Sandbox& sandbox);
  // Runs every step of `story` in order; stops at the first step whose expectation fails
  // (later steps would only report its consequences).
  void Run(const Json& story);

  // `text` with every ${name} replaced: saved variables, ${today}, ${today+N},
  // ${today-N} (UTC dates, YYYY-MM-DD), ${now+Nmin} (ISO 8601 UTC time). Unknown names
  // fail the step.
  std::string Expand(const std::string& text, std::string* error) const;
  Json ExpandJson(const Json& value, std::string* error) const;

 private:
  bool RunStep(const Json& step, const std::string& where);
  std::string TokenOf(const std::string& role, std::string* error);

  HttpClient client_;
  const Sandbox& sandbox_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, Json> vars_;
};

}  // namespace ordo::testing
