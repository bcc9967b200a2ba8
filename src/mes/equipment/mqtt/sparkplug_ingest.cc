// Sparkplug B messages into the ledger (sparkplug_ingest.h).
#include "mes/equipment/mqtt/sparkplug_ingest.h"

#include <spdlog/spdlog.h>

#include <set>

#include "mes/equipment/events.h"
#include "mes/equipment/mqtt/sparkplug_mapping.h"
#include "mes/equipment/sample_sink.h"
#include "mes/equipment/store/equipment_store.h"

namespace ordo::equipment::mqtt {

namespace {

namespace sp = ordo::sparkplug;

std::string Describe(const std::string& payload) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (std::size_t i = 0; i < payload.size() && i < 32; ++i) {
    const auto c = static_cast<unsigned char>(payload[i]);
    hex.push_back(kDigits[c >> 4]);
    hex.push_back(kDigits[c & 15]);
  }
  return std::to_string(payload.size()) + " bytes of Sparkplug B, " + hex +
         (payload.size() > 32 ? "..." : "");
}

std::uint64_t Ms(TimeMicros us) { return static_cast<std::uint64_t>(us / 1000); }

// The message types whose payload must carry a timestamp (all but NDEATH, the MQTT will,
// which takes the receive time).
bool NeedsTimestamp(sp::MessageType type) {
  return type == sp::MessageType::kNBirth || type == sp::MessageType::kNData ||
         type == sp::MessageType::kDBirth || type == sp::MessageType::kDData ||
         type == sp::MessageType::kDDeath;
}

}  // namespace

Result<NodeOwner> OwnerOfNode(storage::Database& db, const std::string& group_id,
                              const std::string& edge_node) {
  auto sources = FindSparkplugSources(db, group_id, edge_node);
  if (!sources.ok()) return sources.error();
  std::vector<SourceRow*> enabled, disabled;
  for (auto& s : *sources) (s.enabled ? enabled : disabled).push_back(&s);
  const std::string node = "'" + group_id + "/" + edge_node + "'";
  if (enabled.size() > 1)
    return Error::Invalid("edge_node",
                          "the edge node " + node + " is owned by more than one enabled source (" +
                              enabled[0]->name + ", " + enabled[1]->name + ")",
                          "node_ambiguous");
  SourceRow* owner = !enabled.empty() ? enabled[0] : !disabled.empty() ? disabled[0] : nullptr;
  if (!owner)
    return Error{ErrorCode::kPermissionDenied,
                 "no enabled sparkplug source owns the edge node " + node, "edge_node",
                 "node_not_owned"};
  return NodeOwner{owner->name,
                   owner->enabled,
                   owner->counter == "cumulative",
                   std::move(owner->work_units),
                   std::move(owner->devices),
                   std::move(owner->node_work_unit)};
}

SparkplugIngest::SparkplugIngest(engine::Engine& engine, std::unique_ptr<storage::Database> reader,
                                 const Clock& clock, std::string broker, Publisher publish)
    : engine_(engine),
      reader_(std::move(reader)),
      clock_(clock),
      broker_(std::move(broker)),
      publish_(std::move(publish)) {}

Result<MessageOutcome> SparkplugIngest::Refuse(const std::string& source, const Error& e,
                                               const std::string& topic, const std::string& payload,
                                               std::int64_t seq) {
  return RecordRefusal(engine_, broker_, source, e, topic, Describe(payload), seq, &throttle_,
                       clock_.NowMicros());
}

bool SparkplugIngest::Begin(const std::string& topic, const std::string& payload) {
  Pending p;
  p.topic = topic;
  p.what = Describe(payload);
  p.received = clock_.NowMicros();
  Prepare(topic, payload, &p);
  const bool not_durable = p.outcome && !p.outcome->ok();
  pending_.push_back(std::move(p));
  return !not_durable;
}

std::vector<SparkplugIngest::Finished> SparkplugIngest::Finish() {
  std::vector<Finished> out;
  out.reserve(pending_.size());
  bool not_durable = false;
  for (Pending& p : pending_) {
    if (!p.outcome)
      p.outcome = IngestReplyOutcome(engine_, broker_, p.source, p.reply.get(), p.seq, p.received,
                                     p.topic, p.what, &throttle_);
    not_durable = not_durable || !p.outcome->ok();
    out.push_back(Finished{std::move(p.topic), std::move(*p.outcome)});
  }
  pending_.clear();
  if (not_durable) {
    // Nothing of the burst is acknowledged: it is delivered again, to sessions as they were.
    for (const auto& [key, before] : before_burst_) {
      auto it = nodes_.find(key);
      if (it != nodes_.end())
        Restore(it->second, before);
      else if (before.whole)
        nodes_.emplace(key, *before.whole);
    }
    UpdateHealth();
  }
  before_burst_.clear();
  return out;
}

