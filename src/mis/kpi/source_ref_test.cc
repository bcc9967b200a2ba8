// Source sets: exact merged ranges, and covering ranges once they grow large.
#include "mis/kpi/source_ref.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis {
namespace {

TEST(SourceSet, MergesTouchingRangesOfOneSourceInAnyOrder) {
  ORDO_VERIFIES("ORDO-MIS-62");
  SourceSet s;
  s.Add(SourceRef::Ledger(1, 3));
  s.Add(SourceRef::Ledger(4, 6));
  s.Add(SourceRef::Ledger(10));
  s.Add(SourceRef::Ledger(8));
  s.Add(SourceRef::Import("f1", 5));
  s.Add(SourceRef::Import("f1", 4));
  ASSERT_EQ(s.refs().size(), 4u);
  s.Add(SourceRef::Ledger(7));
  const std::vector<SourceRef> want = {
      SourceRef::Ledger(1, 8), SourceRef::Ledger(10), {"f1", 4, 5}};
  EXPECT_EQ(s.refs(), want);
  EXPECT_FALSE(s.coarse());
  EXPECT_EQ(s.refs()[0].ToString(), "ledger:1-8");
  EXPECT_EQ(s.refs()[1].ToString(), "ledger:10");
  EXPECT_EQ(s.refs()[2].ToString(), "import:f1#4-5");
}

TEST(SourceSet, BecomesOneCoveringRangePerSourceBeyondTheLimit) {
  ORDO_VERIFIES("ORDO-MIS-62");
  SourceSet s;
  for (std::int64_t seq = 1000; seq > 0; seq -= 2) s.Add(SourceRef::Ledger(seq));
  s.Add(SourceRef::Import("f2", 3));
  EXPECT_TRUE(s.coarse());
  const std::vector<SourceRef> want = {SourceRef::Ledger(2, 1000), {"f2", 3, 3}};
  EXPECT_EQ(s.refs(), want);
  SourceSet exact;
  exact.Add(SourceRef::Ledger(5000));
  exact.Add(s);
  EXPECT_TRUE(exact.coarse());
  EXPECT_EQ(exact.refs()[0], SourceRef::Ledger(2, 5000));
}

}  // namespace
}  // namespace ordo::mis
