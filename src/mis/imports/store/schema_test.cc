// The import migrations: they apply on a fresh SQLite file, and each row table's columns
// match the kind table (name, SQL type, NOT NULL) so that the store and the kinds agree.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/imports/domain/cells.h"
#include "mis/imports/domain/kind_spec.h"
#include "mis/imports/store/store_fixture.h"

namespace ordo::mis::imports {
namespace {

struct ColumnInfo {
  std::string name, type;
  bool not_null = false;
};

class ImportSchemaTest : public testing::ImportStoreTest {
 protected:
  std::vector<ColumnInfo> Columns(const std::string& table) {
    auto rows = storage::Rows<ColumnInfo>(
        *db_, "SELECT name, type, \"notnull\" FROM pragma_table_info('" + table + "')",
        storage::NoBind, [](const storage::Statement& s) {
          return ColumnInfo{s.Text(0), s.Text(1), s.Int(2) != 0};
        });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<ColumnInfo>{};
  }
};

TEST_F(ImportSchemaTest, MigrationsAreVersionedAndOfModuleImports) {
  ORDO_VERIFIES("ORDO-MIS-35");
  EXPECT_STREQ(kMigrationModule, "imports");
  ASSERT_FALSE(ImportsMigrations().empty());
  for (std::size_t i = 0; i < ImportsMigrations().size(); ++i)
    EXPECT_EQ(ImportsMigrations()[i].version, static_cast<int>(i + 1));
  for (const char* table : {"import", "import_row_error", "import_supersession"})
    EXPECT_FALSE(Columns(table).empty()) << table;
}

TEST_F(ImportSchemaTest, RowTablesMatchTheKinds) {
  ORDO_VERIFIES("ORDO-MIS-35");
  for (const auto& kind : Kinds()) {
    const auto columns = Columns(kind.table);
    ASSERT_EQ(columns.size(), kind.columns.size() + 4) << kind.table;
    EXPECT_EQ(columns[0].name, "row_id");
    EXPECT_EQ(columns[1].name, "import_id");
    EXPECT_EQ(columns[2].name, "row_number");
    EXPECT_EQ(columns.back().name, "superseded_by_import");
    for (std::size_t i = 0; i < kind.columns.size(); ++i) {
      const ColumnSpec& spec = kind.columns[i];
      const ColumnInfo& info = columns[i + 3];
      EXPECT_EQ(info.name, spec.name) << kind.table;
      const bool integer = spec.type == ColumnType::kTime || spec.type == ColumnType::kCount;
      EXPECT_EQ(info.type, integer ? "INTEGER" : "TEXT") << kind.table << "." << spec.name;
      const bool never_null =
          spec.required || !std::holds_alternative<std::monostate>(EmptyValue(spec));
      EXPECT_EQ(info.not_null, never_null) << kind.table << "." << spec.name;
    }
  }
}

}  // namespace
}  // namespace ordo::mis::imports
