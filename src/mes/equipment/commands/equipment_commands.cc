// Glue of the equipment commands (equipment_commands.h).
#include "mes/equipment/commands/equipment_commands.h"

#include <memory>
#include <set>

#include "core/json_fields.h"
#include "mes/access/users.h"
#include "mes/equipment/domain/downtime.h"
#include "mes/equipment/domain/ingest.h"
#include "mes/equipment/domain/source.h"
#include "mes/equipment/sample_observer.h"
#include "mes/equipment/sample_sink.h"
#include "mes/equipment/store/equipment_store.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"

namespace ordo::equipment {

namespace {

using Events = std::vector<ledger::Event>;

SourceRegistered RegisteredOf(const SourceRow& r) {
  SourceRegistered s;
  s.name = r.name;
  s.kind = r.kind;
  s.work_units = r.work_units;
  s.enabled = r.enabled;
  s.counter = r.counter;
  s.rollover_modulus = r.rollover_modulus;
  s.topics = r.topics;
  s.group_id = r.group_id;
  s.edge_node = r.edge_node;
  s.key_hash = r.key_hash;
  s.devices = r.devices;
  s.node_work_unit = r.node_work_unit;
  return s;
}

Result<std::vector<std::string>> MissingWorkUnits(storage::Database& db,
                                                  const std::vector<std::string>& work_units,
                                                  TimeMicros now) {
  std::vector<std::string> missing;
  for (const auto& wu : work_units) {
    auto v = masterdata::InForce(db, "equipment", wu, now);
    if (!v.ok()) return v.error();
    if (!*v || TextField((*v)->content, "level") != "work_unit") missing.push_back(wu);
  }
  return missing;
}

Result<SourceRow> LoadSource(storage::Database& db, const std::string& name) {
  auto found = FindSource(db, name);
  if (!found.ok()) return found.error();
  if (!*found)
    return Error{ErrorCode::kNotFound, "there is no source '" + name + "'", "name",
                 "source_missing"};
  return **found;
}

std::function<Json(engine::WriteContext&, const std::vector<ledger::LedgerEntry>&)> SourceReply(
    std::string name) {
  return [name](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto row = FindSource(ctx.db, name);
    return Json{{"source", row.ok() && *row ? ToJson(**row) : Json(nullptr)}};
  };
}

Json ErrorJson(const Error& e) {
  return Json{{"code", ErrorCodeName(e.code)},
              {"message", e.message},
              {"field", e.field},
              {"reason", e.reason}};
}

}  // namespace

engine::Command RegisterSourceCommand(engine::Actor actor, SourceRegistered source) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 201;
  c.decide = [source](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateSource(source));
    auto existing = FindSource(ctx.db, source.name);
    if (!existing.ok()) return existing.error();
    auto missing = MissingWorkUnits(ctx.db, source.work_units, ctx.now);
    if (!missing.ok()) return missing.error();
    auto e = DecideRegisterSource(source, existing->has_value(), *missing);
    if (!e.ok()) return e.error();
    return Events{std::move(*e)};
  };
  c.reply = SourceReply(source.name);
  return c;
}

engine::Command UpdateSourceCommand(engine::Actor actor, std::string name, SourceChange change) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [name, change](engine::WriteContext& ctx) -> Result<Events> {
    auto row = LoadSource(ctx.db, name);
    if (!row.ok()) return row.error();
    std::vector<std::string> missing;
    if (change.work_units) {
      auto m = MissingWorkUnits(ctx.db, *change.work_units, ctx.now);
      if (!m.ok()) return m.error();
      missing = std::move(*m);
    }
    auto e = DecideUpdateSource(RegisteredOf(*row), change, missing);
    if (!e.ok()) return e.error();
    return Events{std::move(*e)};
  };
  c.reply = SourceReply(name);
  return c;
}

engine::Command RotateKeyCommand(engine::Actor actor, std::string name, std::string key_hash) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [name, key_hash](engine::WriteContext& ctx) -> Result<Events> {
    auto row = LoadSource(ctx.db, name);
    if (!row.ok()) return row.error();
    auto e = DecideRotateKey(RegisteredOf(*row), key_hash);
    if (!e.ok()) return e.error();
    return Events{std::move(*e)};
  };
  c.reply = SourceReply(name);
  return c;
}

