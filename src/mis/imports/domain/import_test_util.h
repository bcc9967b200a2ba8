// Test helpers of the import domain tests: parse a body of a kind and list refusals.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "mis/imports/domain/parse_import.h"

namespace ordo::mis::imports::testing {

// Parses `body` of `kind` (which must exist); fails the test when the file is refused.
inline ParsedImport MustParse(const std::string& kind, std::string_view body,
                              Format format = Format::kCsv) {
  const KindSpec* spec = FindKind(kind);
  EXPECT_NE(spec, nullptr) << kind;
  auto parsed = ParseImport(*spec, format, body);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? std::move(parsed).value() : ParsedImport{};
}

// "field:reason" of each refusal of `row`, in order.
inline std::vector<std::string> Refusals(const ParsedRow& row) {
  std::vector<std::string> out;
  for (const auto& e : row.errors) out.push_back(e.field + ":" + e.reason);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace ordo::mis::imports::testing
