// The compaction rule (which batches are due), the per-minute rollup against values
// computed here, and the check of stored rollup rows against their event.
#include "mes/telemetry/domain/compaction.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/telemetry/domain/aggregate.h"

namespace ordo::telemetry {
namespace {

constexpr TimeMicros kT0 = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z
constexpr TimeMicros kS = 1'000'000;

SampleRow Row(std::int64_t id, const std::string& tag, TimeMicros t, double v) {
  SampleRow r;
  r.id = id;
  r.tag = tag;
  r.time_us = t;
  r.value = v;
  return r;
}

TEST(Compaction, ABatchIsDueWhenEveryRowIsOlderThanItsTagsRawDays) {
  ORDO_VERIFIES("ORDO-TEL-23");
  const std::map<std::string, std::int64_t> days{{"A", 1}, {"B", 7}};
  const std::vector<SampleRow> rows{Row(1, "A", kT0, 1), Row(2, "B", kT0 + 10 * kS, 2)};
  // B keeps 7 days: not due after 2 days, due once its newest row is 7 days old.
  EXPECT_FALSE(BatchDue(rows, days, kT0 + 2 * kDayMicros));
  EXPECT_FALSE(BatchDue(rows, days, kT0 + 10 * kS + 7 * kDayMicros));  // exactly 7 days: kept
  EXPECT_TRUE(BatchDue(rows, days, kT0 + 10 * kS + 7 * kDayMicros + 1));
  // Only A: due after one day.
  EXPECT_TRUE(BatchDue({rows[0]}, days, kT0 + kDayMicros + 1));
  // A tag not in the map keeps the default 30 days.
  EXPECT_FALSE(BatchDue({Row(3, "C", kT0, 1)}, days, kT0 + 29 * kDayMicros));
  EXPECT_TRUE(BatchDue({Row(3, "C", kT0, 1)}, days, kT0 + 30 * kDayMicros + 1));
  EXPECT_FALSE(BatchDue({}, days, kT0 + 1000 * kDayMicros));
}

TEST(Compaction, RollupIsMinMaxSumCountPerTagAndMinute) {
  ORDO_VERIFIES("ORDO-TEL-24");
  ASSERT_TRUE(InitCrypto());
  std::vector<SampleRow> rows;
  // A: 120 values over two minutes (0..119), B: three values in one minute.
  for (int i = 0; i < 120; ++i) rows.push_back(Row(i + 1, "A", kT0 + i * kS, i));
  rows.push_back(Row(200, "B", kT0 + 5 * kS, -3));
  rows.push_back(Row(201, "B", kT0 + 50 * kS, 9.5));
  rows.push_back(Row(202, "B", kT0 + 59 * kS, 1));
  auto rollup = RollupOf(4, rows);
  ASSERT_EQ(rollup.size(), 3u);
  EXPECT_EQ(rollup[0].tag, "A");
  EXPECT_EQ(rollup[0].minute_us, kT0);
  EXPECT_EQ(rollup[0].count, 60);
  EXPECT_EQ(rollup[0].min, 0);
  EXPECT_EQ(rollup[0].max, 59);
  EXPECT_EQ(rollup[0].sum, 59 * 60 / 2);
  EXPECT_EQ(rollup[1].minute_us, kT0 + 60 * kS);
  EXPECT_EQ(rollup[1].min, 60);
  EXPECT_EQ(rollup[1].max, 119);
  EXPECT_EQ(rollup[2].tag, "B");
  EXPECT_EQ(rollup[2].count, 3);
  EXPECT_EQ(rollup[2].min, -3);
  EXPECT_EQ(rollup[2].max, 9.5);
  EXPECT_EQ(rollup[2].sum, 7.5);
  for (const auto& r : rollup) {
    EXPECT_EQ(r.compaction, 4);
    EXPECT_EQ(r.row_hash, RollupHash(r));
  }
  // Steps over the rollup equal steps over the raw values they replace (minute-aligned).
  std::vector<Point> raw, merged;
  for (const auto& r : rows)
    if (r.tag == "A") raw.push_back(RawPoint(r.time_us, r.value));
  for (const auto& r : rollup)
    if (r.tag == "A") merged.push_back(Point{r.minute_us, r.count, r.min, r.max, r.sum});
  auto a = AggregateSteps(raw, kT0, kT0 + 120 * kS, 120 * kS);
  auto b = AggregateSteps(merged, kT0, kT0 + 120 * kS, 120 * kS);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].count, b[0].count);
  EXPECT_EQ(a[0].min, b[0].min);
  EXPECT_EQ(a[0].max, b[0].max);
  EXPECT_DOUBLE_EQ(a[0].avg, b[0].avg);
}

TEST(Compaction, TheEventSealsTheRollupAndTheCheckNamesEditsDeletionsAndAdditions) {
  ORDO_VERIFIES("ORDO-TEL-25", "ORDO-TEL-27");
  ASSERT_TRUE(InitCrypto());
  std::vector<SampleRow> rows;
  for (int i = 0; i < 300; ++i) rows.push_back(Row(i + 1, i % 2 ? "A" : "B", kT0 + i * kS, i));
  auto rollup = RollupOf(2, rows);
  BatchCompacted e = CompactionOf(2, {3, 4, 5, 9}, 300, rollup);
  EXPECT_EQ(e.compaction, 2);
  EXPECT_EQ(e.batches, "3-5,9");
  EXPECT_EQ(e.raw_rows, 300);
  EXPECT_EQ(e.rollup_rows, 10);  // 5 minutes x 2 tags
  EXPECT_EQ(e.from_us, kT0);
  EXPECT_EQ(e.to_us, kT0 + 240 * kS);
  EXPECT_TRUE(CheckRollup(e, rollup).empty());

  auto edited = rollup;
  edited[3].max += 1;
  auto f = CheckRollup(e, edited);
  ASSERT_FALSE(f.empty());
  EXPECT_NE(f[0].find("telemetry compaction 2: rollup row of tag A at 2026-11-30T08:03:00"),
            std::string::npos)
      << f[0];
  edited[3].row_hash = RollupHash(edited[3]);
  f = CheckRollup(e, edited);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].find("a rollup row was changed (its row hash rewritten too)"), std::string::npos);

  auto deleted = rollup;
  deleted.erase(deleted.begin() + 2);
  f = CheckRollup(e, deleted);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].find("1 of its 10 rollup rows were deleted"), std::string::npos) << f[0];

  auto added = rollup;
  added.push_back(added.back());
  f = CheckRollup(e, added);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].find("1 rollup rows were added"), std::string::npos) << f[0];
}

}  // namespace
}  // namespace ordo::telemetry