engine::Command AssignReasonCommand(engine::Actor actor, std::string work_unit, TimeMicros start_us,
                                    std::string reason_code, std::string comment) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [work_unit, start_us, reason_code,
              comment](engine::WriteContext& ctx) -> Result<Events> {
    auto found = DownChangeAt(ctx.db, work_unit, start_us);
    if (!found.ok()) return found.error();
    auto codes = LoadDowntimeCodes(ctx.db, ctx.now);
    if (!codes.ok()) return codes.error();
    auto e = DecideAssignReason(work_unit, start_us, reason_code, comment, *found, *codes);
    if (!e.ok()) return e.error();
    return Events{std::move(*e)};
  };
  c.reply = [work_unit, start_us, reason_code, comment](
                engine::WriteContext&, const std::vector<ledger::LedgerEntry>& es) {
    return Json{{"assigned",
                 {{"work_unit", work_unit},
                  {"start", FormatUtcMicros(start_us)},
                  {"reason_code", reason_code},
                  {"comment", comment},
                  {"by", es.empty() ? "" : es.front().actor},
                  {"at", es.empty() ? "" : FormatUtcMicros(es.front().time_us)}}}};
  };
  return c;
}

Result<Context> ContextOfWorkUnit(storage::Database& db, const std::string& work_unit) {
  auto running = orders::RunningOnWorkUnit(db, work_unit);
  if (!running.ok()) return running.error();
  if (running->empty()) return Context{};
  const orders::PinnedOperation* op = &running->front();
  for (const auto& o : *running)
    if (o.state == "running") op = &o;
  Context c;
  c.order_id = op->order_id;
  c.operation = op->operation;
  auto order = orders::FindOrder(db, op->order_id);
  if (!order.ok()) return order.error();
  if (*order) c.product = (*order)->product;
  auto consumed = lots::ConsumedByOrder(db, op->order_id);
  if (!consumed.ok()) return consumed.error();
  for (const auto& k : *consumed)
    if (k.operation == op->operation) c.lot = k.lot;  // oldest first: the last wins
  if (op->started_by_id != 0) {
    auto user = access::FindUserById(db, op->started_by_id);
    if (!user.ok()) return user.error();
    if (*user) c.operator_name = (*user)->name;
  }
  return c;
}

Result<TimeMicros> MicroStopThreshold(storage::Database& db, const std::string& work_unit,
                                      TimeMicros now) {
  auto v = masterdata::InForce(db, "equipment", work_unit, now);
  if (!v.ok()) return v.error();
  if (!*v || TextField((*v)->content, "level") != "work_unit")
    return Error{ErrorCode::kNotFound, "there is no work unit '" + work_unit + "' in master data",
                 "id", "unknown_work_unit"};
  const Json& content = (*v)->content;
  auto it = content.find("micro_stop_seconds");
  if (it != content.end() && it->is_number_integer()) return it->get<std::int64_t>() * 1'000'000;
  return kDefaultMicroStopMicros;
}

Result<DowntimeCodes> LoadDowntimeCodes(storage::Database& db, TimeMicros now) {
  auto v = masterdata::InForce(db, "reason_codes", "DOWNTIME", now);
  if (!v.ok()) return v.error();
  DowntimeCodes codes;
  if (!*v || TextField((*v)->content, "category") != "downtime") return codes;
  codes.version = (*v)->version;
  auto it = (*v)->content.find("codes");
  if (it == (*v)->content.end() || !it->is_array()) return codes;
  for (const auto& c : *it) {
    const std::string code = TextField(c, "code");
    if (code.empty()) continue;
    const bool planned = c.contains("planned") && c["planned"].is_boolean() && c["planned"];
    (planned ? codes.planned : codes.unplanned).insert(code);
  }
  return codes;
}

