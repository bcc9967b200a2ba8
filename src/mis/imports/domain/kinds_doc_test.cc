// docs/mis-imports.md and the kind table agree: every kind has its section, every column
// its row (type, required) and the natural key its line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/testing/verifies.h"
#include "mis/imports/domain/kind_spec.h"

namespace ordo::mis::imports {
namespace {

std::string TypeWord(const ColumnSpec& c) {
  switch (c.type) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kEnum: {
      std::string s = "one of ";
      for (std::size_t i = 0; i < c.choices.size(); ++i)
        s += (i ? ", `" : "`") + c.choices[i] + "`";
      return s;
    }
    case ColumnType::kTime:
      return "time";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kDateOrTime:
      return "date or time";
    case ColumnType::kNumber:
      return c.positive ? "number > 0" : "number ≥ 0";
    case ColumnType::kCount:
      return "count";
    case ColumnType::kCurrency:
      return "currency";
  }
  return "?";
}

TEST(MisImportDocs, EveryKindColumnAndKeyIsDocumented) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-27");
  std::ifstream in(std::string(ORDO_SOURCE_DIR) + "/docs/mis-imports.md");
  ASSERT_TRUE(in) << "docs/mis-imports.md";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  for (const auto& kind : Kinds()) {
    const std::size_t begin = doc.find("### `" + kind.name + "`\n");
    ASSERT_NE(begin, std::string::npos) << kind.name;
    const std::size_t end = doc.find("\n### ", begin + 1);
    const std::string section = doc.substr(begin, end - begin);
    for (const auto& c : kind.columns) {
      const std::string row =
          "| `" + c.name + "` | " + TypeWord(c) + " | " + (c.required ? "yes" : "no") + " |";
      EXPECT_NE(section.find(row), std::string::npos) << kind.name << ": " << row;
    }
    std::string key = "Natural key: ";
    for (std::size_t i = 0; i < kind.key.size(); ++i) key += (i ? " + `" : "`") + kind.key[i] + "`";
    EXPECT_NE(section.find(key + "."), std::string::npos) << kind.name << ": " << key;
  }
}

}  // namespace
}  // namespace ordo::mis::imports
