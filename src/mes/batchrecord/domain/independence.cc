// The performers of an order and the independence of its batch release (independence.h).
#include "mes/batchrecord/domain/independence.h"

#include <set>

namespace ordo::batchrecord {

namespace {

std::string Str(const Json& j, const char* name) {
  return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
}

// The step an entry shows in words, or "" when the entry is no step of the order.
std::string StepOf(const Entry& e) {
  const Json& p = e.payload;
  const std::string& t = e.type;
  const std::string op = "operation " + Str(p, "operation");
  if (t == "orders.operation_started") return "started " + op;
  if (t == "orders.operation_paused") return "paused " + op;
  if (t == "orders.operation_resumed") return "resumed " + op;
  if (t == "orders.operation_completed") return "completed " + op;
  if (t == "orders.operation_verified") return "verified " + op;
  if (t == "execution.instructions_acknowledged") return "acknowledged the instructions of " + op;
  if (t == "execution.parameter_recorded")
    return "recorded parameter " + Str(p, "name") + " of " + op;
  if (t == "execution.characteristic_recorded")
    return "recorded characteristic " + Str(p, "name") + " of " + op;
  if (t == "lots.material_consumed") return "consumed lot " + Str(p, "lot") + " at " + op;
  if (t == "lots.lot_produced") return "produced lot " + Str(p, "lot") + " at " + op;
  if (t == "lots.serial_produced") return "produced serial " + Str(p, "serial") + " at " + op;
  if (t == "lots.serial_consumed") return "consumed serial " + Str(p, "serial") + " at " + op;
  return "";
}

}  // namespace

std::vector<Performer> PerformersOf(const Facts& facts) {
  std::vector<Performer> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& user, std::string step, std::int64_t seq) {
    if (user.empty() || !seen.insert(user).second) return;
    out.push_back(Performer{user, std::move(step), seq});
  };
  for (const Entry& e : facts.entries) {
    if (e.subject_kind == "batch_record") continue;  // review and release: not steps
    std::string step = StepOf(e);
    if (step.empty()) continue;
    add(e.actor, step, e.seq);
    add(Str(e.payload, "verifier"), step, e.seq);
    add(Str(e.payload, "user"), step, e.seq);
  }
  // The order's own signatures are those of its steps (second-person verification); a
  // signer is named by the step itself when there is one, so they come second.
  for (const Entry& e : facts.entries)
    if (e.type == "signature.applied" && e.subject_kind == "order")
      add(Str(e.payload, "signer"),
          "signed " + Str(e.payload, "record_id") + " as " + Str(e.payload, "meaning"), e.seq);
  return out;
}

Status CheckIndependentRelease(const std::vector<Performer>& performers, const std::string& signer,
                               const std::string& order_id) {
  for (const Performer& p : performers)
    if (p.user == signer)
      return Error{ErrorCode::kPermissionDenied,
                   signer + " performed or verified a step of order " + order_id + " (" + p.step +
                       ") and may not release its batch record: the release needs a quality "
                       "person who performed and verified no step of the order",
                   "signature.user", "same_person"};
  return Ok();
}

}  // namespace ordo::batchrecord
