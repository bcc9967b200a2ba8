// Aggregates per step against a reference computed here value by value.
#include "mes/telemetry/domain/aggregate.h"

#include <gtest/gtest.h>

#include <random>

#include "core/testing/verifies.h"

namespace ordo::telemetry {
namespace {

constexpr TimeMicros kT0 = 1'796'025'600'000'000;
constexpr TimeMicros kS = 1'000'000;

TEST(Aggregate, StepsMatchAReferenceAndEmptyStepsCountZero) {
  ORDO_VERIFIES("ORDO-TEL-10");
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(-50, 150);
  std::uniform_int_distribution<TimeMicros> when(-5 * kS, 65 * kS);
  std::vector<Point> points;
  for (int i = 0; i < 500; ++i) points.push_back(RawPoint(kT0 + when(rng), value(rng)));
  const TimeMicros step = 7 * kS;
  auto steps = AggregateSteps(points, kT0, kT0 + 60 * kS, step);
  ASSERT_EQ(steps.size(), 9u);  // 8 full steps of 7 s and one of 4 s
  EXPECT_EQ(steps.back().to_us, kT0 + 60 * kS);
  for (const auto& s : steps) {
    std::int64_t count = 0;
    double min = 1e300, max = -1e300, sum = 0;
    for (const auto& p : points)
      if (p.time_us >= s.from_us && p.time_us < s.to_us) {
        ++count;
        min = std::min(min, p.sum);
        max = std::max(max, p.sum);
        sum += p.sum;
      }
    EXPECT_EQ(s.count, count);
    if (count == 0) continue;
    EXPECT_DOUBLE_EQ(s.min, min);
    EXPECT_DOUBLE_EQ(s.max, max);
    EXPECT_NEAR(s.avg, sum / count, 1e-9);
  }
  auto sparse = AggregateSteps({RawPoint(kT0 + 61 * kS, 1)}, kT0, kT0 + 60 * kS, 10 * kS);
  ASSERT_EQ(sparse.size(), 6u);
  for (const auto& s : sparse) EXPECT_EQ(s.count, 0);
}

TEST(Aggregate, PreAggregatedPointsMergeWithRawOnes) {
  ORDO_VERIFIES("ORDO-TEL-10");
  std::vector<Point> points{RawPoint(kT0, 4), Point{kT0 + kS, 3, 1, 9, 15}};
  auto steps = AggregateSteps(points, kT0, kT0 + 60 * kS, 60 * kS);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].count, 4);
  EXPECT_EQ(steps[0].min, 1);
  EXPECT_EQ(steps[0].max, 9);
  EXPECT_DOUBLE_EQ(steps[0].avg, 19.0 / 4);
}

}  // namespace
}  // namespace ordo::telemetry
