// The docs' generated reference tables equal what the capabilities register.
#include "cli/reference_docs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/capabilities.h"
#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReferenceDocsTest, BlocksAreFoundAndReplaced) {
  ORDO_VERIFIES("ORDO-ARCH-02");
  const std::string doc =
      "intro\n<!-- BEGIN generated: t -->\nold\n<!-- END generated: t -->\nrest\n";
  auto block = ExtractBlock(doc, "t");
  ASSERT_TRUE(block.ok());
  EXPECT_EQ(*block, "old\n");
  auto replaced = ReplaceBlock(doc, "t", "new\n");
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(*replaced,
            "intro\n<!-- BEGIN generated: t -->\nnew\n<!-- END generated: t -->\nrest\n");
  EXPECT_FALSE(ExtractBlock(doc, "other").ok());
  EXPECT_FALSE(ExtractBlock("<!-- END generated: t -->\n<!-- BEGIN generated: t -->\n", "t").ok());
}

TEST(ReferenceDocsTest, TablesNameEveryRegisteredTypeAndPermission) {
  ORDO_VERIFIES("ORDO-ARCH-02");
  RegisterCapabilities();
  const std::string events = EventTypesTable();
  for (const char* type : {"ledger.initialized", "logbook.entry_recorded", "user.created",
                           "change_request.approved", "signature.applied"})
    EXPECT_NE(events.find(std::string("`") + type + "`"), std::string::npos) << type;
  const std::string permissions = PermissionsTable();
  EXPECT_NE(permissions.find("| `user.manage` |  |  |  |  | x |"), std::string::npos)
      << permissions;
}

TEST(ReferenceDocsTest, DocsMatchTheRegistries) {
  ORDO_VERIFIES("P11-11", "ORDO-ARCH-02");
  RegisterCapabilities();
  std::size_t count = 0;
  const GeneratedBlock* blocks = GeneratedBlocks(&count);
  ASSERT_GE(count, 2u);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string path = std::string(ORDO_SOURCE_DIR) + "/" + blocks[i].file;
    const std::string doc = Read(path);
    ASSERT_FALSE(doc.empty()) << "cannot read " << path;
    auto block = ExtractBlock(doc, blocks[i].name);
    ASSERT_TRUE(block.ok()) << path << ": " << block.error().message;
    EXPECT_EQ(*block, blocks[i].generate())
        << path << ": the generated '" << blocks[i].name
        << "' table differs from the registries; run `build/ordo reference update-docs` in the "
           "repository root and commit the result";
  }
}

}  // namespace
}  // namespace ordo::cli
