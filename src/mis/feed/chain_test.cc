// The feed's chain check: a page continues the chain, or the first bad entry stops it.
#include "mis/feed/chain.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/feed/chain_test_util.h"

namespace ordo::mis::feed {
namespace {

using testing::Chain;

Json Page(const std::vector<ledger::LedgerEntry>& entries) {
  Json list = Json::array();
  for (const auto& e : entries) list.push_back(ledger::ToJson(e));
  return Json{{"entries", list}, {"next", entries.empty() ? 0 : entries.back().seq}};
}

TEST(FeedChainTest, APageThatContinuesTheChainMovesTheCursorToItsLastEntry) {
  ORDO_VERIFIES("ORDO-MIS-91");
  const auto chain = Chain(5);
  CheckedPage first = CheckPage(FeedCursor{}, Page({chain.begin(), chain.begin() + 3}));
  EXPECT_FALSE(first.broken);
  ASSERT_EQ(first.entries.size(), 3u);
  EXPECT_EQ(first.cursor, (FeedCursor{3, chain[2].hash}));
  CheckedPage second = CheckPage(first.cursor, Page({chain.begin() + 3, chain.end()}));
  EXPECT_FALSE(second.broken);
  EXPECT_EQ(second.cursor, (FeedCursor{5, chain[4].hash}));
  CheckedPage empty = CheckPage(second.cursor, Page({}));
  EXPECT_FALSE(empty.broken);
  EXPECT_EQ(empty.cursor, second.cursor);
}

TEST(FeedChainTest, AGapStopsAtTheMissingSeqAndKeepsWhatCameBefore) {
  ORDO_VERIFIES("ORDO-MIS-92");
  auto chain = Chain(4);
  CheckedPage page = CheckPage(FeedCursor{}, Page({chain[0], chain[1], chain[3]}));
  ASSERT_TRUE(page.broken);
  EXPECT_EQ(page.broken->kind, "gap");
  EXPECT_EQ(page.broken->seq, 3);
  EXPECT_NE(page.broken->detail.find("received 4"), std::string::npos) << page.broken->detail;
  EXPECT_EQ(page.entries.size(), 2u);
  EXPECT_EQ(page.cursor, (FeedCursor{2, chain[1].hash}));
  // A page that repeats an entry already taken is a gap too (seq 2 again after 2).
  CheckedPage repeat = CheckPage(page.cursor, Page({chain[1]}));
  ASSERT_TRUE(repeat.broken);
  EXPECT_EQ(repeat.broken->kind, "gap");
}

TEST(FeedChainTest, AChangedEntryIsAHashMismatch) {
  ORDO_VERIFIES("ORDO-MIS-92");
  auto chain = Chain(3);
  chain[1].payload["text"] = "forged";  // hash left as it was
  CheckedPage page = CheckPage(FeedCursor{}, Page(chain));
  ASSERT_TRUE(page.broken);
  EXPECT_EQ(page.broken->kind, "hash_mismatch");
  EXPECT_EQ(page.broken->seq, 2);
  EXPECT_EQ(page.entries.size(), 1u);
}

TEST(FeedChainTest, AnEntryRehashedOnAnotherPredecessorBreaksTheChain) {
  ORDO_VERIFIES("ORDO-MIS-92");
  auto chain = Chain(3);
  // Consistent in itself, but not the continuation of what the MIS holds: another ledger
  // (a restored backup, another MES) or a rewritten history.
  CheckedPage page = CheckPage(FeedCursor{2, std::string(64, 'a')}, Page({chain[2]}));
  ASSERT_TRUE(page.broken);
  EXPECT_EQ(page.broken->kind, "broken_chain");
  EXPECT_EQ(page.broken->seq, 3);
  EXPECT_TRUE(page.entries.empty());
  EXPECT_EQ(page.cursor, (FeedCursor{2, std::string(64, 'a')}));
}

TEST(FeedChainTest, MalformedAnswersAndEntriesStopWithoutTakingAnything) {
  ORDO_VERIFIES("ORDO-MIS-92");
  for (const Json& bad : {Json(nullptr), Json::array(), Json{{"entries", 3}}, Json::object()}) {
    CheckedPage page = CheckPage(FeedCursor{}, bad);
    ASSERT_TRUE(page.broken) << bad.dump();
    EXPECT_EQ(page.broken->kind, "malformed_page");
    EXPECT_EQ(page.broken->seq, 1);
  }
  auto chain = Chain(2);
  Json page = Page(chain);
  page["entries"][1].erase("hash");
  CheckedPage checked = CheckPage(FeedCursor{}, page);
  ASSERT_TRUE(checked.broken);
  EXPECT_EQ(checked.broken->kind, "malformed_entry");
  EXPECT_EQ(checked.broken->seq, 2);
  EXPECT_EQ(checked.entries.size(), 1u);
}

// GET /api/v1/ledger?before=0&limit=1 of a ledger whose head is `head` (none: empty).
Json Newest(const std::optional<ledger::LedgerEntry>& head) {
  Json list = Json::array();
  if (head) list.push_back(ledger::ToJson(*head));
  return Json{{"entries", list}, {"next", 0}};
}

TEST(FeedChainTest, AnMesLedgerEndingBeforeTheCursorIsAnAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-33");
  const auto chain = Chain(5);
  const FeedCursor cursor{4, chain[3].hash};
  // A head at or after the cursor, with the cursor's hash there: nothing to say.
  EXPECT_FALSE(CheckHead(cursor, Newest(chain[4])));
  EXPECT_FALSE(CheckHead(cursor, Newest(chain[3])));
  EXPECT_FALSE(CheckHead(FeedCursor{}, Newest(std::nullopt)));
  EXPECT_FALSE(CheckHead(FeedCursor{}, Newest(chain[0])));
  // An MES restored from a backup of entry 2: entries 3 and 4 are gone.
  auto behind = CheckHead(cursor, Newest(chain[1]));
  ASSERT_TRUE(behind);
  EXPECT_EQ(behind->kind, "mes_ledger_behind_cursor");
  EXPECT_EQ(behind->seq, 3);
  EXPECT_NE(behind->detail.find("ends at entry 2"), std::string::npos) << behind->detail;
  // An empty ledger (a new MES at the address).
  auto empty = CheckHead(cursor, Newest(std::nullopt));
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->kind, "mes_ledger_behind_cursor");
  EXPECT_EQ(empty->seq, 1);
  // Another ledger as long as the cursor: its entry 4 is not the one taken.
  ledger::LedgerEntry other = chain[3];
  other.payload = Json{{"text", "another ledger"}};
  other.hash = ledger::ComputeHash(other);
  auto replaced = CheckHead(cursor, Newest(other));
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->kind, "broken_chain");
  EXPECT_EQ(replaced->seq, 4);
  // Answers that are not a page, or an entry that does not parse.
  EXPECT_EQ(CheckHead(cursor, Json::array())->kind, "malformed_page");
  EXPECT_EQ(CheckHead(cursor, Json{{"entries", {{{"seq", "x"}}}}})->kind, "malformed_entry");
}

}  // namespace
}  // namespace ordo::mis::feed
