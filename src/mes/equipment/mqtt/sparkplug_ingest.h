// Sparkplug B messages into the ledger (docs/sparkplug.md, "ordo as host application"):
// find the sparkplug source that owns the (group, edge node), feed the message to that
// node's session (sparkplug/session.h), act on its decision (publish the rebirth NCMD,
// rate-limited per node and recorded; mark work units offline on NDEATH/DDEATH) and send
// the metrics, mapped by sparkplug_mapping.h, through the same ingest command as REST.
// Every refusal is recorded like one of the JSON topics. Runs on the MQTT client's thread
// with a reader connection of its own; Health() may be called from any thread. A burst of
// messages is taken like the JSON topics' (message_ingest.h): each message's ingest command
// is submitted without waiting, so the burst shares group commits, and the burst is waited
// for before any of it is acknowledged (client.h).
#pragma once

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "engine/engine.h"
#include "mes/equipment/mqtt/message_ingest.h"
#include "mes/equipment/sparkplug/session.h"
#include "storage/database.h"

namespace ordo::equipment::mqtt {

// The filters ordo subscribes to for Sparkplug B (the six edge node message types).
inline constexpr const char* kSparkplugSubscriptions[] = {
    "spBv1.0/+/NBIRTH/+",   "spBv1.0/+/NDATA/+",   "spBv1.0/+/NDEATH/+",
    "spBv1.0/+/DBIRTH/+/+", "spBv1.0/+/DDATA/+/+", "spBv1.0/+/DDEATH/+/+"};
inline constexpr const char* kSparkplugRoot = "spBv1.0/";
// At most one rebirth NCMD per edge node in this time; an unanswered request may be
// repeated after it.
inline constexpr TimeMicros kRebirthInterval = 5'000'000;

// The owner of an edge node: the enabled sparkplug source with its group_id and
// edge_node; when none is enabled, a disabled one (refused source_disabled). Refusals,
// for the record: node_not_owned (none), node_ambiguous (two enabled). Reads the registry
// at each call, only that node's sources (FindSparkplugSources), each through its seal
// (integrity_violation when one fails).
struct NodeOwner {
  std::string source;
  bool enabled = true, cumulative = false;
  std::vector<std::string> work_units;
  std::map<std::string, std::string> devices;  // the source's device map
  std::string node_work_unit;                  // "" = the edge node id
};
Result<NodeOwner> OwnerOfNode(storage::Database& db, const std::string& group_id,
                              const std::string& edge_node);

class SparkplugIngest {
 public:
  // Publishes an MQTT message (QoS 0, not retained); an error is logged, not fatal.
  using Publisher = std::function<Status(const std::string& topic, const std::string& payload)>;
  SparkplugIngest(engine::Engine& engine, std::unique_ptr<storage::Database> reader,
                  const Clock& clock, std::string broker, Publisher publish);
  // Handles a burst of messages on spBv1.0 topics (client thread). Begin does the steps of
  // docs/sparkplug.md at once (refusals and rebirth requests are recorded before it
  // returns) and submits the message's ingest command without waiting; it returns false
  // when it already knows the message is not durable. Finish waits for every message
  // begun since the last Finish and returns their outcomes in order. An outcome's error:
  // not durable (do not acknowledge); then every node the burst touched has its session
  // put back as before the burst (the burst is delivered again), except that a rebirth
  // request recorded meanwhile counts for kRebirthInterval. A payload without timestamp
  // (all but NDEATH) is refused missing_timestamp before the session sees it.
  bool Begin(const std::string& topic, const std::string& payload);
  struct Finished {
    std::string topic;
    Result<MessageOutcome> outcome;
  };
  std::vector<Finished> Finish();
  // One message alone: Begin and Finish (internal error when a burst is pending).
  Result<MessageOutcome> Handle(const std::string& topic, const std::string& payload);
  // The broker connection was lost: every session may be stale (EdgeNodeSession::Reset).
  // Client thread.
  void ConnectionLost();
  // {"nodes", "online", "rebirths_requested", "edge_nodes": [{group_id, edge_node, source,
  // online, bd_seq}]}, as of the last message. Any thread.
  Json Health() const;

