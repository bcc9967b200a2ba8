// The JSON-lines reader: one object per line, blank lines, bad lines and value types.
#include "mis/imports/domain/ndjson_reader.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::imports {
namespace {

TEST(MisNdjsonReader, ReadsObjectsSkipsBlankLinesAndKeepsLineNumbers) {
  ORDO_VERIFIES("ORDO-MIS-21", "ORDO-MIS-26");
  auto r = ReadNdjson(
      "\xEF\xBB\xBF{\"id\":\"A\",\"n\":5}\r\n\n   \n{\"id\":\"B\",\"n\":2.5,\"x\":null}");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].line, 1);
  EXPECT_EQ((*r)[0].cells.at("id"), "A");
  EXPECT_EQ((*r)[0].cells.at("n"), "5");
  EXPECT_EQ((*r)[1].line, 4);
  EXPECT_EQ((*r)[1].cells.at("n"), "2.5");
  EXPECT_EQ((*r)[1].cells.at("x"), "");
  EXPECT_TRUE((*r)[1].errors.empty());
}

TEST(MisNdjsonReader, BadLineRefusesOnlyItsRow) {
  ORDO_VERIFIES("ORDO-MIS-21");
  auto r = ReadNdjson("{\"id\":\"A\"}\n{\"id\":\n[1,2]\n{\"id\":true,\"y\":{}}\n{\"id\":\"E\"}\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 5u);
  EXPECT_TRUE((*r)[0].errors.empty());
  ASSERT_EQ((*r)[1].errors.size(), 1u);
  EXPECT_EQ((*r)[1].errors[0].reason, "bad_json");
  EXPECT_EQ((*r)[1].errors[0].line, 2);
  EXPECT_EQ((*r)[2].errors[0].reason, "bad_json");
  ASSERT_EQ((*r)[3].errors.size(), 2u);
  EXPECT_EQ((*r)[3].errors[0].reason, "bad_type");
  EXPECT_EQ((*r)[3].errors[0].field, "id");
  EXPECT_TRUE((*r)[4].errors.empty());
}

TEST(MisNdjsonReader, InvalidUtf8RefusesTheFileNamingTheLine) {
  ORDO_VERIFIES("ORDO-MIS-21");
  auto r = ReadNdjson("{\"id\":\"A\"}\n{\"id\":\"\xFF\"}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "invalid_utf8");
  EXPECT_EQ(r.error().message.rfind("line 2:", 0), 0u);
}

}  // namespace
}  // namespace ordo::mis::imports
