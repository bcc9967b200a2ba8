// Test support of the feed's unit tests (chain_test.cc, checkpoints_test.cc): a hashed
// chain of ledger entries from genesis, as the MES would serve it.
#pragma once

#include <string>
#include <vector>

#include "ledger/entry.h"

namespace ordo::mis::feed::testing {

// A chain of `n` logbook entries from genesis (seq 1..n), each hashed onto the one before.
inline std::vector<ledger::LedgerEntry> Chain(int n) {
  std::vector<ledger::LedgerEntry> out;
  std::string prev = ledger::kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    ledger::LedgerEntry e;
    e.seq = i;
    e.time_us = 1'800'000'000'000'000 + i;
    e.actor = "op1";
    e.role = "operator";
    e.type = "logbook.entry_recorded";
    e.subject = {"logbook_entry", std::to_string(i), 1};
    e.payload = Json{{"text", "entry " + std::to_string(i)}};
    e.prev_hash = prev;
    e.hash = ledger::ComputeHash(e);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

}  // namespace ordo::mis::feed::testing