 private:
  struct Node {
    std::string source;
    sparkplug::EdgeNodeSession session;
    TimeMicros last_rebirth_us = 0;
    // A refused NBIRTH marked the source's work units offline, and no valid NBIRTH came
    // since: a run of refused births marks them once.
    bool offline_marked = false;
  };
  using NodeKey = std::pair<std::string, std::string>;  // (group, edge node)
  // A message begun: its outcome decided at Begin, or the ingest command's reply to wait for.
  struct Pending {
    std::string topic, what, source;
    std::int64_t seq = 0;
    TimeMicros received = 0;
    std::optional<Result<MessageOutcome>> outcome;
    std::future<Result<engine::CommandReply>> reply;
  };
  // The steps of Begin up to the ingest (kept apart so each can return its outcome).
  void Prepare(const std::string& topic, const std::string& payload, Pending* p);
  // A node as it was before the burst touched it: its session's data mark, and the whole
  // node once a message other than NDATA/DDATA touches it (those change only the mark, so
  // the whole node before the burst is the node then with the mark put back).
  struct Before {
    sparkplug::EdgeNodeSession::DataMark mark;
    std::optional<Node> whole;
  };
  // Records `node` (the node of `key` before the current message changes it) as before
  // the burst at its first touch; `data_only`: the message is an NDATA or DDATA. A later
  // touch by another message completes the record with the whole node.
  void RememberBefore(const NodeKey& key, const Node& node, bool data_only);
  Result<MessageOutcome> Refuse(const std::string& source, const Error& e, const std::string& topic,
                                const std::string& payload, std::int64_t seq = 0);
  // Puts `node` back as `before` (the message was not durable), keeping the time of a
  // rebirth request recorded meanwhile.
  void Restore(Node& node, const Node& before);
  // The same for `before` (whole, else only the data mark).
  void Restore(Node& node, const Before& before);
  Status RequestRebirth(Node& node, const NodeOwner& owner, const sparkplug::Topic& topic,
                        const sparkplug::Decision& decision, TimeMicros now);
  // After the refusal of an NBIRTH of an enabled owner (its outcome in p->outcome, whether
  // the throttle recorded it or not): marks the owner's work units offline at `time_ms`
  // (the birth's timestamp, else the receive time), as a death does (no data of the node
  // can be read until a valid birth), once per run of refused births (Node::offline_marked).
  // Other message types: nothing. A not durable write becomes p->outcome.
  void MarkOffline(const NodeOwner& owner, const sparkplug::Topic& topic, std::uint64_t time_ms,
                   TimeMicros received, const std::string& raw_topic, const std::string& raw,
                   Pending* p);
  // The ingest of an applied message: an outcome decided at once, or a submitted command
  // (`pending` gets its reply future and seq).
  void Apply(const NodeOwner& owner, const sparkplug::Topic& topic,
             const sparkplug::Payload& payload, const sparkplug::Decision& decision,
             TimeMicros received, const std::string& raw_topic, const std::string& raw,
             Pending* pending);

  // Rebuilds health_ from nodes_ (client thread).
  void UpdateHealth();

  engine::Engine& engine_;
  std::unique_ptr<storage::Database> reader_;
  const Clock& clock_;
  std::string broker_;
  Publisher publish_;
  RefusalThrottle throttle_;  // client thread only
  // Client thread only (Handle, ConnectionLost).
  std::map<NodeKey, Node> nodes_;
  std::vector<Pending> pending_;
  // The nodes the current burst touched, as they were before it (a node unknown before it:
  // a fresh session).
  std::map<NodeKey, Before> before_burst_;
  std::int64_t rebirths_ = 0;
  // The health snapshot, so that a health read never waits for a ledger write.
  mutable std::mutex mutex_;
  Json health_;  // guarded by mutex_
};

}  // namespace ordo::equipment::mqtt
