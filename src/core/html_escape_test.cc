// Unit tests of HtmlEscape: the five characters that matter in text and quoted attributes
// are replaced, everything else (UTF-8 included) is kept.
#include "core/html_escape.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo {
namespace {

TEST(HtmlEscapeTest, ReplacesTheFiveMarkupCharactersAndKeepsTheRest) {
  ORDO_VERIFIES("ORDO-GEN-24");
  EXPECT_EQ(HtmlEscape(""), "");
  EXPECT_EQ(HtmlEscape("FG-1 plain text"), "FG-1 plain text");
  EXPECT_EQ(HtmlEscape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  // An existing character reference is escaped again: the page shows it as typed.
  EXPECT_EQ(HtmlEscape("&lt;"), "&amp;lt;");
  EXPECT_EQ(HtmlEscape("Größe µm"), "Größe µm");
  EXPECT_EQ(HtmlEscape(std::string("a\0b", 3)), std::string("a\0b", 3));
}

}  // namespace
}  // namespace ordo
