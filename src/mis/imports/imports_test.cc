// RunImport and the report JSON: whole-file refusals that store nothing, NDJSON end to
// end, every kind good and bad through the one entry point.
#include "mis/imports/imports.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/imports/store/queries.h"
#include "mis/imports/store/sample_files.h"
#include "mis/imports/store/store_fixture.h"

namespace ordo::mis::imports {
namespace {

constexpr TimeMicros kNow = 1'772'355'600'000'000;  // 2026-03-01T09:00:00Z

class RunImportTest : public testing::ImportStoreTest {
 protected:
  Result<ImportReport> Run(const std::string& kind, const std::string& body,
                           const std::string& type = "text/csv") {
    return RunImport(*db_, kind, type, body, "alice", kNow);
  }
  void ExpectNothingStored() {
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_row_error"), 0);
  }
};

TEST_F(RunImportTest, RefusesUnknownKindsAndContentTypesAndEmptyOrHugeBodies) {
  ORDO_VERIFIES("ORDO-MIS-33");
  const std::string good = testing::SampleFiles().at("orders");
  auto kind = Run("invoices", good);
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(kind.error().reason, "unknown_kind");
  EXPECT_NE(kind.error().message.find("operation_yields"), std::string::npos);
  for (const char* type : {"application/json", "text/plain", "", "text/csv; charset=latin1"}) {
    auto r = Run("orders", good, type);
    ASSERT_FALSE(r.ok()) << type;
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedMediaType);
    EXPECT_EQ(r.error().reason, "unsupported_content_type");
    EXPECT_EQ(r.error().field, "content_type");
  }
  // Names from the request are quoted in messages as valid UTF-8 (they go into JSON).
  auto odd = RunImport(*db_, "st\xFFtes", "text/\xC3", good, "alice", kNow);
  ASSERT_FALSE(odd.ok());
  EXPECT_NO_THROW(Json(odd.error().message).dump());
  auto odd_type = Run("orders", good, "text/\xC3");
  ASSERT_FALSE(odd_type.ok());
  EXPECT_NO_THROW(Json(odd_type.error().message).dump());
  auto empty = Run("orders", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().reason, "empty_body");
  std::string huge = good;
  huge.resize(kMaxBodyBytes + 1, '\n');
  auto big = Run("orders", huge);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(big.error().reason, "body_too_large");
  ExpectNothingStored();
}

TEST_F(RunImportTest, ContentTypesAreCaseInsensitiveWithParameters) {
  ORDO_VERIFIES("ORDO-MIS-33");
  EXPECT_EQ(FormatOfContentType("Text/CSV; charset=UTF-8").value(), Format::kCsv);
  EXPECT_EQ(FormatOfContentType("text/csv;header=present").value(), Format::kCsv);
  EXPECT_EQ(FormatOfContentType("application/x-ndjson").value(), Format::kNdjson);
  EXPECT_FALSE(FormatOfContentType("application/x-ndjsonx").ok());
}

TEST_F(RunImportTest, FileRefusalsStoreNothing) {
  ORDO_VERIFIES("ORDO-MIS-33", "ORDO-MIS-22", "ORDO-MIS-20");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"order_id,product,quantity,unit\nSO-1,P1,5,pcs\n", "missing_column"},
      {"order_id,product,quantity,due_date,notes\nSO-1,P1,5,2026-03-31,x\n", "unknown_column"},
      {"order_id,product,quantity,due_date\nSO-1,\"P1,5,2026-03-31\n", "unterminated_quote"},
      {"order_id,product,quantity,due_date\nSO-1,P\xE9,5,2026-03-31\n", "invalid_utf8"},
      {"order_id,product,quantity,due_date\n", "no_rows"}};
  for (const auto& [body, reason] : cases) {
    auto r = Run("orders", body);
    ASSERT_FALSE(r.ok()) << reason;
    EXPECT_EQ(r.error().reason, reason);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
  std::string many = "id,level\n";
  for (std::size_t i = 0; i <= kMaxRows; ++i) many += "E" + std::to_string(i) + ",enterprise\n";
  auto r = Run("equipment", many);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "too_many_rows");
  ExpectNothingStored();
}

