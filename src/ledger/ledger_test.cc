// Unit tests for ordo_ledger: entry hashing, chain verification, checkpoints, export, schemas.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "ledger/checkpoint.h"
#include "ledger/entry.h"
#include "ledger/event_schema.h"
#include "ledger/export.h"
#include "ledger/verify.h"

namespace ordo::ledger {
namespace {

class CryptoEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
};
const auto* const kCryptoEnv = ::testing::AddGlobalTestEnvironment(new CryptoEnvironment);

constexpr TimeMicros kT0 = 1'795'597'445'000'000;

LedgerEntry MakeEntry(std::int64_t seq, const std::string& prev_hash) {
  LedgerEntry e;
  e.seq = seq;
  e.time_us = kT0 + seq * 1000;
  e.actor = "op" + std::to_string(seq % 3);
  e.role = "operator";
  e.type = "logbook.entry_recorded";
  e.subject = Subject{"logbook_entry", std::to_string(seq), 1};
  e.payload =
      Json{{"subject", "GRAN-01"}, {"category", "use"}, {"text", "run " + std::to_string(seq)}};
  e.prev_hash = prev_hash;
  e.hash = ComputeHash(e);
  return e;
}

std::vector<LedgerEntry> MakeChain(int n) {
  std::vector<LedgerEntry> chain;
  std::string prev = kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    chain.push_back(MakeEntry(i, prev));
    prev = chain.back().hash;
  }
  return chain;
}

// Recomputes prev_hash and hash of every entry from `from` (0-based) onwards.
void Rehash(std::vector<LedgerEntry>& chain, std::size_t from) {
  for (std::size_t i = from; i < chain.size(); ++i) {
    chain[i].prev_hash = i == 0 ? kGenesisHash : chain[i - 1].hash;
    chain[i].hash = ComputeHash(chain[i]);
  }
}

VerifyReport Verify(const std::vector<LedgerEntry>& chain, std::vector<Checkpoint> checkpoints,
                    const std::string& key) {
  ChainVerifier v(std::move(checkpoints), key);
  for (const auto& e : chain) v.Feed(e);
  return v.Finish();
}

class LedgerTest : public ::testing::Test {
 protected:
  SigningKeyPair keys_ = GenerateSigningKeyPair();
  std::vector<LedgerEntry> chain_ = MakeChain(8);
  // Checkpoints at seq 3 and 6 over the original chain.
  std::vector<Checkpoint> checkpoints_ = {
      SignCheckpoint(3, chain_[2].hash, kT0 + 1, keys_.secret_key_hex),
      SignCheckpoint(6, chain_[5].hash, kT0 + 2, keys_.secret_key_hex)};

  void ExpectBad(const std::vector<LedgerEntry>& chain, std::int64_t seq,
                 const std::string& words) {
    VerifyReport r = Verify(chain, checkpoints_, keys_.public_key_hex);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, seq) << r.message;
    EXPECT_NE(r.message.find("seq " + std::to_string(seq)), std::string::npos) << r.message;
    EXPECT_NE(r.message.find(words), std::string::npos) << r.message;
  }
};

TEST_F(LedgerTest, HashChangesWhenAnyFieldChanges) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  const LedgerEntry base = MakeEntry(5, std::string(64, 'a'));
  const std::string h = ComputeHash(base);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, ComputeHash(base));  // deterministic
  const std::vector<std::function<void(LedgerEntry&)>> edits = {
      [](LedgerEntry& e) { e.seq += 1; },
      [](LedgerEntry& e) { e.time_us += 1; },
      [](LedgerEntry& e) { e.actor += "x"; },
      [](LedgerEntry& e) { e.role = "supervisor"; },
      [](LedgerEntry& e) { e.type = "logbook.entry_corrected"; },
      [](LedgerEntry& e) { e.schema_version = 2; },
      [](LedgerEntry& e) { e.subject.kind = "user"; },
      [](LedgerEntry& e) { e.subject.id = "6"; },
      [](LedgerEntry& e) { e.subject.version = 2; },
      [](LedgerEntry& e) { e.payload["text"] = "run 5 "; },
      [](LedgerEntry& e) { e.payload["extra"] = nullptr; },
      [](LedgerEntry& e) { e.reason = "typo"; },
      [](LedgerEntry& e) { e.reason = ""; },
      [](LedgerEntry& e) {
        e.signatures.push_back(Json{{"id", 1}});
      },
      [](LedgerEntry& e) { e.prev_hash[0] = 'b'; },
      [](LedgerEntry& e) {
        e.origin = Origin{0, "10.0.0.7", ""};
      },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    LedgerEntry changed = base;
    edits[i](changed);
    EXPECT_NE(ComputeHash(changed), h) << "edit " << i;
  }
  LedgerEntry other_hash = base;
  other_hash.hash = "ff";  // the stored hash is not part of what is hashed
  EXPECT_EQ(ComputeHash(other_hash), h);
}