engine::Command IngestCommand(engine::Actor actor, std::string source, Batch batch,
                              std::string batch_hash, TimeMicros received_us,
                              std::optional<std::set<std::string>> work_units) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.bulk = true;
  c.work_units = work_units;
  auto outcome = std::make_shared<Json>();
  // Set by decide when the batch's samples are to be handed to the sink after the append.
  auto store_samples = std::make_shared<bool>(false);
  auto shared_batch = std::make_shared<const Batch>(std::move(batch));
  c.decide = [source, shared_batch, batch_hash, received_us, outcome, store_samples,
              declared = std::move(work_units)](engine::WriteContext& ctx) -> Result<Events> {
    const Batch& batch = *shared_batch;
    *store_samples = false;
    IngestFacts facts;
    facts.received_us = received_us;
    SampleSink* sink = InstalledSampleSink();
    facts.samples_accepted = sink != nullptr;
    if (sink && !batch.samples.empty()) {
      std::set<std::string> tags;
      for (const auto& s : batch.samples) tags.insert(s.tag);
      auto known = sink->TagWorkUnits(ctx.db, tags);
      if (!known.ok()) return known.error();
      facts.tag_work_units = std::move(*known);
    }
    auto row = FindSource(ctx.db, source);
    if (!row.ok()) return row.error();
    if (*row) facts.source = FactsOf(**row);
    if (facts.source && facts.source->name == batch.source) {
      auto seen = IngestedHash(ctx.db, source, batch.seq);
      if (!seen.ok()) return seen.error();
      facts.seen_hash = *seen;
      std::set<std::string> units;
      bool reasons = false;
      for (const auto& s : batch.states) {
        units.insert(s.work_unit);
        reasons = reasons || (s.state == State::kDown && s.reason);
      }
      for (const auto& k : batch.counts) units.insert(k.work_unit);
      const auto& allowed = facts.source->work_units;
      for (const auto& wu : units) {
        if (std::find(allowed.begin(), allowed.end(), wu) == allowed.end()) continue;
        auto missing = MissingWorkUnits(ctx.db, {wu}, ctx.now);
        if (!missing.ok()) return missing.error();
        if (!missing->empty()) continue;
        facts.work_units.insert(wu);
        auto context = ContextOfWorkUnit(ctx.db, wu);
        if (!context.ok()) return context.error();
        facts.context[wu] = *context;
      }
      if (reasons) {
        auto codes = LoadDowntimeCodes(ctx.db, ctx.now);
        if (!codes.ok()) return codes.error();
        facts.codes = std::move(*codes);
      }
    }
    // The engine may have run people's commands for other work units before this one on
    // the strength of the declared work units: it must touch no other.
    if (declared && facts.source) {
      std::set<std::string> touched = facts.work_units;
      const auto& allowed = facts.source->work_units;
      for (const auto& [tag, wu] : facts.tag_work_units)
        if (std::find(allowed.begin(), allowed.end(), wu) != allowed.end()) touched.insert(wu);
      for (const auto& wu : touched)
        if (declared->count(wu) == 0)
          return Error::Make(ErrorCode::kUnavailable,
                             "the source's work units changed while the batch was queued; "
                             "send it again");
    }
    auto d = DecideIngest(batch, batch_hash, facts);
    if (!d.ok()) return d.error();
    if (d->refusal) {
      *outcome = Json{{"refused", ErrorJson(*d->refusal)}};
    } else {
      std::int64_t skewed = 0;
      for (const auto& e : d->events) skewed += e.payload.contains("skew_us") ? 1 : 0;
      *outcome = Json{{"source", batch.source},
                      {"seq", batch.seq},
                      {"duplicate", d->duplicate},
                      {"states", d->duplicate ? 0 : batch.states.size()},
                      {"counts", d->duplicate ? 0 : batch.counts.size()},
                      {"samples", d->duplicate ? 0 : batch.samples.size()},
                      {"skewed", skewed}};
      *store_samples = !d->duplicate && !batch.samples.empty();
      // Other capabilities' rules on the accepted samples add their events after the
      // batch's own (the first stays the batch_accepted whose seq the rows record).
      if (*store_samples) {
        const ObservedSamples observed{batch.source, batch.seq, batch.samples,
                                       facts.tag_work_units};
        for (const SampleObserver& observer : SampleObservers()) {
          engine::WriteContext at{ctx.db,
                                  ctx.next_seq + static_cast<std::int64_t>(d->events.size()),
                                  ctx.now, ctx.durable_seq};
          auto added = observer(at, observed);
          if (!added.ok()) return added.error();
          for (auto& e : *added) d->events.push_back(std::move(e));
        }
      }
    }
    return std::move(d->events);
  };
  // The samples go to the sink's own file after the events are appended and before the
  // ledger commit, so the 200 comes only once they are durable there.
  c.after_append = [shared_batch, received_us, store_samples](
                       engine::WriteContext& ctx,
                       const std::vector<ledger::LedgerEntry>& entries) -> Status {
    if (!*store_samples || entries.empty()) return Ok();
    SampleSink* sink = InstalledSampleSink();
    if (!sink)
      return Error::Make(ErrorCode::kUnavailable, "the sample sink went away during ingest");
    AcceptedSamples accepted{shared_batch->source, shared_batch->seq,      entries.front().seq,
                             received_us,          &shared_batch->samples, !ctx.guarded};
    return sink->Store(ctx.db, accepted);
  };
  c.reply = [outcome](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    return *outcome;
  };
  return c;
}

engine::Command RecordUnknownKeyCommand(engine::Actor actor, std::string claimed_source,
                                        std::string detail) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  const Error refusal{ErrorCode::kUnauthenticated,
                      "the API key is not the key of any registered rest source", "Authorization",
                      "unknown_source"};
  c.decide = [claimed_source, detail, refusal](engine::WriteContext&) -> Result<Events> {
    const std::string subject = claimed_source.empty() ? "(unknown)" : claimed_source;
    return Events{ledger::MakeEvent(DataRefused{claimed_source, refusal.reason, detail, 0},
                                    kSourceSubject, subject)};
  };
  c.reply = [refusal](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"refused", ErrorJson(refusal)}};
  };
  return c;
}

}  // namespace ordo::equipment
