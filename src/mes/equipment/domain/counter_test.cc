// Count increments from cumulative counters: resets and rollover neither invent nor lose
// parts.
#include "mes/equipment/domain/counter.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment {
namespace {

CountReading At(TimeMicros t, std::int64_t total, std::int64_t good = 0) {
  return CountReading{t, t, 0, Counts{total, good, 0, 0}};
}

TEST(Counter, ARiseAddsTheDifference) {
  ORDO_VERIFIES("ORDO-EQ-05");
  EXPECT_EQ(CounterStep(100, 130, 0), 30);
  EXPECT_EQ(CounterStep(100, 100, 0), 0);
}

TEST(Counter, ADropWithoutModulusIsAResetCountingFromZero) {
  ORDO_VERIFIES("ORDO-EQ-05");
  EXPECT_EQ(CounterStep(500, 20, 0), 20);
  EXPECT_EQ(CounterStep(500, 0, 0), 0);
}

TEST(Counter, ADropNearTheModulusIsARolloverElseAReset) {
  ORDO_VERIFIES("ORDO-EQ-05");
  EXPECT_EQ(CounterStep(65530, 10, 65536), 16);  // wrapped: 6 to the top, 10 after
  EXPECT_EQ(CounterStep(1000, 10, 65536), 10);   // far from the top: a reset
  EXPECT_EQ(CounterStep(70000, 10, 65536), 10);  // beyond the modulus: a reset
}

TEST(Counter, TheFirstReadingIsTheBaselineAndLateReadingsLandInPlace) {
  ORDO_VERIFIES("ORDO-EQ-05", "ORDO-EQ-06");
  std::vector<CountReading> clean = {At(1, 1000, 990), At(2, 1010, 999), At(3, 5, 5),
                                     At(4, 25, 24)};
  auto inc = IncrementsFromCumulative(clean, 0);
  ASSERT_EQ(inc.size(), 4u);
  EXPECT_EQ(inc[0].counts, Counts{});
  EXPECT_EQ(inc[1].counts.total, 10);
  EXPECT_EQ(inc[2].counts.total, 5);  // reset: counted from 0
  EXPECT_EQ(inc[3].counts.total, 20);
  EXPECT_EQ(Sum(inc).total, 35);
  EXPECT_EQ(Sum(inc).good, 9 + 5 + 19);
  // Shuffled and repeated: the same increments.
  std::vector<CountReading> messy = {At(4, 25, 24), At(2, 1010, 999), At(1, 1000, 990), At(3, 5, 5),
                                     At(2, 1010, 999)};
  EXPECT_EQ(Sum(IncrementsFromCumulative(messy, 0)), Sum(inc));
  auto again = IncrementsFromCumulative(messy, 0);
  ASSERT_EQ(again.size(), inc.size());
  for (std::size_t i = 0; i < inc.size(); ++i) EXPECT_EQ(again[i].counts, inc[i].counts);
}

}  // namespace
}  // namespace ordo::equipment