Result<MessageOutcome> SparkplugIngest::Handle(const std::string& topic,
                                               const std::string& payload) {
  if (!pending_.empty())
    return Error::Make(ErrorCode::kInternal, "SparkplugIngest::Handle during a burst");
  Begin(topic, payload);
  return std::move(Finish().front().outcome);
}

void SparkplugIngest::RememberBefore(const NodeKey& key, const Node& node, bool data_only) {
  auto [it, first] = before_burst_.try_emplace(key);
  Before& before = it->second;
  if (first) {
    before.mark = node.session.data_mark();
    if (!data_only) before.whole = node;
  } else if (!data_only && !before.whole) {
    // Only data messages touched it so far: it is as before them but for their mark.
    before.whole = node;
    before.whole->session.RestoreDataMark(before.mark);
  }
}

void SparkplugIngest::Prepare(const std::string& raw_topic, const std::string& raw, Pending* p) {
  const TimeMicros received = p->received;
  auto topic = sp::ParseTopic(raw_topic);
  if (!topic.ok()) {
    p->outcome = Refuse("", topic.error(), raw_topic, raw);
    return;
  }
  const NodeKey key(topic->group_id, topic->edge_node_id);
  // A refused NBIRTH ends the node's previous birth, whatever refused it (owner, decode,
  // timestamp; the session's own refusals do the same): its aliases are not used for
  // later data, which waits for a valid birth.
  auto refuse = [&](const std::string& source, const Error& e) {
    if (topic->type == sp::MessageType::kNBirth) {
      auto known = nodes_.find(key);
      if (known != nodes_.end()) {
        RememberBefore(key, known->second, false);
        known->second.session.ForgetBirth();
        UpdateHealth();
      }
    }
    p->outcome = Refuse(source, e, raw_topic, raw);
  };
  auto owner = OwnerOfNode(*reader_, topic->group_id, topic->edge_node_id);
  if (!owner.ok()) {
    if (NotDurable(owner.error()))
      p->outcome = owner.error();
    else
      refuse("", owner.error());
    return;
  }
  if (!owner->enabled)
    return refuse(owner->source, Error{ErrorCode::kPermissionDenied, "the source is disabled",
                                       "source", "source_disabled"});
  auto payload = sp::DecodePayload(raw);
  if (!payload.ok()) {
    refuse(owner->source, payload.error());
    return MarkOffline(*owner, *topic, Ms(received), received, raw_topic, raw, p);
  }
  if (!payload->timestamp_ms && NeedsTimestamp(topic->type)) {
    refuse(owner->source,
           Error::Invalid("timestamp",
                          std::string("the ") + sp::MessageTypeName(topic->type) +
                              " payload has no timestamp: Sparkplug B requires it (it "
                              "makes the message's ingest seq, so a redelivery is "
                              "recognised)",
                          "missing_timestamp"));
    return MarkOffline(*owner, *topic, Ms(received), received, raw_topic, raw, p);
  }

  // NDATA and DDATA change only the session's data mark: their restore points are that.
  const bool data_only =
      topic->type == sp::MessageType::kNData || topic->type == sp::MessageType::kDData;
  auto it = nodes_.find(key);
  if (it == nodes_.end() || it->second.source != owner->source) {
    if (it != nodes_.end() && before_burst_.count(key)) RememberBefore(key, it->second, false);
    it = nodes_
             .insert_or_assign(
                 key, Node{owner->source, sp::EdgeNodeSession(topic->group_id, topic->edge_node_id),
                           0, false})
             .first;
  }
  Node& node = it->second;
  RememberBefore(key, node, data_only);
  // An unanswered request may be repeated once the interval has passed.
  if (node.session.rebirth_requested() && received - node.last_rebirth_us >= kRebirthInterval)
    node.session.ForgetRebirthRequest();
  Before before{node.session.data_mark(), std::nullopt};
  if (!data_only) before.whole = node;
  const sp::Decision decision = node.session.OnMessage(*topic, *payload);
  if (topic->type == sp::MessageType::kNBirth && decision.outcome == sp::Outcome::kApplied)
    node.offline_marked = false;
  if (decision.rebirth_needed) {
    auto s = RequestRebirth(node, *owner, *topic, decision, received);
    if (!s.ok()) {
      Restore(node, before);
      UpdateHealth();
      p->outcome = s.error();
      return;
    }
  }
  if (decision.outcome == sp::Outcome::kRefused) {
    std::int64_t seq = 0;
    if (payload->seq) seq = DerivedSeq(payload->timestamp_ms.value_or(Ms(received)), *payload->seq);
    p->outcome =
        Refuse(owner->source,
               Error{ErrorCode::kInvalidArgument, decision.message, "payload", decision.reason},
               raw_topic, raw, seq);
    MarkOffline(*owner, *topic, payload->timestamp_ms.value_or(Ms(received)), received, raw_topic,
                raw, p);
  } else if (decision.outcome == sp::Outcome::kApplied) {
    Apply(*owner, *topic, *payload, decision, received, raw_topic, raw, p);
  } else {
    p->outcome = MessageOutcome{MessageOutcome::kIgnored, owner->source, {}};
  }
  if (p->outcome && !p->outcome->ok()) Restore(node, before);
  UpdateHealth();
}

