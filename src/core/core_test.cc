// Unit tests for ordo_core: Result/Error, clock formatting, canonical JSON, crypto.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/json_fields.h"
#include "core/result.h"
#include "core/testing/verifies.h"

namespace ordo {
namespace {

class CryptoEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
};
const auto* const kCryptoEnv = ::testing::AddGlobalTestEnvironment(new CryptoEnvironment);

// --- Result and Error -----------------------------------------------------------------

TEST(ResultTest, EveryErrorCodeHasItsOwnNameAndStatus) {
  ORDO_VERIFIES("ORDO-API-04");
  const struct {
    ErrorCode code;
    const char* name;
    int status;
  } cases[] = {
      {ErrorCode::kInvalidArgument, "invalid_argument", 400},
      {ErrorCode::kUnauthenticated, "unauthenticated", 401},
      {ErrorCode::kPermissionDenied, "permission_denied", 403},
      {ErrorCode::kNotFound, "not_found", 404},
      {ErrorCode::kConflict, "conflict", 409},
      {ErrorCode::kFailedPrecondition, "failed_precondition", 422},
      {ErrorCode::kResourceExhausted, "resource_exhausted", 429},
      {ErrorCode::kUnavailable, "unavailable", 503},
      {ErrorCode::kInternal, "internal", 500},
      {ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415},
  };
  std::set<std::string> names;
  for (const auto& c : cases) {
    EXPECT_STREQ(ErrorCodeName(c.code), c.name);
    EXPECT_EQ(HttpStatusFor(c.code), c.status) << c.name;
    names.insert(ErrorCodeName(c.code));
  }
  EXPECT_EQ(names.size(), std::size(cases));
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> good = 42;
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(static_cast<bool>(good));
  EXPECT_EQ(*good, 42);

  Result<int> bad = Error::Invalid("qty", "qty must be positive", "not_positive");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "qty");
  EXPECT_EQ(bad.error().message, "qty must be positive");
  EXPECT_EQ(bad.error().reason, "not_positive");

  Error made = Error::Make(ErrorCode::kNotFound, "gone");
  EXPECT_EQ(made.code, ErrorCode::kNotFound);
  EXPECT_TRUE(made.field.empty());
}

Status FailsThenContinues(bool fail, int* reached) {
  ORDO_TRY(fail ? Status(Error::Make(ErrorCode::kConflict, "stop")) : Ok());
  *reached = 1;
  return Ok();
}

TEST(ResultTest, OrdoTryPropagatesTheError) {
  int reached = 0;
  Status s = FailsThenContinues(true, &reached);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(reached, 0);
  EXPECT_TRUE(FailsThenContinues(false, &reached).ok());
  EXPECT_EQ(reached, 1);
}

// --- Clock and ISO times --------------------------------------------------------------

TEST(ClockTest, FakeClockSetsAndAdvances) {
  ORDO_VERIFIES("ORDO-TIME-01");
  FakeClock clock(1000);
  EXPECT_EQ(clock.NowMicros(), 1000);
  clock.Advance(250);
  EXPECT_EQ(clock.NowMicros(), 1250);
  clock.Set(7);
  EXPECT_EQ(clock.NowMicros(), 7);
}

