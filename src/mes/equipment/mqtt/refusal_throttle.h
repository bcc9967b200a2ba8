// How many refusals of one kind the MQTT connector records (docs/mqtt.md, "Refusals").
// Nobody waits for an answer on MQTT, so a refused message is recorded in the ledger
// (equipment.data_refused) for the record; a misconfigured device that publishes 50 bad
// messages a second must not turn that record into a flood. Per key (the source, or
// "(unknown)" for unowned topics, and the reason code), at most `per_window` refusals are
// recorded in each fixed window of `window_us`, counting from the key's first refusal in
// it; the others are counted, and the next recorded refusal of that key carries how many
// were not recorded since the previous one (its `suppressed`). Pure: the caller passes the
// time.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/clock.h"

namespace ordo::equipment::mqtt {

class RefusalThrottle {
 public:
  struct Decision {
    bool record = true;
    // When `record`: the refusals of this key left unrecorded since its previous recorded
    // one (0 when none).
    std::int64_t suppressed = 0;
  };

  explicit RefusalThrottle(int per_window = 5, TimeMicros window_us = 60'000'000);

  // Whether the refusal of `key` at `now` is recorded, and what it then carries.
  Decision Admit(const std::string& key, TimeMicros now);

  // Takes back an admitted `decision` of `key` whose record was not written after all (the
  // ledger write failed): its suppressed count is pending again, its place in the window
  // free.
  void Restore(const std::string& key, const Decision& decision);

  // Refusals not recorded and not yet carried by a recorded one, over every key.
  std::int64_t Pending() const { return pending_; }

 private:
  struct KeyState {
    TimeMicros window_start = 0;
    int recorded = 0;
    std::int64_t suppressed = 0;
  };
  int per_window_;
  TimeMicros window_us_;
  std::map<std::string, KeyState> keys_;
  std::int64_t pending_ = 0;
};

}  // namespace ordo::equipment::mqtt
