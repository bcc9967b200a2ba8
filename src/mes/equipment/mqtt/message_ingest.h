// One MQTT message of the plain JSON topics into the ledger (docs/mqtt.md): find the
// source that owns the topic, turn the payload into a batch of the REST shape, and run
// the same ingest command as POST /api/v1/equipment-data (idempotent on (source, seq),
// context stamping, refusals). Nobody waits for an answer on MQTT, so every refusal is
// recorded (equipment.data_refused): the unowned topic, the bad payload, and also the
// ones REST answers without recording (seq_reused, unknown_work_unit, invalid_reason,
// not_supported), up to the refusal throttle (refusal_throttle.h): a flood of one kind is
// recorded a few times a minute, each record carrying how many were left out. Runs on the MQTT
// client's thread with a reader connection of its own; a burst of messages is submitted
// together and waited for before any of them is acknowledged (client.h).
#pragma once

#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "engine/engine.h"
#include "mes/equipment/mqtt/refusal_throttle.h"
#include "storage/database.h"

namespace ordo::equipment::mqtt {

// The source of an MQTT topic, looked up in the registry at `now`: the enabled mqtt
// source whose topic filters match (its `topics`, or ordo/<site>/<work_unit>/# for each of
// its work units, <site> being the work unit's site in the equipment hierarchy). When no
// enabled source owns it, a disabled one that does (the ingest then refuses
// source_disabled). Refusals, for the record: topic_not_owned (none), topic_ambiguous
// (two enabled sources own it). Reads the registry at each call, only the sources that may
// own the topic (FindMqttSourcesFor), each through its seal (integrity_violation when one
// fails).
struct Owner {
  std::string source;
  std::string counter;                  // increment | cumulative
  std::vector<std::string> work_units;  // the source's
};
Result<Owner> OwnerOfTopic(storage::Database& db, const std::string& topic, TimeMicros now);

// What became of a message.
struct MessageOutcome {
  enum Kind { kAccepted, kDuplicate, kRefused, kIgnored } kind = kAccepted;
  std::string source;    // the owner, "" when none
  Error refusal;         // kRefused: the refusal
  bool recorded = true;  // kRefused: false when the throttle left it out of the ledger
};

// Shared by the JSON topics and Sparkplug B (sparkplug_ingest.h):
// The actor of a message: source:<source> (or source:(unknown)), role device, origin
// mqtt://<broker>.
engine::Actor MqttActor(const std::string& source, const std::string& broker);
// True for errors that say the outcome is not durable (the message must not be acked).
bool NotDurable(const Error& e);
// Records `e` as equipment.data_refused of `source` ("" = none) with a detail naming the
// topic and `what` (an excerpt of the payload), unless `throttle` (when given) leaves it
// out at `now` (the outcome then says recorded false). An error: not durable.
Result<MessageOutcome> RecordRefusal(engine::Engine& engine, const std::string& broker,
                                     const std::string& source, const Error& e,
                                     const std::string& topic, const std::string& what,
                                     std::int64_t source_seq, RefusalThrottle* throttle,
                                     TimeMicros now);
// IngestBody in two halves, so a burst of messages goes to the engine together (one group
// commit): PrepareIngest decodes `body`; a payload it refuses is recorded at once
// (`outcome` set), else `command` is the ingest command to submit (`work_units`: those
// the batch may touch, as IngestCommand takes them). IngestReplyOutcome maps that
// command's reply as IngestBody does.
struct PreparedIngest {
  std::optional<Result<MessageOutcome>> outcome;
  engine::Command command;
  std::int64_t seq = 0;  // the payload's seq (0: none)
};
PreparedIngest PrepareIngest(engine::Engine& engine, const std::string& broker,
                             const std::string& source, bool cumulative, const Json& body,
                             TimeMicros received, const std::string& topic, const std::string& what,
                             RefusalThrottle* throttle,
                             std::optional<std::set<std::string>> work_units = std::nullopt);
Result<MessageOutcome> IngestReplyOutcome(engine::Engine& engine, const std::string& broker,
                                          const std::string& source,
                                          Result<engine::CommandReply> reply, std::int64_t seq,
                                          TimeMicros received, const std::string& topic,
                                          const std::string& what, RefusalThrottle* throttle);
// Runs the ingest command of `body` (a REST batch, decoded at `received`) for `source`
// (`cumulative`: its counts are counter values) and maps its reply; refusals the command
// does not record itself are recorded (RecordRefusal, with `topic` and `what`, through
// `throttle` at `received`).
Result<MessageOutcome> IngestBody(engine::Engine& engine, const std::string& broker,
                                  const std::string& source, bool cumulative, const Json& body,
                                  TimeMicros received, const std::string& topic,
                                  const std::string& what, RefusalThrottle* throttle);

class MessageIngest {
 public:
  // `reader`: a connection of this ingest's own (it is used on the caller's thread).
  MessageIngest(engine::Engine& engine, std::unique_ptr<storage::Database> reader,
                const Clock& clock, std::string broker);
  // Refusals counted by the throttle and not (yet) carried by a recorded one.
  std::int64_t RefusalsNotRecorded() const { return throttle_.Pending(); }
  // Ingests a burst of messages. Begin decides what it can at once (a refusal is recorded
  // before it returns) and submits an accepted message's ingest command without waiting
  // for it, so the commands of a burst share group commits. Finish waits for every message
  // begun since the last Finish and returns their outcomes in the order they were begun.
  // An outcome's error means that message is not durable (the engine is stopping, or a
  // write failed): it must not be acknowledged. Begin returns false when it already knows
  // that of its message (the caller then cuts the connection and begins no more).
  struct Finished {
    std::string topic;
    Result<MessageOutcome> outcome;
  };
  bool Begin(const std::string& topic, const std::string& payload);
  std::vector<Finished> Finish();

 private:
  struct Pending {
    std::string topic, what, source;
    std::int64_t seq = 0;
    TimeMicros received = 0;
    std::optional<Result<MessageOutcome>> outcome;    // decided at Begin
    std::future<Result<engine::CommandReply>> reply;  // else: the submitted command's
  };
  Result<MessageOutcome> Refuse(const std::string& source, const Error& e, const std::string& topic,
                                const std::string& payload);

  engine::Engine& engine_;
  std::unique_ptr<storage::Database> reader_;
  const Clock& clock_;
  std::string broker_;
  // OwnerOfTopic, remembered per topic for kOwnerMemoryMicros (found owners only; the
  // ingest command checks the source itself, docs/mqtt.md "Topic ownership").
  Result<Owner> OwnerOf(const std::string& topic, TimeMicros now);

  RefusalThrottle throttle_;
  std::vector<Pending> pending_;
  struct KnownOwner {
    Owner owner;
    TimeMicros at = 0;
  };
  std::map<std::string, KnownOwner> owners_;
};

// How long a topic's found owner is reused before it is looked up again.
inline constexpr TimeMicros kOwnerMemoryMicros = 1'000'000;

}  // namespace ordo::equipment::mqtt
