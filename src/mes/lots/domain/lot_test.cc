// Unit tests of lot states, the derived expired status and the consumption check.
#include "mes/lots/domain/lot.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::lots {
namespace {

// 2026-11-30T12:00:00Z.
TimeMicros Noon() {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime("2026-11-30T12:00:00Z", &t));
  return t;
}

Lot Released() {
  Lot l;
  l.lot = "L-1";
  l.material = "RM-PCM-API";
  l.base_unit = "kg";
  l.state = "released";
  l.received_quantity = 50;
  l.quantity = 50;
  l.expiry = "2027-06-30";
  return l;
}

void ExpectRefused(const Result<double>& r, const std::string& reason, const std::string& field,
                   const std::string& names) {
  ASSERT_FALSE(r.ok()) << "accepted, expected " << reason;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_EQ(r.error().field, field);
  EXPECT_NE(r.error().message.find(names), std::string::npos) << r.error().message;
}

TEST(LotState, NamesRoundTripAndExpiredIsAStatusNotAState) {
  ORDO_VERIFIES("ORDO-LOT-05");
  for (auto s : {LotState::kQuarantined, LotState::kReleased, LotState::kRejected,
                 LotState::kOnHold, LotState::kConsumed})
    EXPECT_EQ(ParseLotState(LotStateName(s)), s);
  EXPECT_FALSE(ParseLotState("expired").has_value());
  EXPECT_TRUE(IsLotStatus("expired"));
  EXPECT_TRUE(IsLotStatus("on_hold"));
  EXPECT_FALSE(IsLotStatus("blocked"));
}

TEST(LotDates, OnlyRealCalendarDatesAreDates) {
  ORDO_VERIFIES("ORDO-LOT-01");
  EXPECT_TRUE(IsDate("2028-02-29"));
  EXPECT_FALSE(IsDate("2027-02-29"));
  EXPECT_FALSE(IsDate("2027-13-01"));
  EXPECT_FALSE(IsDate("2027-1-01"));
  EXPECT_FALSE(IsDate("27-01-2027"));
  EXPECT_FALSE(IsDate(""));
  EXPECT_EQ(UtcDay(Noon()), "2026-11-30");
}

TEST(EffectiveLotStatus, ExpiredFromTheDayAfterTheEarlierOfExpiryAndRetest) {
  ORDO_VERIFIES("ORDO-LOT-07", "DI-07");
  Lot l = Released();
  l.expiry = "2026-11-30";  // usable through its expiry day
  EXPECT_EQ(EffectiveLotStatus(l, Noon()), "released");
  l.expiry = "2026-11-29";
  EXPECT_EQ(EffectiveLotStatus(l, Noon()), "expired");
  l.expiry = "2027-01-01";
  l.retest = "2026-11-01";  // the retest date came first
  EXPECT_EQ(UseByDate(l), "2026-11-01");
  EXPECT_EQ(EffectiveLotStatus(l, Noon()), "expired");
  for (const char* state : {"quarantined", "on_hold"}) {
    l.state = state;
    EXPECT_EQ(EffectiveLotStatus(l, Noon()), "expired") << state;
  }
  // Rejected and consumed lots keep their state.
  for (const char* state : {"rejected", "consumed"}) {
    l.state = state;
    EXPECT_EQ(EffectiveLotStatus(l, Noon()), state);
  }
  Lot no_dates = Released();
  no_dates.expiry.clear();
  EXPECT_EQ(EffectiveLotStatus(no_dates, Noon()), "released");
}

TEST(DecideConsumption, ReleasedLotWithEnoughLeftIsConsumedNeverBelowZero) {
  ORDO_VERIFIES("ORDO-LOT-08", "IND-01", "DI-05");
  Lot l = Released();
  auto left = DecideConsumption(l, Noon(), 20);
  ASSERT_TRUE(left.ok()) << left.error().message;
  EXPECT_DOUBLE_EQ(*left, 30);
  auto all = DecideConsumption(l, Noon(), 50);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 0.0);
  // Decimal steps that do not add up exactly in binary still reach exactly zero.
  l.received_quantity = l.quantity = 0.3;
  auto tenths = DecideConsumption(l, Noon(), 0.1 + 0.2);
  ASSERT_TRUE(tenths.ok()) << tenths.error().message;
  EXPECT_EQ(*tenths, 0.0);
}

TEST(DecideConsumption, RefusesEachRuleWithItsCodeAndWhatIsWrong) {
  ORDO_VERIFIES("ORDO-LOT-08", "IND-01");
  Lot l = Released();
  ExpectRefused(DecideConsumption(l, Noon(), 0), "invalid_quantity", "quantity", "greater than 0");
  ExpectRefused(DecideConsumption(l, Noon(), -1), "invalid_quantity", "quantity", "0");
  for (const char* state : {"quarantined", "rejected", "on_hold"}) {
    Lot s = l;
    s.state = state;
    ExpectRefused(DecideConsumption(s, Noon(), 1), "lot_not_released", "lot", state);
    EXPECT_EQ(DecideConsumption(s, Noon(), 1).error().code, ErrorCode::kFailedPrecondition);
  }
  Lot expired = l;
  expired.expiry = "2026-10-31";
  ExpectRefused(DecideConsumption(expired, Noon(), 1), "lot_expired", "lot", "2026-10-31");
  ExpectRefused(DecideConsumption(l, Noon(), 50.5), "insufficient_quantity", "quantity",
                "has 50 kg left");
  Lot empty = l;
  empty.state = "consumed";
  empty.quantity = 0;
  ExpectRefused(DecideConsumption(empty, Noon(), 1), "insufficient_quantity", "quantity",
                "nothing is left");
}

}  // namespace
}  // namespace ordo::lots
