// The host application's view of one Sparkplug B edge node (group, edge node): birth and
// death sequence (bdSeq), message sequence (seq 0..255), metric aliases of the node and
// its devices. Pure: it decides, the MQTT connector acts (publishes the rebirth NCMD,
// marks work units offline, ingests metrics). Rules: docs/sparkplug.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::sparkplug {

inline constexpr const char* kBdSeqMetric = "bdSeq";
inline constexpr const char* kRebirthMetric = "Node Control/Rebirth";

enum class RebirthReason {
  kNone,
  kSeqGap,                      // seq not the one expected (or missing)
  kUnknownAlias,                // a data metric's alias is not in the birth
  kUnknownMetric,               // a data metric's name is not in the birth
  kDataBeforeBirth,             // NDATA/DDATA/DDEATH before NBIRTH, or DDATA before DBIRTH
  kDeviceBirthBeforeNodeBirth,  // DBIRTH while the node is not born
};
// "seq_gap", "unknown_alias", "unknown_metric", "data_before_birth",
// "device_birth_before_node_birth"; "" for kNone.
const char* RebirthReasonName(RebirthReason reason);

enum class Outcome {
  kApplied,  // the message changed the session and/or carries metrics
  kIgnored,  // nothing to do: `reason` says why (stale_death, not_online, command, ...)
  kRefused,  // a protocol violation: `reason` says which; nothing of it is used (a
             // refused DBIRTH's seq still counts)
};

enum class Presence { kUnchanged, kNodeOnline, kNodeOffline, kDeviceOnline, kDeviceOffline };

struct ResolvedMetric {
  std::string name;
  DataType datatype = DataType::kUnknown;
  Value value;  // typed by the birth's datatype
  bool is_null = false;
  bool is_historical = false;
  std::optional<std::uint64_t> timestamp_ms;  // the metric's, else the payload's
};

// A data metric that could not be used (the others of the message still are).
struct DroppedMetric {
  std::size_t index = 0;  // position in the payload
  std::string field;      // "metrics[i]"
  std::string reason;     // unknown_alias, unknown_metric, value_type_mismatch, ...
  std::string message;
};

struct Decision {
  Outcome outcome = Outcome::kApplied;
  std::string reason;     // stable code when ignored or refused
  std::string message;    // a sentence for the log
  std::string device_id;  // the device the message is about; empty: the node
  Presence presence = Presence::kUnchanged;
  std::vector<ResolvedMetric> metrics;
  std::vector<DroppedMetric> dropped;
  // Publish a rebirth NCMD (RebirthRequest). Set once per birth: a session that has
  // already asked does not ask again until a new NBIRTH or ForgetRebirthRequest().
  bool rebirth_needed = false;
  RebirthReason rebirth_reason = RebirthReason::kNone;
  std::string rebirth_detail;
};

class EdgeNodeSession {
 public:
  EdgeNodeSession(std::string group_id, std::string edge_node_id);

  // Feeds one message of this edge node (its topic parsed, its payload decoded).
  // NBIRTH: a new session (needs a bdSeq metric and unique aliases, else refused and the
  // previous session forgotten: ForgetBirth), all devices forgotten. NDEATH: offline when its bdSeq
  // is the current one, else ignored as stale. DBIRTH/DDATA/NDATA/DDEATH: seq must follow the
  // previous message (255 -> 0). NCMD/DCMD/STATE and topics of another edge node: ignored. Not
  // thread-safe.
  Decision OnMessage(const Topic& topic, const Payload& payload);

  // The host lost its broker connection: what it knew may be stale. The next message
  // that is not an NBIRTH asks for a rebirth.
  void Reset();
  // An NBIRTH was refused (here, or by the host before it reached the session, e.g.
  // missing_timestamp): the previous birth's aliases and devices are no longer in force,
  // so data waits for a valid NBIRTH and asks for a rebirth as data before a birth does
  // (once, until ForgetRebirthRequest()).
  void ForgetBirth();
  // Lets the next trigger ask for a rebirth again (the connector's retry timer).
  void ForgetRebirthRequest() { rebirth_requested_ = false; }

  // What an NDATA or DDATA message can change of a session: the seq it expects next and
  // whether it has asked for a rebirth (its births' aliases, devices and bdSeq it only
  // reads). RestoreDataMark(mark) after data messages puts the session back as it was
  // when `mark` was taken, without copying the births (a host undoing data it could not
  // store); after any other message it is not enough.
  struct DataMark {
    std::uint64_t next_seq = 0;
    bool rebirth_requested = false;
  };
  DataMark data_mark() const { return DataMark{next_seq_, rebirth_requested_}; }
  void RestoreDataMark(const DataMark& mark) {
    next_seq_ = mark.next_seq;
    rebirth_requested_ = mark.rebirth_requested;
  }

  bool online() const { return online_; }
  std::optional<std::uint64_t> bd_seq() const { return bd_seq_; }
  bool rebirth_requested() const { return rebirth_requested_; }
  bool device_online(const std::string& device_id) const;

 private:
  struct Definition {
    std::string name;
    DataType datatype = DataType::kUnknown;
  };
  struct Scope {  // the node itself, or one device: its birth metrics
    std::map<std::uint64_t, Definition> by_alias;
    std::map<std::string, DataType> by_name;
  };

  Decision Birth(const Topic& topic, const Payload& payload);
  Decision NodeDeath(const Payload& payload);
  Decision Data(const Topic& topic, const Payload& payload);
  Decision DeviceDeath(const Topic& topic, const Payload& payload);
  void CheckSeq(const Payload& payload, Decision& decision);
  void AskRebirth(Decision& decision, RebirthReason reason, std::string detail);

  std::string group_id_;
  std::string edge_node_id_;
  bool online_ = false;
  std::optional<std::uint64_t> bd_seq_;
  std::uint64_t next_seq_ = 0;
  bool rebirth_requested_ = false;
  Scope node_;
  std::map<std::string, Scope> devices_;  // born devices
};

// The NCMD payload asking an edge node to republish its births: one Boolean metric
// `Node Control/Rebirth` = true, stamped `timestamp_ms`.
Payload RebirthRequest(std::uint64_t timestamp_ms);
// spBv1.0/<group>/NCMD/<edge node>.
std::string RebirthTopic(const std::string& group_id, const std::string& edge_node_id);

}  // namespace ordo::sparkplug
