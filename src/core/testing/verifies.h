// Requirement tags for tests: the trace matrix of the validation pack
// (docs/validation/README.md) is built from them.
//
// Usage, as the first statement of a test body:
//
//   TEST(Ledger, DetectsAnEditedRow) {
//     ORDO_VERIFIES("P11-01", "ORDO-LEDGER-02");
//     ...
//   }
//
// Each argument is one requirement id from docs/validation/requirements.md. The ids are
// recorded as the GoogleTest property `verifies` (a comma-separated list), which lands in
// the test's XML result; `make validation` reads it from there. An id that is not in
// requirements.md fails `make validation`.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace ordo::testing {

inline void RecordVerifies(std::initializer_list<std::string_view> ids) {
  std::string joined;
  for (std::string_view id : ids) {
    if (!joined.empty()) joined += ',';
    joined += id;
  }
  ::testing::Test::RecordProperty("verifies", joined);
}

}  // namespace ordo::testing

#define ORDO_VERIFIES(...) ::ordo::testing::RecordVerifies({__VA_ARGS__})
