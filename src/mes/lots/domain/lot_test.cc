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

}  // namespace
}  // namespace ordo::lots
