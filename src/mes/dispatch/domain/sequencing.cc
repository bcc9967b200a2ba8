// Dispatch list sequencing and eligibility (see sequencing.h).
#include "mes/dispatch/domain/sequencing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace ordo::dispatch {

namespace {

constexpr double kMicrosPerMinute = 60.0 * 1'000'000.0;

std::string Day(TimeMicros t) { return FormatUtcMicros(t).substr(0, 10); }

// A due time at exactly midnight UTC is the end of the day before (orders store a due
// date alone as the end of that UTC day): shown as that day, as the order states it.
std::string DueDay(TimeMicros t) {
  constexpr TimeMicros kDay = 86'400'000'000;
  return Day(t % kDay == 0 ? t - 1 : t);
}

std::string Minutes(double m) {
  char buf[32];
  if (std::floor(m) == m && std::fabs(m) < 1e12)
    std::snprintf(buf, sizeof buf, "%.0f min", m);
  else
    std::snprintf(buf, sizeof buf, "%.1f min", m);
  return buf;
}

std::string Ratio(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", r);
  return buf;
}

std::string Name(const Candidate& c) { return c.order_id + "/" + c.operation; }

Keys KeysOf(const Candidate& c, TimeMicros now) {
  Keys k;
  k.priority = c.priority;
  k.due_us = c.due_us;
  k.created_seq = c.created_seq;
  k.ready_us = c.ready_us;
  k.processing_minutes = c.processing_minutes;
  k.remaining_order_minutes = c.remaining_order_minutes;
  k.past_due = c.due_us > 0 && c.due_us < now;
  if (c.due_us > 0 && c.remaining_order_minutes > 0)
    k.critical_ratio =
        (static_cast<double>(c.due_us - now) / kMicrosPerMinute) / c.remaining_order_minutes;
  return k;
}

// Critical ratio groups: 0 past due, 1 a ratio, 2 neither (no due date or no work left).
int CrGroup(const Keys& k) {
  if (k.past_due) return 0;
  return k.critical_ratio ? 1 : 2;
}

// -1, 0, 1 on the rule's keys only (ties are broken by the caller).
int CompareKeys(Rule rule, const Keys& a, const Keys& b) {
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (rule) {
    case Rule::kPriorityDueDate:
      return cmp(std::make_tuple(a.priority, a.due_us <= 0, a.due_us),
                 std::make_tuple(b.priority, b.due_us <= 0, b.due_us));
    case Rule::kFifo:
      return cmp(std::make_tuple(a.created_seq, a.ready_us),
                 std::make_tuple(b.created_seq, b.ready_us));
    case Rule::kShortestProcessingTime:
      return cmp(a.processing_minutes, b.processing_minutes);
    case Rule::kCriticalRatio: {
      const int ga = CrGroup(a), gb = CrGroup(b);
      if (ga != gb) return cmp(ga, gb);
      if (ga == 0) return cmp(a.due_us, b.due_us);
      if (ga == 1) return cmp(*a.critical_ratio, *b.critical_ratio);
      return 0;
    }
  }
  return 0;
}

std::string DueText(const Keys& k) {
  return k.due_us > 0 ? "due " + DueDay(k.due_us) : "no due date";
}

std::string CrText(const Keys& k) {
  switch (CrGroup(k)) {
    case 0:
      return "past due since " + DueDay(k.due_us);
    case 1:
      return "critical ratio " + Ratio(*k.critical_ratio) + " (" + DueText(k) + ", " +
             Minutes(k.remaining_order_minutes) + " of work left)";
    default:
      return k.due_us > 0 ? DueText(k) + ", no work left" : "no due date";
  }
}

// The rule's values of one entry, e.g. "priority 2, due 2026-12-03".
std::string KeysText(Rule rule, const Keys& k) {
  switch (rule) {
    case Rule::kPriorityDueDate:
      return "priority " + std::to_string(k.priority) + ", " + DueText(k);
    case Rule::kFifo:
      return "order created at seq " + std::to_string(k.created_seq);
    case Rule::kShortestProcessingTime:
      return "processing " + Minutes(k.processing_minutes);
    case Rule::kCriticalRatio:
      return CrText(k);
  }
  return "";
}

// The first key on which `other` differs from `self`, as `other`'s value.
std::string Decisive(Rule rule, const Keys& self, const Keys& other) {
  switch (rule) {
    case Rule::kPriorityDueDate:
      if (self.priority != other.priority) return "priority " + std::to_string(other.priority);
      if (self.due_us != other.due_us) return DueText(other);
      return "";
    case Rule::kFifo:
      if (self.created_seq != other.created_seq)
        return "order created at seq " + std::to_string(other.created_seq);
      if (self.ready_us != other.ready_us) return "ready " + FormatUtcMicros(other.ready_us);
      return "";
    case Rule::kShortestProcessingTime:
      if (self.processing_minutes != other.processing_minutes)
        return "processing " + Minutes(other.processing_minutes);
      return "";
    case Rule::kCriticalRatio:
      if (CompareKeys(rule, self, other) != 0) return CrText(other);
      return "";
  }
  return "";
}

std::string TieText(Rule rule) {
  switch (rule) {
    case Rule::kPriorityDueDate:
      return "same priority and due date";
    case Rule::kFifo:
      return "same order creation and ready time";
    case Rule::kShortestProcessingTime:
      return "same processing time";
    case Rule::kCriticalRatio:
      return "same critical ratio";
  }
  return "";
}

std::string RelationText(Rule rule, const Entry& self, const Entry& other, bool before) {
  std::string why = Decisive(rule, self.keys, other.keys);
  if (why.empty()) why = TieText(rule) + "; by order id and operation";
  return (before ? "before " : "after ") + Name(other.candidate) + " (" + why + ")";
}

std::string MoveText(const Move& m) {
  std::string what;
  switch (m.direction) {
    case Direction::kUp:
      what = "moved up";
      break;
    case Direction::kDown:
      what = "moved down";
      break;
    case Direction::kPosition:
      what = "moved to position " + std::to_string(m.to_position);
      break;
  }
  return what + " by " + (m.by.empty() ? std::string("a supervisor") : m.by) + ": " + m.reason;
}

}  // namespace

