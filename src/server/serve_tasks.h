// Background work a capability has `ordo serve` do: a command submitted once at start,
// before the server listens (the engine is running), and then every `interval_seconds`
// (the telemetry seals, src/mes/telemetry/capability.cc).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace ordo::server {

struct ServeTask {
  std::string name;
  std::int64_t interval_seconds = 0;  // 0: only at start
  // The command to submit; `at_start` is true for the one submitted at start, before the
  // server listens. On the timer's turns, when the reply's body has "more": true, the
  // command is submitted again at once, so a large backlog is worked off in bounded
  // commands with other commands between them.
  std::function<engine::Command(bool at_start)> command;
};

// True when a serve task's reply asks to be run again at once ("more": true).
bool ServeTaskHasMore(const engine::CommandReply& reply);

// Adds `task`. Start-up only (before RunServer).
void RegisterServeTask(ServeTask task);
const std::vector<ServeTask>& RegisteredServeTasks();

}  // namespace ordo::server
