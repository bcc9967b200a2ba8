// Sealing rows and checking them against their seal: a changed, added or deleted row is
// named.
#include "mes/telemetry/domain/seal.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::telemetry {
namespace {

std::vector<SampleRow> Rows(int n, std::int64_t first_id = 1) {
  std::vector<SampleRow> rows;
  for (int i = 0; i < n; ++i) {
    SampleRow r;
    r.id = first_id + i;
    r.tag = "T" + std::to_string(i % 3);
    r.time_us = 1'796'025'600'000'000 + i * 1000;
    r.value = 0.1 * i - 3;
    r.source = "press-1";
    r.seq = 1 + i / 10;
    r.idx = i % 10;
    r.entry_seq = 40 + i / 10;
    r.received_us = 1'796'025'601'000'000;
    r.row_hash = RowHash(r);
    rows.push_back(r);
  }
  return rows;
}

TEST(Seal, ValuesRoundTripThroughTheirText) {
  ORDO_VERIFIES("ORDO-TEL-05");
  for (double v : {0.1, -3.0, 1e15, 123.456789012345, 2.0 / 3.0, -0.0})
    EXPECT_EQ(std::strtod(ValueText(v).c_str(), nullptr), v) << ValueText(v);
  EXPECT_EQ(ValueText(0.1), "0.1");
}

TEST(Seal, IdRangesRoundTrip) {
  ORDO_VERIFIES("ORDO-TEL-05");
  EXPECT_EQ(IdRanges({1, 2, 3, 5, 7, 8}), "1-3,5,7-8");
  std::vector<std::int64_t> ids;
  ASSERT_TRUE(ParseIdRanges("1-3,5,7-8", &ids));
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 3, 5, 7, 8}));
  EXPECT_FALSE(ParseIdRanges("3-1", &ids));
  EXPECT_FALSE(ParseIdRanges("5,3", &ids));
  EXPECT_FALSE(ParseIdRanges("x", &ids));
}

TEST(Seal, ASealCoversItsRowsTimeRangeAndCount) {
  ORDO_VERIFIES("ORDO-TEL-05");
  auto rows = Rows(25, 100);
  BatchSealed s = SealOf(3, rows);
  EXPECT_EQ(s.batch, 3);
  EXPECT_EQ(s.first_id, 100);
  EXPECT_EQ(s.last_id, 124);
  EXPECT_EQ(s.count, 25);
  EXPECT_EQ(s.ids, "100-124");
  EXPECT_EQ(s.from_us, rows.front().time_us);
  EXPECT_EQ(s.to_us, rows.back().time_us);
  EXPECT_EQ(s.hash.size(), 64u);
  EXPECT_TRUE(CheckSealed(s, rows).empty());
  Json j;
  to_json(j, s);
  BatchSealed back;
  from_json(j, back);
  EXPECT_EQ(back.hash, s.hash);
  EXPECT_EQ(back.ids, s.ids);
}

TEST(Seal, AChangedAddedOrDeletedRowIsNamed) {
  ORDO_VERIFIES("ORDO-TEL-07");
  auto rows = Rows(10);
  rows.erase(rows.begin() + 4);  // a leftover removed before sealing: ids 1-4,6-10
  BatchSealed s = SealOf(1, rows);
  EXPECT_EQ(s.ids, "1-4,6-10");
  ASSERT_TRUE(CheckSealed(s, rows).empty());

  auto changed = rows;
  changed[2].value = 99;  // edited, its row hash left as it was
  auto f = CheckSealed(s, changed);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0], "telemetry batch 1: row 3 (tag T2) was changed");

  auto rehashed = rows;
  rehashed[2].value = 99;
  rehashed[2].row_hash = RowHash(rehashed[2]);  // the row hash rewritten too
  f = CheckSealed(s, rehashed);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].find("telemetry batch 1 (rows 1..10): a row was changed"), std::string::npos);

  auto deleted = rows;
  deleted.erase(deleted.begin() + 6);  // id 8
  f = CheckSealed(s, deleted);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0], "telemetry batch 1: row 8 was deleted");

  auto added = rows;
  SampleRow extra = Rows(5)[4];  // id 5: in the range, not sealed
  extra.row_hash = RowHash(extra);
  added.insert(added.begin() + 4, extra);
  f = CheckSealed(s, added);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0], "telemetry batch 1: row 5 (tag T1) was added");
}

}  // namespace
}  // namespace ordo::telemetry
