// The clients of the crash test (tests/crash_test.cc) besides the logbook writers: the
// operator terminals, the lot handler and the batch releaser. Each runs in cycles of
// steps until the server dies (a request answered with status 0) or misbehaves (failure
// set). Every request carries an Idempotency-Key derived from (client, cycle, step), and
// (cycle, step) survive the kill, so the request the kill left unanswered is sent again,
// with the same key, after the restart.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/ordo.h"

namespace ordo::testing {

// The lot handler (quality, receipts as supervisor): in cycles, receives a quarantined lot
// P, splits sublots A and B off it, releases both (signed), merges B into A and moves A.
// Acknowledged steps are kept as "step:lot", the keys the test counts in the ledger.
struct LotHandler {
  int cycle = 0, step = 0;
  std::vector<std::string> acked;  // this iteration
  int replays = 0;
  std::string failure;
};
inline constexpr int kHandlingSteps = 7;

void RunLotHandler(LotHandler& h, std::uint64_t salt, const HttpClient& c,
                   const std::string& quality_token, const std::string& supervisor_token,
                   const Json& signature);

// An operator terminal: dispensing of a fresh paracetamol order on its own work unit, in
// cycles of create and release (as supervisor), start, acknowledge, kConsumes
// consumptions of 1, 2, .. g from one lot shared by every terminal, the required
// characteristic and completion (as operator). Orders are "CR-...".
inline constexpr int kConsumes = 5;
inline constexpr int kSteps = 4 + kConsumes + 2;
inline constexpr const char* kCrashLot = "L-RM-MCC-101-01";

struct Terminal {
  std::string work_unit;
  int cycle = 0, step = 0;                         // the next request; survives a kill
  std::vector<std::pair<std::string, int>> acked;  // this iteration: (order, g) consumed
  int replays = 0, consumes = 0;
  std::string failure;
};

void RunTerminal(Terminal& term, int index, std::uint64_t salt, const HttpClient& c,
                 const std::string& operator_token, const std::string& supervisor_token);

// The one-operation product the batch releaser runs (kReleaseProduct): one granulation
// operation on WU-HSG-300 with a manual, non-critical parameter, no verification.
inline constexpr const char* kReleaseProduct = "PD-CRASH-BR";

// Creates the releaser's own quality user (as admin: first sign-in, signature policy
// acknowledged; its credentials in `reviewer`) and approves kReleaseProduct and its routing
// through change control (engineer drafts and submits, quality approves, both signed).
// Returns "" or what went wrong.
std::string SetUpReleaseProduct(const HttpClient& c, const Credentials& engineer,
                                const Credentials& quality, const Credentials& admin,
                                Credentials* reviewer);

// A released batch: what the release answered.
struct AckedRelease {
  std::string content_hash;
  std::int64_t checkpoint_seq = 0;
};

// The batch releaser: in cycles, runs an order "CRB-..." of kReleaseProduct to completion
// (create and release as supervisor; start, acknowledge, the parameter, complete as
// operator; the parameter is out of its limits in odd cycles, an exception), reviews the
// record's open exceptions (its quality user; the GET before it is read-only), and
// releases the batch record with that user's signature. Acknowledged releases: order -> answer.
struct BatchReleaser {
  int cycle = 0, step = 0;
  std::map<std::string, AckedRelease> acked;  // this iteration
  int replays = 0, reviews = 0;
  std::string failure;
};
inline constexpr int kReleaseSteps = 8;

void RunBatchReleaser(BatchReleaser& b, std::uint64_t salt, const HttpClient& c,
                      const std::string& operator_token, const std::string& supervisor_token,
                      const std::string& quality_token, const Json& signature);

}  // namespace ordo::testing
