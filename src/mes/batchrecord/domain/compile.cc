// Compiling the batch record (compile.h).
#include "mes/batchrecord/domain/compile.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "core/crypto.h"

namespace ordo::batchrecord {

namespace {

std::string Str(const Json& j, const char* name) {
  return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
}
double Num(const Json& j, const char* name) {
  return j.contains(name) && j[name].is_number() ? j[name].get<double>() : 0.0;
}
Json Or(const Json& j, const char* name) { return j.contains(name) ? j[name] : Json(nullptr); }

Json Limit(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

// Who and when of an entry, as every section shows it.
Json Stamp(const Entry& e) {
  return Json{{"seq", e.seq}, {"by", e.actor}, {"time", ManifestTime(e.time_us)}};
}

std::string ExceptionKindOf(const std::string& execution_kind) {
  if (execution_kind == "parameter_out_of_limits" || execution_kind == "characteristic_out_of_spec")
    return kLimitViolation;
  if (execution_kind == "late_entry") return kLateEntry;
  if (execution_kind == "over_consumption") return kOverConsumption;
  return kLimitViolation;
}

Json ExceptionJson(const Exception& x) {
  return Json{{"id", x.id},           {"kind", x.kind},       {"operation", x.operation},
              {"subject", x.subject}, {"message", x.message}, {"deviation", x.deviation},
              {"seq", x.seq},         {"by", x.actor},        {"time", ManifestTime(x.time_us)},
              {"details", x.details}};
}

Json Manifestation(const Entry& e) {
  const Json& p = e.payload;
  return Json{{"seq", e.seq},
              {"signer", Str(p, "signer")},
              {"printed_name", Str(p, "printed_name")},
              {"meaning", Str(p, "meaning")},
              {"time", ManifestTime(e.time_us)},
              {"record_kind", Str(p, "record_kind")},
              {"record_id", Str(p, "record_id")},
              {"comment", Or(p, "comment")}};
}

std::string FormatPercent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

struct Builder {
  const Facts& f;
  std::vector<Exception> exceptions;
  std::map<std::string, Json> ops;  // operation id -> section
  std::vector<std::string> op_order;
  Json consumed = Json::array(), produced = Json::array(), signatures = Json::array();
  Json produced_serials = Json::array(), consumed_serials = Json::array();
  std::map<std::pair<std::string, std::string>, Json> last_value;  // (op, name) -> value
  const Entry* completed = nullptr;

  void Add(const Entry& e, std::string kind, std::string operation, std::string subject,
           std::string message, Json details) {
    Exception x;
    x.id = ExceptionId(e.seq);
    x.kind = std::move(kind);
    x.operation = std::move(operation);
    x.subject = std::move(subject);
    x.message = std::move(message);
    x.seq = e.seq;
    x.time_us = e.time_us;
    x.actor = e.actor;
    x.details = std::move(details);
    exceptions.push_back(std::move(x));
  }

  Json& Op(const std::string& id) {
    auto it = ops.find(id);
    if (it != ops.end()) return it->second;
    op_order.push_back(id);
    return ops[id] = Json{{"operation", id}};
  }

  // A parameter recorded again for the same operation is a correction; a characteristic
  // recorded again is one more sample (docs/execution.md), never a correction; nor is a
  // parameter value taken from a tag, and it is not the value a later entry corrects.
  void Recorded(const Entry& e, const char* list, const char* what, bool corrects) {
    const Json& p = e.payload;
    const std::string op = Str(p, "operation"), name = Str(p, "name");
    Json row = p;
    row.erase("order_id");
    row.erase("operation");
    row["recorded"] = Stamp(e);
    const Json value = p.contains("values") ? p["values"] : Or(p, "value");
    Op(op)[list].push_back(row);
    // A value from a tag is one reading of a trend (docs/execution.md), never a correction.
    if (!corrects || p.contains("origin")) return;
    Json& stored = Op(op)[list].back();
    auto key = std::make_pair(op, name);
    if (auto it = last_value.find(key); it != last_value.end()) {
      std::string reason = !e.reason.empty() ? e.reason : Str(p, "late_reason");
      Add(e, kCorrection, op, name,
          std::string(what) + " " + name + " of operation " + op +
              " was recorded again: " + it->second.dump() + " became " + value.dump() +
              (reason.empty() ? " (no reason given)" : " (reason: " + reason + ")"),
          Json{{"previous", it->second}, {"value", value}, {"reason", reason}});
      stored["corrects_earlier"] = true;
    }
    last_value[key] = value;
  }

  void Visit(const Entry& e) {
    const Json& p = e.payload;
    const std::string& t = e.type;
    const std::string op = Str(p, "operation");
    if (e.subject_kind == "batch_record") return;  // review and release: not content
    if (t == "orders.operation_started") {
      Json& o = Op(op);
      o["started"] = Stamp(e);
      o["work_unit"] = Str(p, "work_unit");
    } else if (t == "orders.operation_paused") {
      Op(op)["pauses"].push_back(Json{{"reason", Str(p, "reason")}, {"at", Stamp(e)}});
    } else if (t == "orders.operation_resumed") {
      Op(op)["resumes"].push_back(Stamp(e));
    } else if (t == "orders.operation_completed") {
      Json& o = Op(op);
      o["completed"] = Stamp(e);
      o["quantities"] = Json{{"good", Num(p, "good")},
                             {"scrap", Num(p, "scrap")},
                             {"rework", Num(p, "rework")},
                             {"unit", Str(p, "unit")},
                             {"scrap_reasons", Or(p, "scrap_reasons")},
                             {"rework_reasons", Or(p, "rework_reasons")}};
    } else if (t == "orders.operation_verified") {
      Op(op)["verification"] = Json{{"verifier", Str(p, "verifier")}, {"at", Stamp(e)}};
    } else if (t == "orders.order_completed") {
      completed = &e;
    } else if (t == "execution.instructions_acknowledged") {
      Op(op)["instructions_acknowledged"].push_back(
          Json{{"user", Str(p, "user")},
               {"instruction_hash", Str(p, "instruction_hash")},
               {"routing_version", Or(p, "routing_version")},
               {"at", Stamp(e)}});
    } else if (t == "execution.parameter_recorded") {
      Recorded(e, "parameters", "Parameter", true);
    } else if (t == "execution.characteristic_recorded") {
      Recorded(e, "characteristics", "Characteristic", false);
    } else if (t == "execution.exception_recorded") {
      Add(e, ExceptionKindOf(Str(p, "kind")), op, Str(p, "subject"), Str(p, "message"),
          Json{{"execution_kind", Str(p, "kind")},
               {"values", Or(p, "details")},
               {"blocks_completion", p.value("blocks_completion", false)}});
    } else if (t == "execution.command_refused") {
      Add(e, kRefusedAttempt, op, Str(p, "command"),
          "Refused " + Str(p, "command") + " (" + Str(p, "code") + "): " + Str(p, "message"),
          Json{{"command", Str(p, "command")},
               {"code", Str(p, "code")},
               {"field", Str(p, "field")},
               {"input", Or(p, "details")}});
    } else if (t == "lots.material_consumed") {
      consumed.push_back(Json{{"lot", Str(p, "lot")},
                              {"material", Str(p, "material")},
                              {"bom_material", Str(p, "bom_material")},
                              {"alternate", p.value("alternate", false)},
                              {"quantity", Num(p, "quantity")},
                              {"unit", Str(p, "unit")},
                              {"base_quantity", Num(p, "base_quantity")},
                              {"base_unit", Str(p, "base_unit")},
                              {"operation", op},
                              {"work_unit", Str(p, "work_unit")},
                              {"over_consumption", p.value("over_consumption", false)},
                              {"consumed", Stamp(e)}});
    } else if (t == "lots.lot_produced") {
      produced.push_back(Json{{"lot", Str(p, "lot")},
                              {"material", Str(p, "material")},
                              {"quantity", Num(p, "quantity")},
                              {"unit", Str(p, "unit")},
                              {"base_quantity", Num(p, "base_quantity")},
                              {"base_unit", Str(p, "base_unit")},
                              {"operation", op},
                              {"work_unit", Str(p, "work_unit")},
                              {"expiry", Str(p, "expiry")},
                              {"produced", Stamp(e)}});
    } else if (t == "lots.serial_produced") {
      produced_serials.push_back(Json{{"serial", Str(p, "serial")},
                                      {"material", Str(p, "material")},
                                      {"source", Str(p, "source")},
                                      {"operation", op},
                                      {"work_unit", Str(p, "work_unit")},
                                      {"produced", Stamp(e)}});
    } else if (t == "lots.serial_consumed") {
      consumed_serials.push_back(Json{{"serial", Str(p, "serial")},
                                      {"material", Str(p, "material")},
                                      {"bom_material", Str(p, "bom_material")},
                                      {"alternate", p.value("alternate", false)},
                                      {"operation", op},
                                      {"work_unit", Str(p, "work_unit")},
                                      {"consumed", Stamp(e)}});
    } else if (t == "signature.applied") {
      signatures.push_back(Manifestation(e));
    }
  }
};

}  // namespace

std::string ExceptionId(std::int64_t seq) { return "EX-" + std::to_string(seq); }

std::string ManifestTime(std::int64_t time_us) {
  const std::time_t secs = static_cast<std::time_t>(time_us / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

std::string ContentHash(const Json& record) {
  Json copy = record;
  if (copy.is_object())
    for (const char* k :
         {"review", "release", "content_hash", "state", "completeness", "amendment"})
      copy.erase(k);
  return Sha256Hex(CanonicalJson(copy));
}

std::optional<double> YieldPercent(double actual, double theoretical) {
  if (!(theoretical > 0)) return std::nullopt;
  return std::round(actual / theoretical * 100.0 * 100.0) / 100.0;
}

Compiled Compile(const Facts& f) {
  Builder b{f};
  for (const auto& op : f.operations) b.Op(Str(op, "operation"));
  for (const auto& e : f.entries) b.Visit(e);

  // Operations: the pinned facts first, then what the entries added.
  Json operations = Json::array();
  for (const auto& pinned : f.operations) {
    const std::string id = Str(pinned, "operation");
    Json o = b.ops[id];
    o["name"] = Str(pinned, "name");
    o["position"] = Or(pinned, "position");
    o["operation_class"] = Str(pinned, "operation_class");
    if (!o.contains("work_unit")) o["work_unit"] = Str(pinned, "work_unit");
    const Json spec = pinned.contains("spec") ? pinned["spec"] : Json::object();
    o["second_person_verification"] = spec.value("second_person_verification", false);
    o["parameter_limits"] = spec.contains("parameters") ? spec["parameters"] : Json::array();
    o["characteristic_limits"] =
        spec.contains("characteristics") ? spec["characteristics"] : Json::array();
    o["qualifications_at_start"] = Or(pinned, "start_qualifications");
    auto eq = f.equipment_at_start.find(id);
    o["equipment_at_start"] = eq != f.equipment_at_start.end() ? eq->second : Json(nullptr);
    for (const char* list :
         {"parameters", "characteristics", "instructions_acknowledged", "pauses", "resumes"})
      if (!o.contains(list)) o[list] = Json::array();
    for (const char* one : {"started", "completed", "verification", "quantities"})
      if (!o.contains(one)) o[one] = nullptr;
    operations.push_back(std::move(o));
  }

  // Deviations: each one is also an exception, cleared by its own disposition.
  Json deviations = Json::array();
  for (const auto& d : f.deviations) {
    Json dj = deviations::ToJson(d);
    for (auto& x : dj["dispositions"]) {
      auto it = f.disposition_signatures.find(x.value("signature_seq", std::int64_t{0}));
      if (it != f.disposition_signatures.end()) x["manifestation"] = Manifestation(it->second);
    }
    deviations.push_back(dj);
    Exception x;
    x.id = ExceptionId(d.opened_seq);
    x.kind = kDeviation;
    x.operation = d.operation;
    x.subject = d.id;
    x.deviation = d.id;
    x.message = d.id + " (" + d.classification + "): " + d.title;
    x.seq = d.opened_seq;
    x.time_us = d.opened_us;
    x.actor = d.author;
    x.details = Json{{"source", d.source}, {"classification", d.classification}};
    b.exceptions.push_back(std::move(x));
  }
  for (const auto& [seq, e] : f.disposition_signatures) b.signatures.push_back(Manifestation(e));

  // Quantities and yield.
  const Json& order = f.order;
  double produced_base = 0;
  for (const auto& l : b.produced) produced_base += Num(l, "base_quantity");
  double actual = produced_base;
  std::string actual_basis = "produced_lots";
  if (f.serial_tracked) {
    actual_basis = "produced_serials";
    actual = static_cast<double>(b.produced_serials.size());
  } else if (b.produced.empty()) {
    actual_basis = "last_operation_good";
    actual = 0;
    if (!operations.empty() && operations.back()["quantities"].is_object())
      actual = Num(operations.back()["quantities"], "good");
  }
  const double theoretical = Num(order, "base_quantity");
  auto yield = YieldPercent(actual, theoretical);
  std::optional<bool> in_limits;
  if (yield && (f.yield_low || f.yield_high))
    in_limits =
        (!f.yield_low || *yield >= *f.yield_low) && (!f.yield_high || *yield <= *f.yield_high);
  if (b.completed && in_limits && !*in_limits)
    b.Add(*b.completed, kYieldOutOfLimits, "", Str(order, "order_id"),
          "Yield " + FormatPercent(*yield) + " % is outside the limits " +
              (f.yield_low ? FormatPercent(*f.yield_low) : std::string("-")) + " .. " +
              (f.yield_high ? FormatPercent(*f.yield_high) : std::string("-")) + " %",
          Json{{"yield_percent", *yield},
               {"yield_low", Limit(f.yield_low)},
               {"yield_high", Limit(f.yield_high)}});

  std::stable_sort(b.exceptions.begin(), b.exceptions.end(),
                   [](const Exception& a, const Exception& c) { return a.seq < c.seq; });
  Json exceptions = Json::array();
  for (const auto& x : b.exceptions) exceptions.push_back(ExceptionJson(x));

  Compiled out;
  out.content =
      Json{{"order_id", Str(order, "order_id")},
           {"product", Json{{"product", Str(order, "product")},
                            {"version", Or(order, "product_version")},
                            {"hash", Str(order, "product_hash")},
                            {"material", Str(order, "material")},
                            {"routing", Str(order, "routing")},
                            {"routing_version", Or(order, "routing_version")},
                            {"routing_hash", Str(order, "routing_hash")}}},
           {"order", Json{{"order_id", Str(order, "order_id")},
                          {"created", ManifestTime(order.value("created_us", std::int64_t{0}))},
                          {"released", ManifestTime(order.value("released_us", std::int64_t{0}))},
                          {"completed", b.completed ? Stamp(*b.completed) : Json(nullptr)}}},
           {"quantities", Json{{"theoretical", Num(order, "quantity")},
                               {"unit", Str(order, "unit")},
                               {"theoretical_base", theoretical},
                               {"base_unit", Str(order, "base_unit")},
                               {"actual_base", actual},
                               {"actual_basis", actual_basis},
                               {"yield_percent", yield ? Json(*yield) : Json(nullptr)},
                               {"yield_low", Limit(f.yield_low)},
                               {"yield_high", Limit(f.yield_high)},
                               {"yield_in_limits", in_limits ? Json(*in_limits) : Json(nullptr)}}},
           {"bill_of_materials", f.bom},
           {"consumed_lots", b.consumed},
           {"produced_lots", b.produced},
           {"consumed_serials", b.consumed_serials},
           {"produced_serials", b.produced_serials},
           {"operations", operations},
           {"deviations", deviations},
           {"signatures", b.signatures},
           {"exceptions", exceptions}};
  out.exceptions = std::move(b.exceptions);
  out.content_hash = ContentHash(out.content);
  return out;
}

}  // namespace ordo::batchrecord