double RemainingOrderMinutes(const std::vector<OperationTimes>& ops, const std::string& operation) {
  auto self = std::find_if(ops.begin(), ops.end(),
                           [&](const OperationTimes& o) { return o.operation == operation; });
  if (self == ops.end()) return 0;
  double minutes = 0;
  for (const auto& o : ops)
    if (o.position >= self->position && !o.done) minutes += o.setup_minutes + o.run_minutes;
  return minutes;
}

TimeMicros ReadyTime(TimeMicros released_us, const std::vector<std::string>& predecessors,
                     const std::vector<OperationTimes>& ops) {
  TimeMicros ready = released_us;
  for (const auto& p : predecessors)
    for (const auto& o : ops)
      if (o.operation == p) ready = std::max(ready, o.completed_us);
  return ready;
}

std::string_view RuleName(Rule rule) {
  switch (rule) {
    case Rule::kPriorityDueDate:
      return "priority_due_date";
    case Rule::kFifo:
      return "fifo";
    case Rule::kShortestProcessingTime:
      return "shortest_processing_time";
    case Rule::kCriticalRatio:
      return "critical_ratio";
  }
  return "priority_due_date";
}

Result<Rule> ParseRule(std::string_view name, const std::string& field) {
  if (name.empty()) return kDefaultRule;
  for (Rule r :
       {Rule::kPriorityDueDate, Rule::kFifo, Rule::kShortestProcessingTime, Rule::kCriticalRatio})
    if (RuleName(r) == name) return r;
  return Error::Invalid(field,
                        field +
                            " must be priority_due_date, fifo, shortest_processing_time or "
                            "critical_ratio, found '" +
                            std::string(name) + "'",
                        "unknown_dispatch_rule");
}

std::string_view DirectionName(Direction d) {
  switch (d) {
    case Direction::kUp:
      return "up";
    case Direction::kDown:
      return "down";
    case Direction::kPosition:
      return "position";
  }
  return "up";
}

Result<Direction> ParseDirection(std::string_view name, const std::string& field) {
  for (Direction d : {Direction::kUp, Direction::kDown, Direction::kPosition})
    if (DirectionName(d) == name) return d;
  return Error::Invalid(field,
                        field + " must be up, down or position, found '" + std::string(name) + "'",
                        "unknown_direction");
}