void SparkplugIngest::Restore(Node& node, const Before& before) {
  if (before.whole)
    Restore(node, *before.whole);
  else
    node.session.RestoreDataMark(before.mark);
}

void SparkplugIngest::Restore(Node& node, const Node& before) {
  // A rebirth request recorded (and published) while handling the message stays: its
  // record is durable, and the redelivery must not record and publish a second one within
  // kRebirthInterval.
  const TimeMicros last_rebirth_us = node.last_rebirth_us;
  node = before;
  node.last_rebirth_us = last_rebirth_us;
}

Status SparkplugIngest::RequestRebirth(Node& node, const NodeOwner& owner, const sp::Topic& topic,
                                       const sp::Decision& decision, TimeMicros now) {
  if (node.last_rebirth_us != 0 && now - node.last_rebirth_us < kRebirthInterval) return Ok();
  SparkplugRebirthRequested e{owner.source, topic.group_id, topic.edge_node_id,
                              sp::RebirthReasonName(decision.rebirth_reason),
                              decision.rebirth_detail};
  engine::Command c;
  c.actor = MqttActor(owner.source, broker_);
  c.success_status = 200;
  c.decide = [e](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
    return std::vector<ledger::Event>{ledger::MakeEvent(e, kSourceSubject, e.source)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) { return Json{}; };
  auto r = engine_.SubmitAndWait(std::move(c));
  if (!r.ok()) return r.error();
  node.last_rebirth_us = now;
  ++rebirths_;
  auto p = publish_(sp::RebirthTopic(topic.group_id, topic.edge_node_id),
                    sp::EncodePayload(sp::RebirthRequest(Ms(now))));
  if (!p.ok()) spdlog::warn("sparkplug: rebirth request not published: {}", p.error().message);
  spdlog::info("sparkplug: asked {}/{} to rebirth ({}: {})", topic.group_id, topic.edge_node_id,
               e.reason, e.detail);
  return Ok();
}

void SparkplugIngest::Apply(const NodeOwner& owner, const sp::Topic& topic,
                            const sp::Payload& payload, const sp::Decision& decision,
                            TimeMicros received, const std::string& raw_topic,
                            const std::string& raw, Pending* p) {
  const std::uint64_t time_ms = payload.timestamp_ms.value_or(Ms(received));
  const std::uint64_t low = payload.seq.value_or(0);
  Json body;
  // The work units the ingest command declares (engine::Command::work_units): the node's
  // death speaks for all of the source's; any other message for the one work unit of its
  // device (or node), whose tags alone it carries (`defined` below), so a person's command
  // for another work unit of the same source may pass it in the engine's queue.
  std::set<std::string> declared;
  if (decision.presence == sp::Presence::kNodeOffline) {
    // The will carries the time of the connect, not of the death: the receive time is it.
    body = OfflineBatch(owner.source, DerivedSeq(Ms(received), kDeathLow), owner.work_units,
                        Ms(received));
    declared.insert(owner.work_units.begin(), owner.work_units.end());
  } else {
    const auto work_unit = WorkUnitOfScope(topic.device_id, topic.edge_node_id, owner.work_units,
                                           owner.devices, owner.node_work_unit);
    // A device that is neither mapped nor a work unit of the source: refused, recorded.
    auto not_allowed = [&] {
      p->outcome =
          Refuse(owner.source,
                 Error{ErrorCode::kPermissionDenied,
                       "device '" + topic.device_id +
                           "' is no work unit of the source (nor mapped to one in devices)",
                       "device_id", "work_unit_not_allowed"},
                 raw_topic, raw, DerivedSeq(time_ms, low));
    };
    if (work_unit) declared.insert(*work_unit);
    if (decision.presence == sp::Presence::kDeviceOffline) {
      if (!work_unit) return not_allowed();
      body = OfflineBatch(owner.source, DerivedSeq(time_ms, low), {*work_unit}, time_ms);
    } else {
      if (!work_unit) {
        if (topic.device_id.empty()) {
          p->outcome = MessageOutcome{MessageOutcome::kIgnored, owner.source, {}};
          return;
        }
        return not_allowed();
      }
      std::set<std::string> candidates, defined;
      for (const auto& m : decision.metrics)
        if (auto tag = TagOfMetric(*work_unit, m.name)) candidates.insert(*tag);
      if (SampleSink* sink = InstalledSampleSink(); sink && !candidates.empty()) {
        auto known = sink->TagWorkUnits(*reader_, candidates);
        if (!known.ok()) {
          p->outcome = known.error();
          return;
        }
        // Only tags of this work unit: a tag named <work unit>.<metric> but defined for
        // another unit would be refused by the ingest (and take the message with it).
        for (const auto& [tag, wu] : *known)
          if (wu == *work_unit) defined.insert(tag);
      }
      int ignored = 0;
      const bool birth =
          topic.type == sp::MessageType::kNBirth || topic.type == sp::MessageType::kDBirth;
      body = BatchOfMetrics(owner.source, DerivedSeq(time_ms, low), *work_unit, decision.metrics,
                            birth, owner.cumulative, defined, time_ms, &ignored);
    }
  }
  if (body.is_null()) {
    p->outcome = MessageOutcome{MessageOutcome::kIgnored, owner.source, {}};
    return;
  }
  PreparedIngest prepared =
      PrepareIngest(engine_, broker_, owner.source, owner.cumulative, body, received, raw_topic,
                    p->what, &throttle_, std::move(declared));
  p->source = owner.source;
  p->seq = prepared.seq;
  if (prepared.outcome) {
    p->outcome = std::move(*prepared.outcome);
    return;
  }
  auto promise = std::make_shared<std::promise<Result<engine::CommandReply>>>();
  p->reply = promise->get_future();
  engine_.Submit(std::move(prepared.command),
                 [promise](Result<engine::CommandReply> r) { promise->set_value(std::move(r)); });
}

void SparkplugIngest::MarkOffline(const NodeOwner& owner, const sp::Topic& topic,
                                  std::uint64_t time_ms, TimeMicros received,
                                  const std::string& raw_topic, const std::string& raw,
                                  Pending* p) {
  if (topic.type != sp::MessageType::kNBirth || !p->outcome || !p->outcome->ok()) return;
  const NodeKey key(topic.group_id, topic.edge_node_id);
  auto it = nodes_.find(key);
  if (it == nodes_.end() || it->second.source != owner.source) {
    if (it != nodes_.end() && before_burst_.count(key)) RememberBefore(key, it->second, false);
    it = nodes_
             .insert_or_assign(
                 key, Node{owner.source, sp::EdgeNodeSession(topic.group_id, topic.edge_node_id), 0,
                           false})
             .first;
  }
  if (it->second.offline_marked) return;
  RememberBefore(key, it->second, false);
  const Json body =
      OfflineBatch(owner.source, DerivedSeq(time_ms, kDeathLow), owner.work_units, time_ms);
  auto offline = IngestBody(engine_, broker_, owner.source, owner.cumulative, body, received,
                            raw_topic, Describe(raw), &throttle_);
  if (!offline.ok()) {
    p->outcome = offline.error();  // not durable: the birth is delivered again
    return;
  }
  it->second.offline_marked = true;
}

void SparkplugIngest::ConnectionLost() {
  for (auto& [key, node] : nodes_) node.session.Reset();
  UpdateHealth();
}

void SparkplugIngest::UpdateHealth() {
  Json nodes = Json::array();
  std::int64_t online = 0;
  for (const auto& [key, node] : nodes_) {
    online += node.session.online() ? 1 : 0;
    nodes.push_back(
        Json{{"group_id", key.first},
             {"edge_node", key.second},
             {"source", node.source},
             {"online", node.session.online()},
             {"bd_seq", node.session.bd_seq() ? Json(*node.session.bd_seq()) : Json(nullptr)}});
  }
  Json health{{"nodes", nodes.size()},
              {"online", online},
              {"rebirths_requested", rebirths_},
              {"edge_nodes", std::move(nodes)}};
  std::lock_guard<std::mutex> lock(mutex_);
  health_ = std::move(health);
}

Json SparkplugIngest::Health() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (health_.is_null())
    return Json{
        {"nodes", 0}, {"online", 0}, {"rebirths_requested", 0}, {"edge_nodes", Json::array()}};
  return health_;
}

}  // namespace ordo::equipment::mqtt
