// TZif files built here byte by byte (versions 1 and 2, with and without a footer), the
// POSIX TZ strings of the footer, and broken files: every refusal is an error, never a
// crash or a read past the data.
#include "mis/calendar/tzif.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include "core/testing/verifies.h"

namespace ordo::mis::calendar {
namespace {

constexpr TimeMicros kSecond = 1'000'000;

TimeMicros At(const char* iso) {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime(iso, &t)) << iso;
  return t;
}

void Put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

struct Type {
  std::int32_t utoff;
  bool dst;
};

// A TZif file: one header and data block with `time_bytes`-byte times.
std::string Block(char version, int time_bytes, const std::vector<std::int64_t>& times,
                  const std::vector<int>& indices, const std::vector<Type>& types) {
  std::string out = "TZif";
  out.push_back(version);
  out.append(15, '\0');
  const std::string chars = "LMT\0STD\0DST\0";
  for (std::uint64_t count :
       {std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{times.size()},
        std::uint64_t{types.size()}, std::uint64_t{12}})
    Put(out, count, 4);
  for (std::int64_t t : times) Put(out, static_cast<std::uint64_t>(t), time_bytes);
  for (int i : indices) Put(out, static_cast<std::uint64_t>(i), 1);
  for (const Type& type : types) {
    Put(out, static_cast<std::uint32_t>(type.utoff), 4);
    Put(out, type.dst ? 1 : 0, 1);
    Put(out, type.dst ? 8 : 4, 1);
  }
  out.append("LMT\0STD\0DST\0", 12);
  return out;
}

std::string V2(const std::vector<std::int64_t>& times, const std::vector<int>& indices,
               const std::vector<Type>& types, const std::string& footer) {
  // The version 1 block is minimal, as RFC 8536 allows for readers of version 2.
  return Block('2', 4, {}, {}, {{0, false}}) + Block('2', 8, times, indices, types) + "\n" +
         footer + "\n";
}

TEST(Tzif, Version1FileUsesItsThirtyTwoBitData) {
  ORDO_VERIFIES("ORDO-MISTZ-01");
  const std::int64_t change = At("2000-01-01T00:00:00Z") / kSecond;
  auto zone = ParseTzif("Test/V1", Block('\0', 4, {change}, {1}, {{3600, false}, {7200, false}}),
                        "time-zone");
  ASSERT_TRUE(zone.ok()) << zone.error().message;
  EXPECT_EQ(zone->UtcOffset(change * kSecond - 1), 3600);
  EXPECT_EQ(zone->UtcOffset(change * kSecond), 7200);
  EXPECT_EQ(zone->UtcOffset(At("2040-01-01T00:00:00Z")), 7200);
}

TEST(Tzif, Version2UsesSixtyFourBitTimesAndTheFooterAfterTheLastChange) {
  ORDO_VERIFIES("ORDO-MISTZ-01", "ORDO-MISTZ-02");
  // A change before 1901 (out of 32-bit range), then the footer's rule: no table rows
  // for any summer time, so every DST answer comes from the footer.
  const std::int64_t early = At("1880-01-01T00:00:00Z") / kSecond;
  auto zone = ParseTzif(
      "Test/V2", V2({early}, {1}, {{1000, false}, {3600, false}}, "CET-1CEST,M3.5.0,M10.5.0/3"),
      "time-zone");
  ASSERT_TRUE(zone.ok()) << zone.error().message;
  EXPECT_EQ(zone->UtcOffset(early * kSecond - 1), 1000);
  EXPECT_EQ(zone->UtcOffset(At("1890-07-01T00:00:00Z")), 7200);  // the footer, summer
  EXPECT_EQ(zone->UtcOffset(At("2040-03-25T01:00:00Z") - 1), 3600);
  EXPECT_EQ(zone->UtcOffset(At("2040-03-25T01:00:00Z")), 7200);
  EXPECT_EQ(zone->UtcOffset(At("2040-10-28T01:00:00Z") - 1), 7200);
  EXPECT_EQ(zone->UtcOffset(At("2040-10-28T01:00:00Z")), 3600);
  const TimeMicros day = zone->StartOfDay({2040, 10, 28});
  EXPECT_EQ(zone->NextMidnight(day) - day, 25 * 3600 * kSecond);
  // No transitions at all: the footer for every instant.
  auto footer_only =
      ParseTzif("Test/F", V2({}, {}, {{-18000, false}}, "EST5EDT,M3.2.0,M11.1.0"), "time-zone");
  ASSERT_TRUE(footer_only.ok()) << footer_only.error().message;
  EXPECT_EQ(footer_only->UtcOffset(At("2040-07-01T00:00:00Z")), -4 * 3600);
  EXPECT_EQ(footer_only->UtcOffset(At("2040-12-01T00:00:00Z")), -5 * 3600);
  // An empty footer: the last type goes on.
  auto no_footer = ParseTzif("Test/N", V2({0}, {1}, {{0, false}, {19800, false}}, ""), "tz");
  ASSERT_TRUE(no_footer.ok());
  EXPECT_EQ(no_footer->UtcOffset(At("2040-07-01T00:00:00Z")), 19800);
}

TEST(Tzif, PosixStrings) {
  ORDO_VERIFIES("ORDO-MISTZ-02");
  auto india = ParsePosixTz("<+0530>-5:30", "tz");
  ASSERT_TRUE(india.ok());
  EXPECT_EQ(india->std_offset, 19800);
  EXPECT_FALSE(india->dst_offset);
  auto lord_howe = ParsePosixTz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "tz");
  ASSERT_TRUE(lord_howe.ok());
  EXPECT_EQ(*lord_howe->dst_offset, 39600);
  auto ny = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0", "tz");
  ASSERT_TRUE(ny.ok());
  EXPECT_EQ(*ny->dst_offset, -4 * 3600);  // one hour ahead of standard by default
  EXPECT_EQ(ny->start.time, 7200);
  // Julian days and version 3 times (negative, over 24 h).
  auto julian = ParsePosixTz("XXX3YYY,J60/-1,300/100:30", "tz");
  ASSERT_TRUE(julian.ok()) << julian.error().message;
  EXPECT_EQ(julian->start.kind, PosixRule::Day::Kind::kJulian1);
  EXPECT_EQ(julian->start.time, -3600);
  EXPECT_EQ(julian->end.kind, PosixRule::Day::Kind::kJulian0);
  EXPECT_EQ(julian->end.time, 100 * 3600 + 1800);
  // J60 is March 1 in every year, leap or not.
  const auto changes = RuleChanges(*julian, 2028);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].at, (At("2028-03-01T00:00:00Z") / kSecond) - 3600 + 3 * 3600);
  for (const char* bad :
       {"", "CE", "CET", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
        "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "<+05", "CET-25",
        "CET-1CEST,J0,J365", "CET-1CEST,M3.5.0/168,M10.5.0", "CET-1 x"}) {
    auto rule = ParsePosixTz(bad, "tz");
    ASSERT_FALSE(rule.ok()) << bad;
    EXPECT_EQ(rule.error().reason, "bad_time_zone_file") << bad;
    EXPECT_EQ(rule.error().field, "tz");
  }
}

