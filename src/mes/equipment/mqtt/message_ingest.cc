// One MQTT message into the ledger (message_ingest.h).
#include "mes/equipment/mqtt/message_ingest.h"

#include <algorithm>
#include <future>
#include <optional>

#include "core/json_fields.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/batch.h"
#include "mes/equipment/events.h"
#include "mes/equipment/mqtt/topics.h"
#include "mes/equipment/store/equipment_store.h"
#include "mes/masterdata/in_force.h"

namespace ordo::equipment::mqtt {

namespace {

// The site of a work unit: its ancestor of level site ("" when there is none).
Result<std::string> SiteOf(storage::Database& db, const std::string& work_unit, TimeMicros now) {
  std::string id = work_unit;
  for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
    auto v = masterdata::InForce(db, "equipment", id, now);
    if (!v.ok()) return v.error();
    if (!*v) return std::string();
    if (TextField((*v)->content, "level") == "site") return id;
    id = TextField((*v)->content, "parent");
  }
  return std::string();
}

bool Owns(storage::Database& db, const SourceRow& s, const std::string& topic,
          const std::optional<DataTopic>& parsed, std::optional<std::string>* site_cache,
          TimeMicros now, Result<bool>* error) {
  if (!s.topics.empty())
    return std::any_of(s.topics.begin(), s.topics.end(),
                       [&](const std::string& f) { return TopicMatches(f, topic); });
  if (!parsed) return false;
  if (std::find(s.work_units.begin(), s.work_units.end(), parsed->work_unit) == s.work_units.end())
    return false;
  if (!*site_cache) {
    auto site = SiteOf(db, parsed->work_unit, now);
    if (!site.ok()) {
      *error = site.error();
      return false;
    }
    *site_cache = *site;
  }
  return !(*site_cache)->empty() &&
         TopicMatches(DefaultFilter(**site_cache, parsed->work_unit), topic);
}

std::string Excerpt(const std::string& payload) {
  std::string out;
  for (char c : payload.substr(0, 120))
    out += (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) ? '?' : c;
  return payload.size() > 120 ? out + "..." : out;
}

// The first `levels` levels of `topic` ("" when it has fewer).
std::string TopicPrefix(const std::string& topic, int levels) {
  std::size_t pos = 0;
  for (int i = 0; i < levels; ++i) {
    pos = topic.find('/', pos);
    if (pos == std::string::npos) return i + 1 == levels ? topic : std::string();
    if (i + 1 < levels) ++pos;
  }
  return topic.substr(0, pos);
}

}  // namespace

engine::Actor MqttActor(const std::string& source, const std::string& broker) {
  return engine::Actor{0, "source:" + (source.empty() ? std::string("(unknown)") : source),
                       "device", ledger::Origin{0, "mqtt://" + broker, ""}};
}

bool NotDurable(const Error& e) {
  return e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kInternal ||
         e.code == ErrorCode::kIntegrityViolation;
}

Result<Owner> OwnerOfTopic(storage::Database& db, const std::string& topic, TimeMicros now) {
  // The site and work unit levels, also of a topic under them that is no data topic
  // (its owner records the refusal invalid_topic).
  std::optional<DataTopic> parsed;
  if (auto p = ParseDataTopic(topic); p.ok()) {
    parsed = *p;
  } else if (auto q = ParseDataTopic(TopicPrefix(topic, 3) + "/state"); q.ok()) {
    parsed = *q;
  }
  // Only the sources that may own it: those with topic filters, and those of its work unit.
  auto sources =
      FindMqttSourcesFor(db, parsed ? std::optional<std::string>(parsed->work_unit) : std::nullopt);
  if (!sources.ok()) return sources.error();
  std::optional<std::string> site;
  Result<bool> failed = true;
  std::vector<const SourceRow*> enabled, disabled;
  for (const auto& s : *sources) {
    if (s.kind != "mqtt") continue;
    const bool owns = Owns(db, s, topic, parsed, &site, now, &failed);
    if (!failed.ok()) return failed.error();
    if (owns) (s.enabled ? enabled : disabled).push_back(&s);
  }
  if (enabled.size() > 1)
    return Error::Invalid("topic",
                          "the topic '" + topic + "' is owned by more than one enabled source (" +
                              enabled[0]->name + ", " + enabled[1]->name + ")",
                          "topic_ambiguous");
  const SourceRow* owner = !enabled.empty()    ? enabled[0]
                           : !disabled.empty() ? disabled[0]
                                               : nullptr;
  if (!owner)
    return Error{ErrorCode::kPermissionDenied,
                 "no enabled mqtt source owns the topic '" + topic + "'", "topic",
                 "topic_not_owned"};
  return Owner{owner->name, owner->counter, owner->work_units};
}

