// Fixtures of the change control decision tests: sample content, change requests, items
// and signers, and checks of a refusal's code, field and reason. Private to
// src/mes/masterdata/domain (its tests).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata::detail {

inline constexpr TimeMicros kNow = 1'800'000'000'000'000;

inline const Json kQualification = Json{{"id", "GMP-BASIC"}, {"name", "GMP basics"}};
// A product that refers to material M-1, routing R-1 and component C-1.
inline const Json kProduct = Json::parse(R"({"id":"P-1","name":"Product","material":"M-1",
  "routing":"R-1","bom":[{"material":"C-1","quantity":1,"unit":"g"}]})");

inline void ExpectError(const Error& e, ErrorCode code, const std::string& field,
                        const std::string& reason = "") {
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_FALSE(e.message.empty());
}

template <typename T>
void ExpectRefused(const Result<T>& r, ErrorCode code, const std::string& field,
                   const std::string& reason = "") {
  ASSERT_FALSE(r.ok()) << "accepted, expected a refusal on '" << field << "'";
  ExpectError(r.error(), code, field, reason);
}

inline ChangeRequest Cr(ChangeRequestState state = ChangeRequestState::kOpen) {
  ChangeRequest cr;
  cr.id = "CR-000007";
  cr.title = "t";
  cr.description = "d";
  cr.reason = "r";
  cr.state = state;
  cr.revision = 3;
  cr.author_id = 10;
  return cr;
}

inline Item Draft(const std::string& kind, const std::string& id, const Json& content,
                  VersionState state = VersionState::kDraft, const std::string& action = "define") {
  return Item{kind, id, 1, action, state, content, ContentHash(content), 10};
}

inline Signer SignerWith(const std::string& meaning, std::int64_t user_id = 20) {
  return Signer{user_id, "quality", "Demo Quality", meaning, std::nullopt, true};
}

inline OpenChangeRequest GoodOpen() {
  return {"Adjust limits", "what changes", "why", "", std::nullopt};
}

}  // namespace ordo::masterdata::detail
