// Test support for tests that run the real engine: a fresh data directory made by
// `ordo init` in a temporary folder, the engine started on it with a fake clock, a
// read-only connection beside it, and helpers to submit commands and record events (library
// ordo_engine_testing; used by the engine's, master data's and equipment's tests).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.h"
#include "engine/engine.h"
#include "ledger/event_type.h"
#include "storage/database.h"
#include "store/data_dir.h"

namespace ordo::engine::testing {

class EngineFixture : public ::testing::Test {
 public:
  // The fake clock's start: 2026-11-25T09:04:05Z.
  static constexpr TimeMicros kT0 = 1'795'597'445'000'000;

 protected:
  // Makes /tmp/<prefix>XXXXXX and runs `ordo init` (admin password "admin-password-1", the
  // demo plant and users when `demo`) in its data/ folder. Fails the test on error.
  void InitDataDir(const std::string& prefix, bool demo);
  // Starts the engine on the data directory with the fake clock.
  void StartEngine(std::int64_t checkpoint_every_entries = 1000);
  // Opens reader_, a read-only connection to the store.
  void OpenReader();
  // Closes the reader, stops the engine and removes the temporary folder.
  void TearDown() override;

  // Submits `command` and waits; expects it to succeed and returns its reply body (null
  // after a failed expectation).
  Json Run(Command command);
  // Records `event` about (`subject_kind`, `subject_id`) as the admin, without the
  // decision of its capability (for tests of what reads the event); expects success.
  template <typename Event>
  void Record(const Event& event, const std::string& subject_kind, const std::string& subject_id) {
    Command c;
    c.actor = Actor{0, "test", "admin", std::nullopt};
    c.decide = [event, subject_kind,
                subject_id](WriteContext&) -> Result<std::vector<ledger::Event>> {
      return std::vector<ledger::Event>{ledger::MakeEvent(event, subject_kind, subject_id)};
    };
    Run(std::move(c));
  }

  FakeClock clock_{kT0};
  std::string root_;    // the temporary folder
  store::DataDir dir_;  // root_/data
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<storage::Database> reader_;
};

}  // namespace ordo::engine::testing
