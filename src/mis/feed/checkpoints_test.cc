// The feed's check of the MES's signed checkpoints: a checkpoint at a seq of the page (or
// at the cursor) verifies under the pinned key and signs the hash the MIS received, or
// the page stops with checkpoint_signature or checkpoint_mismatch.
#include "mis/feed/checkpoints.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/feed/chain_test_util.h"

namespace ordo::mis::feed {
namespace {

class FeedCheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    site_ = GenerateSigningKeyPair();
    chain_ = testing::Chain(6);
  }
  // The site's checkpoint of entry `seq` (1-based).
  ledger::Checkpoint Signed(std::int64_t seq) const {
    return ledger::SignCheckpoint(seq, chain_[seq - 1].hash, 1'800'000'000'000'100 + seq,
                                  site_.secret_key_hex);
  }
  // Entries 3..5 of the chain, after the cursor at 2.
  std::vector<ledger::LedgerEntry> Page() const { return {chain_.begin() + 2, chain_.end() - 1}; }
  FeedCursor From() const { return FeedCursor{2, chain_[1].hash}; }

  SigningKeyPair site_;
  std::vector<ledger::LedgerEntry> chain_;
};

TEST_F(FeedCheckpointTest, CheckpointsOfThePageAndAtTheCursorVerify) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  CheckpointCheck check =
      CheckCheckpoints(From(), Page(), {Signed(2), Signed(4), Signed(5)}, site_.public_key_hex);
  EXPECT_FALSE(check.broken) << check.broken->detail;
  EXPECT_EQ(check.verified, (std::vector<std::int64_t>{2, 4, 5}));
  // Before the first page the cursor is seq 0: nothing to check there.
  CheckpointCheck first = CheckCheckpoints(FeedCursor{}, {chain_.begin(), chain_.begin() + 1},
                                           {Signed(1)}, site_.public_key_hex);
  EXPECT_FALSE(first.broken);
  EXPECT_EQ(first.verified, (std::vector<std::int64_t>{1}));
}

TEST_F(FeedCheckpointTest, ACheckpointOfAnotherKeyIsACheckpointSignatureAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  // Signed and verifiable, but by a key that is not the site's pinned one.
  const SigningKeyPair other = GenerateSigningKeyPair();
  const ledger::Checkpoint forged =
      ledger::SignCheckpoint(4, chain_[3].hash, 1'800'000'000'000'200, other.secret_key_hex);
  ASSERT_TRUE(ledger::CheckpointSignatureValid(forged, other.public_key_hex));
  CheckpointCheck check =
      CheckCheckpoints(From(), Page(), {Signed(3), forged}, site_.public_key_hex);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->kind, "checkpoint_signature");
  EXPECT_EQ(check.broken->seq, 4);
  EXPECT_NE(check.broken->detail.find(other.public_key_hex), std::string::npos)
      << check.broken->detail;
  // The site's own checkpoints, checked against a wrong pinned key, fail the same way.
  CheckpointCheck wrong_pin = CheckCheckpoints(From(), Page(), {Signed(4)}, other.public_key_hex);
  ASSERT_TRUE(wrong_pin.broken);
  EXPECT_EQ(wrong_pin.broken->kind, "checkpoint_signature");
}

TEST_F(FeedCheckpointTest, ABadSignatureIsACheckpointSignatureAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  ledger::Checkpoint changed = Signed(5);
  changed.time_us += 1;  // the signed message changed, the signature did not
  CheckpointCheck check = CheckCheckpoints(From(), Page(), {changed}, site_.public_key_hex);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->kind, "checkpoint_signature");
  EXPECT_EQ(check.broken->seq, 5);
  EXPECT_TRUE(check.verified.empty());
}

TEST_F(FeedCheckpointTest, ACheckpointOfAnotherHashIsACheckpointMismatchAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  // Properly signed by the site, but of another chain than the one the MIS received
  // (e.g. entries forged in transit: their chain holds together, the signature does not
  // cover it).
  const ledger::Checkpoint other_chain =
      ledger::SignCheckpoint(4, std::string(64, 'e'), 1'800'000'000'000'300, site_.secret_key_hex);
  CheckpointCheck check =
      CheckCheckpoints(From(), Page(), {Signed(3), other_chain}, site_.public_key_hex);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->kind, "checkpoint_mismatch");
  EXPECT_EQ(check.broken->seq, 4);
  EXPECT_EQ(check.verified, (std::vector<std::int64_t>{3}));
  // At the cursor, the cursor's hash is the one the MIS holds.
  const ledger::Checkpoint at_cursor =
      ledger::SignCheckpoint(2, chain_[2].hash, 1'800'000'000'000'400, site_.secret_key_hex);
  CheckpointCheck cursor = CheckCheckpoints(From(), {}, {at_cursor}, site_.public_key_hex);
  ASSERT_TRUE(cursor.broken);
  EXPECT_EQ(cursor.broken->kind, "checkpoint_mismatch");
  EXPECT_EQ(cursor.broken->seq, 2);
}

TEST_F(FeedCheckpointTest, ACheckpointBeyondThePageWaitsAndOneBeforeTheCursorIsPassedOver) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  // Seq 6 is not in the page (3..5): not checked now, not verified; even a bad one.
  const ledger::Checkpoint later =
      ledger::SignCheckpoint(6, std::string(64, 'f'), 1'800'000'000'000'500, site_.secret_key_hex);
  ledger::Checkpoint earlier = Signed(1);
  earlier.signature = std::string(128, '0');
  CheckpointCheck check =
      CheckCheckpoints(From(), Page(), {earlier, Signed(5), later}, site_.public_key_hex);
  EXPECT_FALSE(check.broken) << check.broken->detail;
  EXPECT_EQ(check.verified, (std::vector<std::int64_t>{5}));
  // The next page holds seq 6: then it is checked.
  CheckpointCheck next =
      CheckCheckpoints(FeedCursor{5, chain_[4].hash}, {chain_[5]}, {later}, site_.public_key_hex);
  ASSERT_TRUE(next.broken);
  EXPECT_EQ(next.broken->kind, "checkpoint_mismatch");
}

TEST_F(FeedCheckpointTest, AnAnswerThatIsNotAListOfCheckpointsIsMalformed) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  ParsedCheckpoints good =
      ParseCheckpoints(Json{{"checkpoints", {ledger::ToJson(Signed(3))}}, {"next", 3}}, 2);
  EXPECT_FALSE(good.broken);
  ASSERT_EQ(good.checkpoints.size(), 1u);
  EXPECT_EQ(good.checkpoints[0], Signed(3));
  for (const Json& bad :
       {Json::array(), Json{{"next", 0}}, Json{{"checkpoints", {Json{{"seq", 3}}}}}}) {
    ParsedCheckpoints parsed = ParseCheckpoints(bad, 2);
    ASSERT_TRUE(parsed.broken) << bad.dump();
    EXPECT_EQ(parsed.broken->kind, "malformed_page");
    EXPECT_EQ(parsed.broken->seq, 3);
  }
}

}  // namespace
}  // namespace ordo::mis::feed