TEST_F(LedgerTest, OriginIsHashedAndLeftOutWhenAbsent) {
  ORDO_VERIFIES("DI-01", "ORDO-LEDGER-08");
  LedgerEntry e = MakeEntry(5, std::string(64, 'a'));
  // An entry without an origin (written before release 0.2) hashes as before: its
  // canonical body has no origin key at all.
  EXPECT_EQ(CanonicalBody(e).find("origin"), std::string::npos);
  e.origin = Origin{12, "10.0.0.7", "Line 3 HMI"};
  const std::string h = ComputeHash(e);
  EXPECT_EQ(CanonicalBody(e), CanonicalBodyViaJson(e));
  const std::vector<std::function<void(Origin&)>> edits = {
      [](Origin& o) { o.session = 13; },         [](Origin& o) { o.session = 0; },
      [](Origin& o) { o.address = "10.0.0.8"; }, [](Origin& o) { o.terminal = "Line 4 HMI"; },
      [](Origin& o) { o.terminal.clear(); },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    LedgerEntry changed = e;
    edits[i](*changed.origin);
    EXPECT_NE(ComputeHash(changed), h) << "edit " << i;
    EXPECT_EQ(CanonicalBody(changed), CanonicalBodyViaJson(changed)) << "edit " << i;
  }
  auto back = FromJson(ToJson(e));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);
  Json bad = ToJson(e);
  bad["origin"]["session"] = "twelve";
  auto refused = FromJson(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "origin.session");
}

TEST_F(LedgerTest, FastCanonicalBodyEqualsJsonForm) {
  ORDO_VERIFIES("ORDO-LEDGER-06");
  LedgerEntry e = MakeEntry(7, std::string(64, 'b'));
  EXPECT_EQ(CanonicalBody(e), CanonicalBodyViaJson(e));
  e.reason = "quote \" backslash \\ newline \n unicode \u00e9 \u6f22";
  e.actor = "line\tfeed \x01";
  e.payload = Json{{"z", 1}, {"a", Json::array({1.5, "x", nullptr, true})}, {"m", {{"b", 2}}}};
  e.signatures = Json::array({{{"id", 3}}});
  EXPECT_EQ(CanonicalBody(e), CanonicalBodyViaJson(e));
  e.reason.reset();
  e.seq = -1;
  EXPECT_EQ(CanonicalBody(e), CanonicalBodyViaJson(e));
}

TEST_F(LedgerTest, JsonRoundTrip) {
  ORDO_VERIFIES("ORDO-LEDGER-06");
  LedgerEntry e = chain_[3];
  e.reason = "because";
  auto back = FromJson(ToJson(e));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);
  Json broken = ToJson(e);
  broken.erase("time_us");
  auto bad = FromJson(broken);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "time_us");
  EXPECT_FALSE(FromJson(Json::array()).ok());
}

TEST_F(LedgerTest, IntactChainVerifies) {
  ORDO_VERIFIES("ORDO-LEDGER-01");
  VerifyReport r = Verify(chain_, checkpoints_, keys_.public_key_hex);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries, 8);
  EXPECT_EQ(r.checkpoints, 2);
  EXPECT_EQ(r.head_seq, 8);
  EXPECT_EQ(r.first_bad_seq, 0);
}

TEST_F(LedgerTest, ChangedPayloadDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  chain_[4].payload["text"] = "forged";
  ExpectBad(chain_, 5, "stored hash does not match");
}

TEST_F(LedgerTest, ChangedTimeDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  chain_[6].time_us -= 1;
  ExpectBad(chain_, 7, "stored hash does not match");
}