TEST(ClockTest, FormatsUtcMicros) {
  ORDO_VERIFIES("ORDO-TIME-01");
  EXPECT_EQ(FormatUtcMicros(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatUtcMicros(1'000'001), "1970-01-01T00:00:01.000001Z");
  EXPECT_EQ(FormatUtcMicros(-1), "1969-12-31T23:59:59.999999Z");
}

TEST(ClockTest, FormatAndParseRoundTrip) {
  ORDO_VERIFIES("ORDO-TIME-01");
  const TimeMicros times[] = {
      0, 1, 999'999, 1'795'597'445'123'456, 951'782'400'000'000, -1'500'000, 4'102'444'799'999'999};
  for (TimeMicros t : times) {
    TimeMicros parsed = -42;
    const std::string text = FormatUtcMicros(t);
    ASSERT_TRUE(ParseIsoTime(text, &parsed)) << text;
    EXPECT_EQ(parsed, t) << text;
  }
}

TEST(ClockTest, ParsesOffsetsAndFractions) {
  ORDO_VERIFIES("ORDO-TIME-01");
  TimeMicros utc = 0, plus = 0, minus = 0, short_fraction = 0, no_fraction = 0;
  ASSERT_TRUE(ParseIsoTime("2026-11-25T09:04:05.123456Z", &utc));
  ASSERT_TRUE(ParseIsoTime("2026-11-25T11:34:05.123456+02:30", &plus));
  ASSERT_TRUE(ParseIsoTime("2026-11-25T04:04:05.123456-05:00", &minus));
  EXPECT_EQ(plus, utc);
  EXPECT_EQ(minus, utc);
  EXPECT_EQ(FormatUtcMicros(utc), "2026-11-25T09:04:05.123456Z");
  ASSERT_TRUE(ParseIsoTime("2026-11-25T09:04:05.5Z", &short_fraction));
  ASSERT_TRUE(ParseIsoTime("2026-11-25T09:04:05Z", &no_fraction));
  EXPECT_EQ(short_fraction - no_fraction, 500'000);
  EXPECT_EQ(utc - no_fraction, 123'456);
  TimeMicros leap = 0;
  ASSERT_TRUE(ParseIsoTime("2028-02-29T00:00:00Z", &leap));
  EXPECT_EQ(FormatUtcMicros(leap), "2028-02-29T00:00:00.000000Z");
  EXPECT_FALSE(ParseIsoTime("2026-02-29T00:00:00Z", &leap));
}

TEST(ClockTest, RejectsBadInput) {
  ORDO_VERIFIES("ORDO-TIME-01");
  const char* bad[] = {
      "",
      "2026-11-25",
      "2026-11-25T09:04:05",   // no zone
      "2026-11-25 09:04:05Z",  // space instead of T
      "2026-13-25T09:04:05Z",  // month
      "2026-00-25T09:04:05Z",
      "2026-11-32T09:04:05Z",       // day
      "2026-02-30T09:04:05Z",       // day beyond the month
      "2026-11-25T24:04:05Z",       // hour
      "2026-11-25T09:60:05Z",       // minute
      "2026-11-25T09:04:05.Z",      // empty fraction
      "2026-11-25T09:04:05ZZ",      // trailing junk
      "2026-11-25T09:04:05+0200",   // offset without colon
      "2026-11-25T09:04:05+24:00",  // offset hour
      "2026-11-25T09:04:05+02:60",  // offset minute
      "2026-11-25T09:04:-5Z",       // negative second
      "2026-11-25T09:-4:05Z",       // negative minute
      "2026-11-25T09:04: 5Z",       // blank inside a field
      "+026-11-25T09:04:05Z",       // sign in the year
      "2026-11-25T09:04:05+-1:00",  // signed offset hour
      "2026-11-25T09:04:05.123abcZ",
  };
  for (const char* text : bad) {
    TimeMicros out = 12345;
    EXPECT_FALSE(ParseIsoTime(text, &out)) << "accepted '" << text << "'";
  }
}

// --- Canonical JSON -------------------------------------------------------------------

TEST(JsonFieldsTest, ReadStringsAndStringListsAndTreatOtherTypesAsEmpty) {
  ORDO_VERIFIES("ORDO-PERF-04");
  const Json c = Json::parse(
      R"({"level": "work_unit", "n": 3, "caps": ["a", 1, "b"], "one": "x", "list": "x"})");
  EXPECT_EQ(TextField(c, "level"), "work_unit");
  EXPECT_EQ(TextField(c, "n"), "");
  EXPECT_EQ(TextField(c, "missing"), "");
  EXPECT_EQ(TextField(Json::array({"level"}), "level"), "");
  EXPECT_EQ(TextsField(c, "caps"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(TextsField(c, "list").empty());
  EXPECT_TRUE(TextsField(c, "missing").empty());
  EXPECT_TRUE(TextsField(Json(5), "caps").empty());
}

TEST(CanonicalJsonTest, SortsKeysAndDropsWhitespace) {
  ORDO_VERIFIES("ORDO-LEDGER-06");
  Json v = Json::parse(R"({ "b": 1, "a": { "d": [1, 2, {"y": null, "x": true}], "c": "x" } })");
  EXPECT_EQ(CanonicalJson(v), R"({"a":{"c":"x","d":[1,2,{"x":true,"y":null}]},"b":1})");
}

TEST(CanonicalJsonTest, SameValueGivesSameBytesWhateverTheInputOrder) {
  ORDO_VERIFIES("ORDO-LEDGER-06");
  Json one = Json::parse(R"({"z": 1, "é": 2, "A": [3, 4]})");
  Json two = Json::parse("{\"A\":[3,4],\n \"é\":2,\t\"z\":1}");
  EXPECT_EQ(CanonicalJson(one), CanonicalJson(two));
  // Byte order: "A" < "z" < "é" (0xC3...), and UTF-8 is kept, not escaped.
  EXPECT_EQ(CanonicalJson(one), "{\"A\":[3,4],\"z\":1,\"\xC3\xA9\":2}");
}

TEST(CanonicalJsonTest, NumbersAndStrings) {
  ORDO_VERIFIES("ORDO-LEDGER-06");
  Json v = {{"big", 9007199254740993LL}, {"neg", -5}, {"half", 0.5}, {"s", "a\"b\n"}};
  EXPECT_EQ(CanonicalJson(v), R"({"big":9007199254740993,"half":0.5,"neg":-5,"s":"a\"b\n"})");
  EXPECT_EQ(Json::parse(CanonicalJson(v)), v);
}

// --- Hashes, hex, signatures ----------------------------------------------------------

TEST(CryptoTest, Sha256KnownVectors) {
  ORDO_VERIFIES("ORDO-LEDGER-01");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(Sha256Hex("abc"), Sha256Hex("abd"));
}

TEST(CryptoTest, HexRoundTripAndBadHex) {
  const std::string raw("\x00\x01\xfe\xff", 4);
  EXPECT_EQ(ToHex(raw), "0001feff");
  std::string back;
  ASSERT_TRUE(FromHex("0001FEff", &back));
  EXPECT_EQ(back, raw);
  EXPECT_FALSE(FromHex("abc", &back));   // odd length
  EXPECT_FALSE(FromHex("zz00", &back));  // not hex
  EXPECT_FALSE(FromHex("00 1", &back));
}

TEST(CryptoTest, Ed25519SignAndVerify) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  SigningKeyPair keys = GenerateSigningKeyPair();
  EXPECT_EQ(keys.public_key_hex.size(), 64u);
  EXPECT_EQ(keys.secret_key_hex.size(), 128u);
  EXPECT_EQ(PublicKeyOf(keys.secret_key_hex), keys.public_key_hex);
  EXPECT_EQ(PublicKeyOf("not a key"), "");

  const std::string message = "ordo-checkpoint-v1\n7\nabc\n123";
  const std::string sig = SignDetached(message, keys.secret_key_hex);
  EXPECT_EQ(sig.size(), 128u);
  EXPECT_TRUE(VerifyDetached(message, sig, keys.public_key_hex));

  // A flipped byte in the message, in the signature or another key: all refused.
  std::string flipped_message = message;
  flipped_message[5] ^= 0x01;
  EXPECT_FALSE(VerifyDetached(flipped_message, sig, keys.public_key_hex));
  std::string sig_bytes;
  ASSERT_TRUE(FromHex(sig, &sig_bytes));
  sig_bytes[10] ^= 0x01;
  EXPECT_FALSE(VerifyDetached(message, ToHex(sig_bytes), keys.public_key_hex));
  SigningKeyPair other = GenerateSigningKeyPair();
  EXPECT_NE(other.public_key_hex, keys.public_key_hex);
  EXPECT_FALSE(VerifyDetached(message, sig, other.public_key_hex));
  EXPECT_FALSE(VerifyDetached(message, "zz", keys.public_key_hex));
}

TEST(CryptoTest, Argon2idHashAndVerify) {
  ORDO_VERIFIES("P11-17", "ORDO-ACCESS-01");
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery!"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  auto again = HashPassword("correct horse battery");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*again, *hash);  // salted
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
}

TEST(CryptoTest, PlantsGetTheInteractiveCostAndOnlyTheTestSwitchLowersIt) {
  ORDO_VERIFIES("P11-17", "ORDO-ACCESS-01");
  auto real = HashPassword("correct horse battery", PasswordCost::kInteractive);
  ASSERT_TRUE(real.ok());
  // libsodium's interactive limits: 64 MiB, two passes; the cost travels in the hash.
  EXPECT_NE(real->find("$m=65536,t=2,"), std::string::npos) << *real;
  auto cheap = HashPassword("correct horse battery", PasswordCost::kInsecureMinimum);
  ASSERT_TRUE(cheap.ok());
  EXPECT_NE(cheap->find("$m=8,t=1,"), std::string::npos) << *cheap;
  EXPECT_TRUE(VerifyPassword(*real, "correct horse battery"));
  EXPECT_TRUE(VerifyPassword(*cheap, "correct horse battery"));
  // The default follows the switch, and the switch is exactly "1".
  const char* v = std::getenv("ORDO_INSECURE_FAST_PASSWORD_HASH");
  const bool on = v != nullptr && std::string(v) == "1";
  EXPECT_EQ(InsecureFastPasswordHash(), on);
  auto by_default = HashPassword("correct horse battery");
  ASSERT_TRUE(by_default.ok());
  EXPECT_NE(by_default->find(on ? "$m=8,t=1," : "$m=65536,t=2,"), std::string::npos) << *by_default;
}

TEST(CryptoTest, RandomTokensAndPasswords) {
  const std::string a = RandomHex(32), b = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  const std::string pw = RandomPassword(12);
  EXPECT_EQ(pw.size(), 12u);
  for (char c : pw) EXPECT_EQ(std::string("0O1lI").find(c), std::string::npos) << pw;
}

TEST(CryptoTest, HmacSha256MatchesRfc4231) {
  ORDO_VERIFIES("ORDO-ACCESS-10");
  // RFC 4231 test case 2.
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_NE(HmacSha256Hex("other key", "what do ya want for nothing?"),
            HmacSha256Hex("Jefe", "what do ya want for nothing?"));
}

}  // namespace
}  // namespace ordo
