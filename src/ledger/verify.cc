// Hash-chain and checkpoint verification.
#include "ledger/verify.h"

namespace ordo::ledger {

ChainVerifier::ChainVerifier(std::vector<Checkpoint> checkpoints, std::string trusted_public_key)
    : public_key_(std::move(trusted_public_key)) {
  for (auto& c : checkpoints) {
    if (checkpoints_.count(c.seq) && !(checkpoints_[c.seq] == c)) {
      Fail(c.seq, "two different checkpoints claim seq " + std::to_string(c.seq));
    }
    checkpoints_[c.seq] = std::move(c);
  }
}

bool ChainVerifier::Fail(std::int64_t seq, std::string message) {
  if (!report_.ok) return false;
  report_.ok = false;
  report_.first_bad_seq = seq;
  report_.message = std::move(message);
  return false;
}

bool ChainVerifier::Feed(const LedgerEntry& e) {
  if (!report_.ok) return false;
  const std::string at = "seq " + std::to_string(expected_seq_);
  if (e.seq < expected_seq_)
    return Fail(expected_seq_, at + ": entry with seq " + std::to_string(e.seq) +
                                   " appears out of order (duplicate or inserted row)");
  if (e.seq > expected_seq_)
    return Fail(expected_seq_, at + ": entry missing (next entry found is seq " +
                                   std::to_string(e.seq) + "); a row was deleted");
  if (e.prev_hash != prev_hash_)
    return Fail(e.seq, at + ": prev_hash does not match the hash of the entry before it "
                            "(rows swapped, inserted or rewritten)");
  const std::string computed = ComputeHash(e);
  if (computed != e.hash)
    return Fail(e.seq, at + ": stored hash does not match the entry's content "
                            "(the entry was changed after it was written)");
  auto cp = checkpoints_.find(e.seq);
  if (cp != checkpoints_.end()) {
    if (!CheckpointSignatureValid(cp->second, public_key_))
      return Fail(e.seq, "checkpoint at seq " + std::to_string(e.seq) +
                             ": signature does not verify under the site's public key");
    if (cp->second.head_hash != e.hash)
      return Fail(e.seq, "checkpoint at seq " + std::to_string(e.seq) +
                             ": signed head hash differs from the chain; the ledger up to "
                             "this entry was rewritten");
    ++checkpoints_checked_;
  }
  prev_hash_ = e.hash;
  report_.head_seq = e.seq;
  ++report_.entries;
  ++expected_seq_;
  return true;
}

VerifyReport ChainVerifier::Finish() {
  if (report_.ok) {
    for (const auto& [seq, cp] : checkpoints_) {
      if (seq > report_.head_seq) {
        Fail(report_.head_seq + 1,
             "checkpoint at seq " + std::to_string(seq) + " is beyond the ledger head " +
                 std::to_string(report_.head_seq) + "; entries were removed from the end");
        break;
      }
      if (seq <= 0) {
        Fail(seq, "checkpoint with invalid seq " + std::to_string(seq));
        break;
      }
    }
  }
  if (report_.ok && report_.entries > 0 && checkpoints_checked_ == 0)
    Fail(1,
         "no signed checkpoint covers the ledger (every ordo ledger has one from init); "
         "the checkpoints were removed or the chain was rebuilt without the key");
  report_.checkpoints = checkpoints_checked_;
  if (report_.ok) {
    report_.message = "chain intact: " + std::to_string(report_.entries) + " entries, " +
                      std::to_string(report_.checkpoints) + " signed checkpoints";
  }
  return report_;
}

}  // namespace ordo::ledger