MessageIngest::MessageIngest(engine::Engine& engine, std::unique_ptr<storage::Database> reader,
                             const Clock& clock, std::string broker)
    : engine_(engine), reader_(std::move(reader)), clock_(clock), broker_(std::move(broker)) {}

Result<MessageOutcome> MessageIngest::Refuse(const std::string& source, const Error& e,
                                             const std::string& topic, const std::string& payload) {
  return RecordRefusal(engine_, broker_, source, e, topic, Excerpt(payload), SeqOfPayload(payload),
                       &throttle_, clock_.NowMicros());
}

Result<MessageOutcome> RecordRefusal(engine::Engine& engine, const std::string& broker,
                                     const std::string& source, const Error& e,
                                     const std::string& topic, const std::string& what,
                                     std::int64_t source_seq, RefusalThrottle* throttle,
                                     TimeMicros now) {
  const std::string subject = source.empty() ? "(unknown)" : source;
  const std::string reason = e.reason.empty() ? ErrorCodeName(e.code) : e.reason;
  const std::string detail = "mqtt topic " + topic + ": " + e.message +
                             (e.field.empty() ? "" : " (field " + e.field + ")") +
                             "; payload: " + what;
  MessageOutcome out;
  out.kind = MessageOutcome::kRefused;
  out.source = source;
  out.refusal = e;
  out.refusal.reason = reason;
  const std::string key = subject + "|" + reason;
  RefusalThrottle::Decision admitted;
  if (throttle) admitted = throttle->Admit(key, now);
  if (!admitted.record) {
    out.recorded = false;
    return out;
  }
  DataRefused refused{source, reason, detail, source_seq, admitted.suppressed};
  engine::Command c;
  c.actor = MqttActor(source, broker);
  c.success_status = 200;
  c.decide = [refused, subject](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
    return std::vector<ledger::Event>{ledger::MakeEvent(refused, kSourceSubject, subject)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) { return Json{}; };
  auto r = engine.SubmitAndWait(std::move(c));
  if (!r.ok()) {
    if (throttle) throttle->Restore(key, admitted);
    return r.error();
  }
  return out;
}

bool MessageIngest::Begin(const std::string& topic, const std::string& payload) {
  Pending p{topic, Excerpt(payload), {}, 0, clock_.NowMicros(), std::nullopt, {}};
  auto refuse = [&](const std::string& source, const Error& e) {
    p.outcome = Refuse(source, e, topic, payload);
  };
  auto owner = OwnerOf(topic, p.received);
  auto parsed = ParseDataTopic(topic);
  if (!owner.ok()) {
    if (NotDurable(owner.error()))
      p.outcome = owner.error();
    else
      refuse("", owner.error());
  } else if (!parsed.ok()) {
    refuse(owner->source, parsed.error());
  } else if (auto body = BatchOfMessage(*parsed, owner->source, payload); !body.ok()) {
    refuse(owner->source, body.error());
  } else {
    p.source = owner->source;
    PreparedIngest prepared =
        PrepareIngest(engine_, broker_, owner->source, owner->counter == "cumulative", *body,
                      p.received, topic, p.what, &throttle_,
                      std::set<std::string>(owner->work_units.begin(), owner->work_units.end()));
    p.seq = prepared.seq;
    if (prepared.outcome) {
      p.outcome = std::move(*prepared.outcome);
    } else {
      auto promise = std::make_shared<std::promise<Result<engine::CommandReply>>>();
      p.reply = promise->get_future();
      engine_.Submit(std::move(prepared.command), [promise](Result<engine::CommandReply> r) {
        promise->set_value(std::move(r));
      });
    }
  }
  const bool not_durable = p.outcome && !p.outcome->ok();
  pending_.push_back(std::move(p));
  return !not_durable;
}

Result<Owner> MessageIngest::OwnerOf(const std::string& topic, TimeMicros now) {
  auto known = owners_.find(topic);
  if (known != owners_.end() && now >= known->second.at &&
      now - known->second.at < kOwnerMemoryMicros)
    return known->second.owner;
  auto owner = OwnerOfTopic(*reader_, topic, now);
  if (owner.ok()) {
    if (owners_.size() >= 10'000) owners_.clear();  // bounded: a flood of topics
    owners_[topic] = KnownOwner{*owner, now};
  } else {
    owners_.erase(topic);
  }
  return owner;
}

std::vector<MessageIngest::Finished> MessageIngest::Finish() {
  std::vector<Finished> out;
  out.reserve(pending_.size());
  for (Pending& p : pending_) {
    if (!p.outcome)
      p.outcome = IngestReplyOutcome(engine_, broker_, p.source, p.reply.get(), p.seq, p.received,
                                     p.topic, p.what, &throttle_);
    out.push_back(Finished{std::move(p.topic), std::move(*p.outcome)});
  }
  pending_.clear();
  return out;
}

PreparedIngest PrepareIngest(engine::Engine& engine, const std::string& broker,
                             const std::string& source, bool cumulative, const Json& body,
                             TimeMicros received, const std::string& topic, const std::string& what,
                             RefusalThrottle* throttle,
                             std::optional<std::set<std::string>> work_units) {
  PreparedIngest out;
  const Json seq_json = body.value("seq", Json(0));
  out.seq = seq_json.is_number_integer() && seq_json.get<std::int64_t>() > 0
                ? seq_json.get<std::int64_t>()
                : 0;
  auto batch = DecodeBatch(body, !cumulative, received);
  if (!batch.ok()) {
    out.outcome = RecordRefusal(engine, broker, source, PayloadFieldError(batch.error()), topic,
                                what, out.seq, throttle, received);
    return out;
  }
  out.command = IngestCommand(MqttActor(source, broker), source, std::move(*batch), BatchHash(body),
                              received, std::move(work_units));
  return out;
}

Result<MessageOutcome> IngestReplyOutcome(engine::Engine& engine, const std::string& broker,
                                          const std::string& source, Result<engine::CommandReply> r,
                                          std::int64_t seq, TimeMicros received,
                                          const std::string& topic, const std::string& what,
                                          RefusalThrottle* throttle) {
  if (!r.ok()) {
    if (NotDurable(r.error())) return r.error();
    return RecordRefusal(engine, broker, source, PayloadFieldError(r.error()), topic, what, seq,
                         throttle, received);
  }
  MessageOutcome out;
  out.source = source;
  if (r->body.contains("refused")) {  // recorded by the ingest command itself
    const Json& j = r->body["refused"];
    out.kind = MessageOutcome::kRefused;
    out.refusal = Error{ErrorCode::kPermissionDenied, j.value("message", ""), j.value("field", ""),
                        j.value("reason", "")};
  } else if (r->body.value("duplicate", false)) {
    out.kind = MessageOutcome::kDuplicate;
  }
  return out;
}

Result<MessageOutcome> IngestBody(engine::Engine& engine, const std::string& broker,
                                  const std::string& source, bool cumulative, const Json& body,
                                  TimeMicros received, const std::string& topic,
                                  const std::string& what, RefusalThrottle* throttle) {
  PreparedIngest prepared =
      PrepareIngest(engine, broker, source, cumulative, body, received, topic, what, throttle);
  if (prepared.outcome) return std::move(*prepared.outcome);
  return IngestReplyOutcome(engine, broker, source,
                            engine.SubmitAndWait(std::move(prepared.command)), prepared.seq,
                            received, topic, what, throttle);
}

}  // namespace ordo::equipment::mqtt