TEST(Tzif, BrokenFilesAreRefusedWithAClearError) {
  ORDO_VERIFIES("ORDO-MISTZ-05");
  const std::string good = V2({0, 100}, {1, 0}, {{0, false}, {3600, true}}, "UTC0");
  ASSERT_TRUE(ParseTzif("Test/G", good, "time-zone").ok());
  auto expect_bad = [](const std::string& data, const std::string& what) {
    auto zone = ParseTzif("Test/B", data, "time-zone");
    ASSERT_FALSE(zone.ok()) << what;
    EXPECT_EQ(zone.error().reason, "bad_time_zone_file") << what;
    EXPECT_EQ(zone.error().field, "time-zone") << what;
    EXPECT_NE(zone.error().message.find("Test/B"), std::string::npos) << what;
  };
  // Every cut of a valid file, down to nothing.
  for (std::size_t n = 0; n < good.size(); ++n)
    expect_bad(good.substr(0, n), "cut at " + std::to_string(n));
  std::string magic = good;
  magic[0] = 'X';
  expect_bad(magic, "bad magic");
  std::string version = good;
  version[4] = '9';
  expect_bad(version, "bad version");
  expect_bad(V2({100, 0}, {1, 0}, {{0, false}, {3600, true}}, ""), "times out of order");
  expect_bad(V2({0}, {5}, {{0, false}}, ""), "type index out of range");
  expect_bad(V2({}, {}, {}, ""), "no type");
  expect_bad(V2({0}, {0}, {{100000, false}}, ""), "offset out of range");
  expect_bad(V2({}, {}, {{0, false}}, "CET-1CEST"), "footer without rules");
  expect_bad(V2({}, {}, {{0, false}}, "UTC0 garbage"), "footer that does not parse");
}

TEST(Tzif, RandomDamageNeverCrashes) {
  ORDO_VERIFIES("ORDO-MISTZ-05");
  std::ifstream in("/usr/share/zoneinfo/Europe/Berlin", std::ios::binary);
  const std::string berlin((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(berlin.size(), 100u);
  ASSERT_TRUE(ParseTzif("Europe/Berlin", berlin, "time-zone").ok());
  std::mt19937 random(13);
  int refused = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string damaged = berlin;
    for (int k = 0; k < 4; ++k)
      damaged[random() % damaged.size()] = static_cast<char>(random() % 256);
    auto zone = ParseTzif("Europe/Berlin", damaged, "time-zone");
    if (!zone.ok()) {
      ++refused;
      EXPECT_EQ(zone.error().reason, "bad_time_zone_file");
      continue;
    }
    // A file that still parses answers queries without crashing.
    (void)zone->UtcOffset(At("2026-03-29T01:00:00Z"));
    (void)zone->StartOfDay({2026, 3, 29});
    (void)zone->NextMidnight(At("2040-01-01T00:00:00Z"));
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace ordo::mis::calendar
