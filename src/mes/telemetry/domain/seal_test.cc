// Sealing rows and checking them against their seal: a changed, added or deleted row is
// named.
#include "mes/telemetry/domain/seal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

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

// What ValueText wrote before it used to_chars (snprintf and strtod): the files' value
// texts and row hashes are made with it, so the text must not change.
std::string PrintfValueText(double value) {
  char buffer[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

TEST(Seal, ValueTextIsTheShortestPrintfTextThatReadsBack) {
  ORDO_VERIFIES("ORDO-TEL-05");
  const double specials[] = {0.0,
                             -0.0,
                             1.0,
                             0.1,
                             1.0 / 3.0,
                             1e15,
                             1e16,
                             1e17,
                             123456789012345678.0,
                             1e-5,
                             1e-4,
                             5e-324,
                             2.2250738585072014e-308,
                             1e-310,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::lowest(),
                             std::numeric_limits<double>::epsilon(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             -std::numeric_limits<double>::quiet_NaN()};
  for (double v : specials) EXPECT_EQ(ValueText(v), PrintfValueText(v)) << PrintfValueText(v);
  std::mt19937_64 random(20261203);
  std::uniform_real_distribution<double> reading(-1000.0, 1000.0);
  int differ = 0;
  for (int i = 0; i < 200000; ++i) {
    // Any bit pattern (subnormals, huge, NaNs) and plant-like readings, also rounded to
    // a few decimals as devices send them.
    const std::uint64_t bits = random();
    double any = 0;
    std::memcpy(&any, &bits, sizeof any);
    const double read = reading(random);
    for (double v : {any, read, std::round(read * 1000) / 1000})
      if (ValueText(v) != PrintfValueText(v) && ++differ <= 5)
        ADD_FAILURE() << "ValueText(" << PrintfValueText(v) << ") = " << ValueText(v);
  }
  EXPECT_EQ(differ, 0);
}

TEST(Seal, ARowsLineAndHashAreTheFilesFormat) {
  ORDO_VERIFIES("ORDO-TEL-05");
  SampleRow r;
  r.id = 7;
  r.tag = "WU-1.t01";
  r.time_us = 1'796'025'600'000'000;
  r.value = -2.75;
  r.source = "press-1";
  r.seq = 12;
  r.idx = 3;
  r.entry_seq = 41;
  r.received_us = 1'796'025'601'000'000;
  const std::string line =
      "7\tWU-1.t01\t1796025600000000\t-2.75\tpress-1\t12\t3\t41\t1796025601000000\n";
  EXPECT_EQ(RowLine(r), line);
  EXPECT_EQ(RowLine(r, ValueText(r.value)), line);
  // The first 16 hex digits of SHA-256 of the line (computed apart, with Python's hashlib).
  EXPECT_EQ(RowHash(r), "d45cd57d76588348");
  EXPECT_EQ(RowHashOfLine(line), RowHash(r));
  r.value = -2.5;
  EXPECT_NE(RowHash(r), "d45cd57d76588348");
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
