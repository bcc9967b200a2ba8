// The feed's chain check.
#include "mis/feed/chain.h"

namespace ordo::mis::feed {

namespace {

std::string Seq(std::int64_t seq) { return "ledger entry " + std::to_string(seq); }

}  // namespace

CheckedPage CheckPage(const FeedCursor& from, const Json& page) {
  CheckedPage out;
  out.cursor = from;
  if (!page.is_object() || !page.contains("entries") || !page["entries"].is_array()) {
    out.broken =
        ChainBreak{"malformed_page", from.seq + 1, "the MES answered without an `entries` array"};
    return out;
  }
  for (const Json& item : page["entries"]) {
    const std::int64_t expected = out.cursor.seq + 1;
    auto entry = ledger::FromJson(item);
    if (!entry.ok()) {
      out.broken = ChainBreak{"malformed_entry", expected,
                              Seq(expected) + " does not parse: " + entry.error().message};
      return out;
    }
    if (entry->seq != expected) {
      out.broken =
          ChainBreak{"gap", expected,
                     "expected " + Seq(expected) + " after " + std::to_string(out.cursor.seq) +
                         ", received " + std::to_string(entry->seq)};
      return out;
    }
    if (entry->prev_hash != out.cursor.hash) {
      out.broken = ChainBreak{"broken_chain", expected,
                              Seq(expected) + " does not continue the chain: its prev_hash " +
                                  entry->prev_hash + " is not the hash of entry " +
                                  std::to_string(out.cursor.seq) + " (" + out.cursor.hash + ")"};
      return out;
    }
    if (ledger::ComputeHash(*entry) != entry->hash) {
      out.broken =
          ChainBreak{"hash_mismatch", expected,
                     Seq(expected) + " was changed: its content does not hash to " + entry->hash};
      return out;
    }
    out.cursor = FeedCursor{entry->seq, entry->hash};
    out.entries.push_back(std::move(*entry));
  }
  return out;
}

std::optional<ChainBreak> CheckHead(const FeedCursor& cursor, const Json& newest) {
  if (!newest.is_object() || !newest.contains("entries") || !newest["entries"].is_array())
    return ChainBreak{"malformed_page", cursor.seq + 1,
                      "the MES answered its newest entry without an `entries` array"};
  FeedCursor head;  // an empty ledger: seq 0
  if (!newest["entries"].empty()) {
    auto entry = ledger::FromJson(newest["entries"][0]);
    if (!entry.ok())
      return ChainBreak{"malformed_entry", cursor.seq + 1,
                        "the MES's newest entry does not parse: " + entry.error().message};
    head = FeedCursor{entry->seq, entry->hash};
  }
  if (head.seq < cursor.seq)
    return ChainBreak{"mes_ledger_behind_cursor", head.seq + 1,
                      "the MES's ledger ends at entry " + std::to_string(head.seq) +
                          ", before the " + std::to_string(cursor.seq) +
                          " entries the MIS took: was the MES restored from an older backup or "
                          "replaced? The MIS keeps what it took"};
  if (head.seq == cursor.seq && head.hash != cursor.hash)
    return ChainBreak{"broken_chain", cursor.seq,
                      Seq(cursor.seq) + " of the MES has the hash " + head.hash +
                          ", not the one the MIS took (" + cursor.hash + "): another ledger"};
  return std::nullopt;
}

}  // namespace ordo::mis::feed
