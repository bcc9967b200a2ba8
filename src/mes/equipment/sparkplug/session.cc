// The host-side Sparkplug B session of one edge node (session.h).
#include "mes/equipment/sparkplug/session.h"

#include <utility>

namespace ordo::sparkplug {
namespace {

Decision Ignored(std::string reason, std::string message) {
  Decision d;
  d.outcome = Outcome::kIgnored;
  d.reason = std::move(reason);
  d.message = std::move(message);
  return d;
}

Decision Refused(std::string reason, std::string message) {
  Decision d = Ignored(std::move(reason), std::move(message));
  d.outcome = Outcome::kRefused;
  return d;
}

// The bdSeq metric of a birth or death payload: absent, or its non-negative value.
std::optional<std::uint64_t> FindBdSeq(const Payload& payload) {
  for (const Metric& m : payload.metrics) {
    if (m.name != kBdSeqMetric) continue;
    if (const auto* u = std::get_if<std::uint64_t>(&m.value)) return *u;
    if (const auto* i = std::get_if<std::int64_t>(&m.value); i && *i >= 0) {
      return static_cast<std::uint64_t>(*i);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> Timestamp(const Metric& m, const Payload& p) {
  return m.timestamp_ms ? m.timestamp_ms : p.timestamp_ms;
}

}  // namespace

const char* RebirthReasonName(RebirthReason reason) {
  switch (reason) {
    case RebirthReason::kNone:
      return "";
    case RebirthReason::kSeqGap:
      return "seq_gap";
    case RebirthReason::kUnknownAlias:
      return "unknown_alias";
    case RebirthReason::kUnknownMetric:
      return "unknown_metric";
    case RebirthReason::kDataBeforeBirth:
      return "data_before_birth";
    case RebirthReason::kDeviceBirthBeforeNodeBirth:
      return "device_birth_before_node_birth";
  }
  return "";
}

EdgeNodeSession::EdgeNodeSession(std::string group_id, std::string edge_node_id)
    : group_id_(std::move(group_id)), edge_node_id_(std::move(edge_node_id)) {}

bool EdgeNodeSession::device_online(const std::string& device_id) const {
  return online_ && devices_.count(device_id) > 0;
}

void EdgeNodeSession::Reset() {
  online_ = false;
  rebirth_requested_ = false;
  node_ = Scope{};
  devices_.clear();
}

void EdgeNodeSession::ForgetBirth() {
  online_ = false;
  node_ = Scope{};
  devices_.clear();
}

Decision EdgeNodeSession::OnMessage(const Topic& topic, const Payload& payload) {
  switch (topic.type) {
    case MessageType::kState:
      return Ignored("state", "STATE messages are host presence, not edge node data");
    case MessageType::kNCmd:
    case MessageType::kDCmd:
      return Ignored("command", "commands are sent to edge nodes, not by them");
    default:
      break;
  }
  if (topic.group_id != group_id_ || topic.edge_node_id != edge_node_id_) {
    return Ignored("other_edge_node", "the message is for edge node " + topic.group_id + "/" +
                                          topic.edge_node_id + ", not this session's");
  }
  switch (topic.type) {
    case MessageType::kNBirth:
    case MessageType::kDBirth:
      return Birth(topic, payload);
    case MessageType::kNDeath:
      return NodeDeath(payload);
    case MessageType::kDDeath:
      return DeviceDeath(topic, payload);
    default:
      return Data(topic, payload);
  }
}

void EdgeNodeSession::AskRebirth(Decision& decision, RebirthReason reason, std::string detail) {
  if (rebirth_requested_ || decision.rebirth_needed) return;
  rebirth_requested_ = true;
  decision.rebirth_needed = true;
  decision.rebirth_reason = reason;
  decision.rebirth_detail = std::move(detail);
}

void EdgeNodeSession::CheckSeq(const Payload& payload, Decision& decision) {
  if (!payload.seq) {
    AskRebirth(decision, RebirthReason::kSeqGap, "the message carries no seq");
    return;
  }
  if (*payload.seq != next_seq_) {
    AskRebirth(
        decision, RebirthReason::kSeqGap,
        "expected seq " + std::to_string(next_seq_) + ", got " + std::to_string(*payload.seq));
  }
  next_seq_ = (*payload.seq + 1) % 256;
}

Decision EdgeNodeSession::Birth(const Topic& topic, const Payload& payload) {
  const bool node = topic.type == MessageType::kNBirth;
  Decision decision;
  std::optional<std::uint64_t> bd_seq;
  if (node) {
    bd_seq = FindBdSeq(payload);
    if (!bd_seq) {
      ForgetBirth();
      return Refused("missing_bd_seq",
                     "the NBIRTH has no non-negative integer metric 'bdSeq'; births are refused "
                     "without it");
    }
    if (!payload.seq) {
      ForgetBirth();
      return Refused("missing_seq", "the NBIRTH carries no seq");
    }
  } else {
    decision.device_id = topic.device_id;
    if (!online_) {
      decision = Ignored("not_online",
                         "DBIRTH of device " + topic.device_id + " before the edge node's NBIRTH");
      decision.device_id = topic.device_id;
      AskRebirth(decision, RebirthReason::kDeviceBirthBeforeNodeBirth,
                 "DBIRTH of device " + topic.device_id + " before NBIRTH");
      return decision;
    }
    CheckSeq(payload, decision);  // its seq counts even if the birth is refused below
  }
  Scope scope;
  for (std::size_t i = 0; i < payload.metrics.size(); ++i) {
    const Metric& m = payload.metrics[i];
    const std::string field = "metrics[" + std::to_string(i) + "]";
    Decision refused;
    if (m.name.empty()) {
      refused = Refused("birth_metric_unnamed", field + " of a birth has no name");
    } else if (m.datatype == DataType::kUnknown) {
      refused =
          Refused("birth_metric_untyped", field + " (" + m.name + ") of a birth has no datatype");
    } else if (m.alias && scope.by_alias.count(*m.alias) > 0) {
      refused = Refused("duplicate_alias", field + " (" + m.name + ") reuses alias " +
                                               std::to_string(*m.alias) + " of " +
                                               scope.by_alias[*m.alias].name);
    } else {
      if (m.alias) scope.by_alias[*m.alias] = Definition{m.name, m.datatype};
      scope.by_name[m.name] = m.datatype;
      continue;
    }
    if (node) ForgetBirth();
    refused.device_id = decision.device_id;
    refused.rebirth_needed = decision.rebirth_needed;
    refused.rebirth_reason = decision.rebirth_reason;
    refused.rebirth_detail = decision.rebirth_detail;
    return refused;
  }
  if (node) {
    online_ = true;
    bd_seq_ = bd_seq;
    next_seq_ = (*payload.seq + 1) % 256;
    rebirth_requested_ = false;
    node_ = std::move(scope);
    devices_.clear();
    decision.presence = Presence::kNodeOnline;
  } else {
    devices_[topic.device_id] = std::move(scope);
    decision.presence = Presence::kDeviceOnline;
  }
  for (const Metric& m : payload.metrics) {
    decision.metrics.push_back(ResolvedMetric{m.name, m.datatype, m.value, m.is_null,
                                              m.is_historical, Timestamp(m, payload)});
  }
  return decision;
}

Decision EdgeNodeSession::NodeDeath(const Payload& payload) {
  const std::optional<std::uint64_t> bd_seq = FindBdSeq(payload);
  if (!bd_seq) {
    return Ignored("missing_bd_seq",
                   "the NDEATH has no 'bdSeq' metric, so it cannot be matched to a session");
  }
  if (!bd_seq_) return Ignored("not_online", "NDEATH from an edge node that never sent NBIRTH");
  if (*bd_seq != *bd_seq_) {
    return Ignored("stale_death", "NDEATH with bdSeq " + std::to_string(*bd_seq) +
                                      " of an older session (current bdSeq " +
                                      std::to_string(*bd_seq_) + ")");
  }
  online_ = false;
  rebirth_requested_ = false;
  node_ = Scope{};
  devices_.clear();
  Decision decision;
  decision.presence = Presence::kNodeOffline;
  return decision;
}

Decision EdgeNodeSession::DeviceDeath(const Topic& topic, const Payload& payload) {
  if (!online_) {
    Decision d = Ignored(
        "not_online", "DDEATH of device " + topic.device_id + " while the edge node is not born");
    d.device_id = topic.device_id;
    return d;
  }
  Decision decision;
  decision.device_id = topic.device_id;
  CheckSeq(payload, decision);
  if (devices_.erase(topic.device_id) == 0) {
    Decision d = Ignored("device_not_born",
                         "DDEATH of device " + topic.device_id + " that has not sent DBIRTH");
    d.device_id = topic.device_id;
    d.rebirth_needed = decision.rebirth_needed;
    d.rebirth_reason = decision.rebirth_reason;
    d.rebirth_detail = decision.rebirth_detail;
    return d;
  }
  decision.presence = Presence::kDeviceOffline;
  return decision;
}

Decision EdgeNodeSession::Data(const Topic& topic, const Payload& payload) {
  const bool device = topic.type == MessageType::kDData;
  Decision decision;
  decision.device_id = topic.device_id;
  if (!online_) {
    decision.outcome = Outcome::kIgnored;
    decision.reason = "not_online";
    decision.message = std::string(MessageTypeName(topic.type)) + " before NBIRTH";
    AskRebirth(decision, RebirthReason::kDataBeforeBirth, decision.message);
    return decision;
  }
  CheckSeq(payload, decision);
  const Scope* scope = &node_;
  if (device) {
    const auto it = devices_.find(topic.device_id);
    if (it == devices_.end()) {
      decision.outcome = Outcome::kIgnored;
      decision.reason = "device_not_born";
      decision.message = "DDATA of device " + topic.device_id + " before its DBIRTH";
      AskRebirth(decision, RebirthReason::kDataBeforeBirth, decision.message);
      return decision;
    }
    scope = &it->second;
  }
  for (std::size_t i = 0; i < payload.metrics.size(); ++i) {
    const Metric& m = payload.metrics[i];
    const std::string field = "metrics[" + std::to_string(i) + "]";
    std::string name;
    DataType datatype = DataType::kUnknown;
    if (m.alias) {
      const auto it = scope->by_alias.find(*m.alias);
      if (it == scope->by_alias.end()) {
        decision.dropped.push_back({i, field, "unknown_alias",
                                    "alias " + std::to_string(*m.alias) + " is not in the birth"});
        AskRebirth(decision, RebirthReason::kUnknownAlias,
                   field + ": alias " + std::to_string(*m.alias) + " is not in the birth");
        continue;
      }
      name = it->second.name;
      datatype = it->second.datatype;
    } else {
      const auto it = scope->by_name.find(m.name);
      if (it == scope->by_name.end()) {
        decision.dropped.push_back(
            {i, field, "unknown_metric", "'" + m.name + "' is not in the birth"});
        AskRebirth(decision, RebirthReason::kUnknownMetric,
                   field + ": '" + m.name + "' is not in the birth");
        continue;
      }
      name = m.name;
      datatype = it->second;
    }
    auto typed = TypeMetric(m, datatype, field);
    if (!typed.ok()) {
      decision.dropped.push_back({i, field, typed.error().reason, typed.error().message});
      continue;
    }
    decision.metrics.push_back(ResolvedMetric{name, datatype, typed->value, typed->is_null,
                                              typed->is_historical, Timestamp(m, payload)});
  }
  return decision;
}

Payload RebirthRequest(std::uint64_t timestamp_ms) {
  Payload p;
  p.timestamp_ms = timestamp_ms;
  Metric m;
  m.name = kRebirthMetric;
  m.datatype = DataType::kBoolean;
  m.value = true;
  p.metrics.push_back(std::move(m));
  return p;
}

std::string RebirthTopic(const std::string& group_id, const std::string& edge_node_id) {
  return FormatTopic(Topic{MessageType::kNCmd, group_id, edge_node_id, {}, {}});
}

}  // namespace ordo::sparkplug