Status CheckMove(const Move& move) {
  if (move.order_id.empty())
    return Error::Invalid("order_id", "order_id is required: the order of the operation moved");
  if (move.operation.empty())
    return Error::Invalid("operation", "operation is required: the operation moved");
  if (move.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("reason", "reason is required: why the operation is moved",
                          "reason_required");
  if (move.direction == Direction::kPosition && move.to_position < 1)
    return Error::Invalid("to_position", "to_position must be 1 or more for direction position");
  return Ok();
}

std::vector<Entry> Sequence(std::vector<Candidate> candidates, Rule rule, TimeMicros now,
                            std::vector<Move> moves) {
  // Sort and move indices; the entries (strings) are built once, in the final order.
  const std::size_t n = candidates.size();
  std::vector<Keys> keys;
  keys.reserve(n);
  for (const auto& c : candidates) keys.push_back(KeysOf(c, now));
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const int k = CompareKeys(rule, keys[a], keys[b]);
    if (k != 0) return k < 0;
    return std::tie(candidates[a].order_id, candidates[a].operation) <
           std::tie(candidates[b].order_id, candidates[b].operation);
  });

  std::stable_sort(moves.begin(), moves.end(),
                   [](const Move& a, const Move& b) { return a.seq < b.seq; });
  std::vector<const Move*> last_move(n, nullptr);
  for (const Move& m : moves) {
    auto c = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& x) {
      return x.order_id == m.order_id && x.operation == m.operation;
    });
    if (c == candidates.end()) continue;
    const std::size_t index = static_cast<std::size_t>(c - candidates.begin());
    const std::size_t from =
        static_cast<std::size_t>(std::find(order.begin(), order.end(), index) - order.begin());
    std::size_t to = from;
    switch (m.direction) {
      case Direction::kUp:
        to = from == 0 ? 0 : from - 1;
        break;
      case Direction::kDown:
        to = std::min(from + 1, n - 1);
        break;
      case Direction::kPosition:
        to = std::min(static_cast<std::size_t>(std::max(m.to_position, 1)) - 1, n - 1);
        break;
    }
    order.erase(order.begin() + static_cast<std::ptrdiff_t>(from));
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(to), index);
    last_move[index] = &m;
  }

  std::vector<Entry> list(n);
  for (std::size_t i = 0; i < n; ++i) {
    Entry& e = list[i];
    const std::size_t index = order[i];
    e.candidate = std::move(candidates[index]);
    e.keys = keys[index];
    if (last_move[index]) {
      e.moved = true;
      e.move = *last_move[index];
    }
  }

  // Reasons: a moved entry says who moved it and why; every other one compares itself
  // with its neighbour among the entries the rule placed (their relative order is the
  // rule's: a move relocates only the operation moved).
  std::vector<std::size_t> ruled;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!list[i].moved) ruled.push_back(i);
  for (std::size_t i = 0; i < list.size(); ++i) {
    Entry& e = list[i];
    e.position = static_cast<int>(i) + 1;
    if (e.moved) e.reason = MoveText(*e.move) + " (by rule: " + KeysText(rule, e.keys) + ")";
  }
  for (std::size_t r = 0; r < ruled.size(); ++r) {
    Entry& e = list[ruled[r]];
    std::string why;
    if (r + 1 < ruled.size())
      why = RelationText(rule, e, list[ruled[r + 1]], /*before=*/true);
    else if (r > 0)
      why = RelationText(rule, e, list[ruled[r - 1]], /*before=*/false);
    else
      why = "the only operation placed by the rule " + std::string(RuleName(rule));
    e.reason = KeysText(rule, e.keys) + ": " + why;
  }
  return list;
}

Eligibility IsEligible(const OperationFacts& op, const std::vector<std::string>& done_operations,
                       const WorkUnitFacts& unit) {
  auto no = [](std::string code, std::string message) {
    return Eligibility{false, std::move(code), std::move(message)};
  };
  const std::string name = op.order_id + "/" + op.operation;
  if (op.order_state != "released" && op.order_state != "in_progress")
    return no("order_not_open",
              "order " + op.order_id + " is " + op.order_state + ", not released or in_progress");
  if (op.state == "in_progress" || op.state == "paused") {
    if (op.work_unit != unit.id)
      return no("on_other_unit", name + " is " + op.state + " on " + op.work_unit);
  } else if (op.state != "pending") {
    return no("operation_not_ready", name + " is " + op.state);
  }
  for (const auto& p : op.predecessors)
    if (std::find(done_operations.begin(), done_operations.end(), p) == done_operations.end())
      return no("predecessor_not_done", name + " waits for operation " + p);
  if (!op.work_center_class.empty() && op.work_center_class != unit.work_center_class)
    return no("wrong_work_center_class", name + " runs in a " + op.work_center_class + ", " +
                                             unit.id + " belongs to a " + unit.work_center_class);
  if (std::find(unit.capabilities.begin(), unit.capabilities.end(), op.operation_class) ==
      unit.capabilities.end())
    return no("missing_capability", unit.id + " cannot run " + op.operation_class);
  return Eligibility{true, "", ""};
}

}  // namespace ordo::dispatch