TEST_F(LedgerTest, DeletedEntryDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  chain_.erase(chain_.begin() + 3);
  ExpectBad(chain_, 4, "entry missing");
}

TEST_F(LedgerTest, SwappedContentsDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  // Contents of seq 4 and 5 swapped, seqs left in place.
  std::swap(chain_[3], chain_[4]);
  std::swap(chain_[3].seq, chain_[4].seq);
  ExpectBad(chain_, 4, "prev_hash does not match");
}

TEST_F(LedgerTest, InsertedEntryDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  // A well-formed forged entry inserted after seq 4, the rest renumbered and re-hashed.
  LedgerEntry forged = MakeEntry(5, chain_[3].hash);
  forged.payload["text"] = "forged";
  forged.hash = ComputeHash(forged);
  chain_.insert(chain_.begin() + 4, forged);
  for (std::size_t i = 5; i < chain_.size(); ++i) chain_[i].seq = static_cast<std::int64_t>(i) + 1;
  Rehash(chain_, 5);
  // The chain itself is consistent again; the signed checkpoint at 6 is what catches it.
  ExpectBad(chain_, 6, "rewritten");
}

TEST_F(LedgerTest, DuplicateSeqDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  chain_.insert(chain_.begin() + 3, chain_[2]);
  ExpectBad(chain_, 4, "out of order");
}

TEST_F(LedgerTest, ConsistentRewriteCaughtByOldCheckpoint) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  chain_[1].payload["text"] = "rewritten history";
  Rehash(chain_, 1);
  // The hash links are consistent again: a checkpoint before the change does not see it...
  const auto before = SignCheckpoint(1, chain_[0].hash, kT0, keys_.secret_key_hex);
  VerifyReport unseen = Verify(chain_, {before}, keys_.public_key_hex);
  EXPECT_TRUE(unseen.ok) << unseen.message;
  // ...the first checkpoint at or after the change catches it.
  ExpectBad(chain_, 3, "rewritten");
}

TEST_F(LedgerTest, CheckpointSignedWithAnotherKeyDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  SigningKeyPair other = GenerateSigningKeyPair();
  checkpoints_[1] = SignCheckpoint(6, chain_[5].hash, kT0 + 2, other.secret_key_hex);
  EXPECT_FALSE(CheckpointSignatureValid(checkpoints_[1], keys_.public_key_hex));
  ExpectBad(chain_, 6, "signature does not verify");
  // The same checkpoint claiming the trusted key is refused too.
  checkpoints_[1].public_key = keys_.public_key_hex;
  ExpectBad(chain_, 6, "signature does not verify");
}

TEST_F(LedgerTest, CheckpointBeyondHeadDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  chain_.resize(5);
  VerifyReport r = Verify(chain_, checkpoints_, keys_.public_key_hex);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 6);
  EXPECT_NE(r.message.find("beyond the ledger head"), std::string::npos) << r.message;
}

TEST_F(LedgerTest, CheckpointSignatureAndJson) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  const Checkpoint& c = checkpoints_[0];
  EXPECT_EQ(SignedMessage(c),
            "ordo-checkpoint-v1\n3\n" + chain_[2].hash + "\n" + std::to_string(kT0 + 1));
  EXPECT_TRUE(CheckpointSignatureValid(c, keys_.public_key_hex));
  Checkpoint moved = c;
  moved.seq = 4;
  EXPECT_FALSE(CheckpointSignatureValid(moved, keys_.public_key_hex));
  auto back = CheckpointFromJson(ToJson(c));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, c);
  Json bad = ToJson(c);
  bad["seq"] = "3";
  EXPECT_FALSE(CheckpointFromJson(bad).ok());
}

// --- Export ---------------------------------------------------------------------------

class ExportTest : public LedgerTest {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ordo_ledger_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/export.jsonl";
    std::ofstream out(path_);
    ExportWriter w(out, keys_.public_key_hex, kT0 + 10, checkpoints_);
    for (const auto& e : chain_) w.Add(e);
    w.Finish();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<std::string> ReadLines() {
    std::ifstream in(path_);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  }
  void WriteLines(const std::vector<std::string>& lines) {
    std::ofstream out(path_, std::ios::trunc);
    for (const auto& l : lines) out << l << '\n';
  }

  std::string dir_, path_;
};

