// The feed's check of the MES's signed checkpoints.
#include "mis/feed/checkpoints.h"

#include <map>

namespace ordo::mis::feed {

namespace {

std::string At(std::int64_t seq) { return "the checkpoint at ledger entry " + std::to_string(seq); }

}  // namespace

CheckpointCheck CheckCheckpoints(const FeedCursor& from,
                                 const std::vector<ledger::LedgerEntry>& entries,
                                 const std::vector<ledger::Checkpoint>& checkpoints,
                                 const std::string& public_key) {
  CheckpointCheck out;
  // The hashes the MIS holds: the cursor's (none before the first entry) and the page's.
  std::map<std::int64_t, std::string> hashes;
  if (from.seq > 0) hashes[from.seq] = from.hash;
  for (const auto& e : entries) hashes[e.seq] = e.hash;
  for (const auto& c : checkpoints) {
    auto known = hashes.find(c.seq);
    if (known == hashes.end()) continue;  // before the cursor, or waits for its page
    if (c.public_key != public_key) {
      out.broken =
          ChainBreak{"checkpoint_signature", c.seq,
                     At(c.seq) + " is signed with the key " + c.public_key +
                         ", not the site's pinned key " + public_key + " (--mes-public-key)"};
      return out;
    }
    if (!ledger::CheckpointSignatureValid(c, public_key)) {
      out.broken = ChainBreak{"checkpoint_signature", c.seq,
                              At(c.seq) + " has a signature that does not verify under the " +
                                  "site's key " + public_key};
      return out;
    }
    if (c.head_hash != known->second) {
      out.broken = ChainBreak{"checkpoint_mismatch", c.seq,
                              At(c.seq) + " signs the hash " + c.head_hash +
                                  ", not the hash of the entry the MIS received (" + known->second +
                                  "): the chain it reads is not the one signed"};
      return out;
    }
    out.verified.push_back(c.seq);
  }
  return out;
}

ParsedCheckpoints ParseCheckpoints(const Json& answer, std::int64_t from_seq) {
  ParsedCheckpoints out;
  if (!answer.is_object() || !answer.contains("checkpoints") || !answer["checkpoints"].is_array()) {
    out.broken = ChainBreak{"malformed_page", from_seq + 1,
                            "the MES answered its checkpoints without a `checkpoints` array"};
    return out;
  }
  for (const Json& item : answer["checkpoints"]) {
    auto checkpoint = ledger::CheckpointFromJson(item);
    if (!checkpoint.ok()) {
      out.broken =
          ChainBreak{"malformed_page", from_seq + 1,
                     "a checkpoint the MES sent does not parse: " + checkpoint.error().message};
      return out;
    }
    out.checkpoints.push_back(std::move(*checkpoint));
  }
  return out;
}

}  // namespace ordo::mis::feed