TEST_F(RunImportTest, NdjsonEndToEnd) {
  ORDO_VERIFIES("ORDO-MIS-21", "ORDO-MIS-31");
  const std::string body =
      "{\"order_id\":\"SO-1\",\"shipped_at\":\"2026-03-30T15:00:00+02:00\",\"quantity\":300}\n"
      "\n"
      "{\"order_id\":\"SO-1\",\"shipped_at\":\"2026-03-31T09:00:00+02:00\",\"quantity\":\"200\"}"
      "\r\n"
      "{\"order_id\":\"SO-2\",\"shipped_at\":\"2026-03-31T09:00:00\",\"quantity\":1}\n";
  auto r = Run("shipments", body, "application/x-ndjson");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->content_type, "application/x-ndjson");
  EXPECT_EQ(r->total, 3);
  EXPECT_EQ(r->imported, 2);
  EXPECT_EQ(r->refused, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].line, 4);
  EXPECT_EQ(r->errors[0].reason, "time_without_offset");
  auto rows = CurrentRows(*db_, *FindKind("shipments"));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].row_number, 3);
  EXPECT_EQ(RowView(*FindKind("shipments"), (*rows)[1].values).Text("quantity"), "200");
  auto again = Run("shipments", body, "application/x-ndjson");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate_file);
}

TEST_F(RunImportTest, EveryKindGoodAndBad) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-26", "ORDO-MIS-31");
  for (const auto& [kind, body] : testing::SampleFiles()) {
    // A bad row appended: the header's column count, every cell "?" (refused whatever
    // the kind: required cells do not parse or the enum is wrong).
    const std::size_t columns = std::count(body.begin(), body.begin() + body.find('\n'), ',') + 1;
    std::string bad;
    for (std::size_t i = 0; i < columns; ++i) bad += (i ? "," : "") + std::string("?");
    auto r = Run(kind, body + bad + "\n");
    ASSERT_TRUE(r.ok()) << kind << ": " << r.error().message;
    const auto lines = static_cast<std::int64_t>(std::count(body.begin(), body.end(), '\n'));
    EXPECT_EQ(r->total, lines) << kind;  // header + good rows + the bad one
    EXPECT_EQ(r->imported, lines - 1) << kind;
    EXPECT_EQ(r->refused, 1) << kind;
    ASSERT_FALSE(r->errors.empty()) << kind;
    for (const auto& e : r->errors) {
      EXPECT_EQ(e.line, lines + 1) << kind;
      EXPECT_NE(e.message.find(e.field), std::string::npos) << kind << ": " << e.message;
    }
  }
}

TEST_F(RunImportTest, ReportJson) {
  ORDO_VERIFIES("ORDO-MIS-34");
  const std::string body = testing::SampleFiles().at("orders") + "SO-9,,P1,-1,pcs,2026-03-31\n";
  auto r = Run("orders", body);
  ASSERT_TRUE(r.ok());
  const Json j = ToJson(*r);
  EXPECT_EQ(j["import_id"], r->import_id);
  EXPECT_EQ(j["kind"], "orders");
  EXPECT_EQ(j["file_hash"], Sha256Hex(body));
  EXPECT_EQ(j["content_type"], "text/csv");
  EXPECT_EQ(j["imported_by"], "alice");
  EXPECT_EQ(j["imported_at"], "2026-03-01T09:00:00.000000Z");
  EXPECT_EQ(j["duplicate_file"], false);
  EXPECT_EQ(
      j["rows"],
      (Json{{"total", 3}, {"imported", 2}, {"unchanged", 0}, {"superseded", 0}, {"refused", 1}}));
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["line"], 4);
  EXPECT_EQ(j["errors"][0]["field"], "quantity");
  EXPECT_EQ(j["errors"][0]["reason"], "negative_number");
  EXPECT_EQ(j["errors_omitted"], 0);
  EXPECT_EQ(ToJson(Run("orders", body).value())["duplicate_file"], true);

  ImportReport many;
  many.errors.assign(kMaxReportErrors + 5, RowError{2, "f", "bad_number", "m"});
  const Json capped = ToJson(many);
  EXPECT_EQ(capped["errors"].size(), kMaxReportErrors);
  EXPECT_EQ(capped["errors_omitted"], 5);
}

}  // namespace
}  // namespace ordo::mis::imports