TEST_F(ExportTest, WrittenExportVerifies) {
  ORDO_VERIFIES("P11-02", "A11-15", "ORDO-LEDGER-04");
  auto lines = ReadLines();
  ASSERT_EQ(lines.size(), 1 + checkpoints_.size() + chain_.size() + 1);
  VerifyReport r = VerifyExportFile(path_, "");
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries, 8);
  EXPECT_EQ(r.checkpoints, 2);
  VerifyReport pinned = VerifyExportFile(path_, keys_.public_key_hex);
  EXPECT_TRUE(pinned.ok) << pinned.message;
}

TEST_F(ExportTest, TruncatedFileDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-04");
  auto lines = ReadLines();
  lines.pop_back();  // trailer gone
  WriteLines(lines);
  VerifyReport r = VerifyExportFile(path_, "");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("truncated"), std::string::npos) << r.message;
  lines.resize(lines.size() - 4);  // last entries gone as well: seq 5..8
  WriteLines(lines);
  r = VerifyExportFile(path_, "");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 5) << r.message;
}

TEST_F(ExportTest, EditedLineDetected) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-04");
  auto lines = ReadLines();
  const std::size_t line_of_seq4 = 1 + checkpoints_.size() + 3;
  const std::string before = lines[line_of_seq4];
  const std::size_t at = before.find("run 4");
  ASSERT_NE(at, std::string::npos);
  lines[line_of_seq4] = before.substr(0, at) + "run 9" + before.substr(at + 5);
  WriteLines(lines);
  VerifyReport r = VerifyExportFile(path_, "");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 4) << r.message;
}

TEST_F(ExportTest, PinnedKeyMismatchRejected) {
  ORDO_VERIFIES("A11-15", "ORDO-LEDGER-04");
  SigningKeyPair other = GenerateSigningKeyPair();
  VerifyReport r = VerifyExportFile(path_, other.public_key_hex);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("pinned"), std::string::npos) << r.message;
  EXPECT_FALSE(VerifyExportFile(dir_ + "/missing.jsonl", "").ok);
}

// --- Event schemas --------------------------------------------------------------------

TEST(EventSchemaTest, KnownTypesAndUnknownType) {
  ORDO_VERIFIES("ORDO-LEDGER-07");
  EXPECT_EQ(CurrentSchemaVersion("ledger.initialized"), 1);
  EXPECT_EQ(CurrentSchemaVersion("test.never_registered"), 0);
  auto r = Upcast("test.never_registered", 1, Json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "type");
  Json p = {{"site", "A"}};
  auto same = Upcast("ledger.initialized", 1, p);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*same, p);
}

TEST(EventSchemaTest, UpcastsStepByStepAndRefusesNewerVersions) {
  ORDO_VERIFIES("P11-03", "ORDO-LEDGER-07");
  const std::string type = "test.widget_counted";
  RegisterUpcaster(type, 1, [](const Json& p) {
    Json out = p;
    out["count"] = out["qty"];
    out.erase("qty");
    return out;
  });
  RegisterUpcaster(type, 2, [](const Json& p) {
    Json out = p;
    out["unit"] = "pcs";
    return out;
  });
  EXPECT_EQ(CurrentSchemaVersion(type), 3);
  auto v1 = Upcast(type, 1, Json{{"qty", 7}});
  ASSERT_TRUE(v1.ok()) << v1.error().message;
  EXPECT_EQ(*v1, (Json{{"count", 7}, {"unit", "pcs"}}));
  auto v2 = Upcast(type, 2, Json{{"count", 2}});
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(*v2, (Json{{"count", 2}, {"unit", "pcs"}}));

  auto newer = Upcast(type, 4, Json{{"count", 1}});
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(newer.error().message.find("upgrade"), std::string::npos);
}

TEST(EventSchemaTest, MissingStepIsAnError) {
  ORDO_VERIFIES("ORDO-LEDGER-07");
  const std::string type = "test.gappy";
  RegisterUpcaster(type, 2, [](const Json& p) { return p; });
  EXPECT_EQ(CurrentSchemaVersion(type), 3);
  auto r = Upcast(type, 1, Json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("version 1"), std::string::npos) << r.error().message;
  EXPECT_TRUE(Upcast(type, 2, Json::object()).ok());
}

}  // namespace
}  // namespace ordo::ledger
