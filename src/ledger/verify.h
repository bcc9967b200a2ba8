// ChainVerifier: recomputes the hash chain entry by entry, in seq order, and checks
// every checkpoint signature against a trusted public key. Used by `ordo ledger
// verify` on a database and on an export, and by the API's verify endpoint.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/entry.h"

namespace ordo::ledger {

struct VerifyReport {
  bool ok = true;
  std::int64_t entries = 0;      // entries checked
  std::int64_t checkpoints = 0;  // checkpoints checked
  std::int64_t head_seq = 0;
  std::int64_t first_bad_seq = 0;  // 0 when ok
  std::string message;             // "chain intact" or what is wrong, naming the seq
};

class ChainVerifier {
 public:
  // `checkpoints` in any order; `trusted_public_key` is the key they must verify under.
  ChainVerifier(std::vector<Checkpoint> checkpoints, std::string trusted_public_key);

  // Feeds the next entry (callers pass entries ordered by seq). Returns false once a
  // problem was found; later calls are ignored.
  bool Feed(const LedgerEntry& entry);
  // Final checks (checkpoints beyond the head, empty ledger) and the report.
  VerifyReport Finish();

 private:
  bool Fail(std::int64_t seq, std::string message);

  std::map<std::int64_t, Checkpoint> checkpoints_;
  std::string public_key_;
  std::int64_t expected_seq_ = 1;
  std::string prev_hash_ = kGenesisHash;
  std::int64_t checkpoints_checked_ = 0;
  VerifyReport report_;
};

}  // namespace ordo::ledger
