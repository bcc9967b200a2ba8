// Review and release decisions (review.h).
#include "mes/batchrecord/domain/review.h"

#include <set>

#include "mes/batchrecord/domain/diff.h"
#include "mes/batchrecord/domain/sealed.h"
#include "mes/lots/domain/transitions.h"

namespace ordo::batchrecord {

namespace {

std::string Join(const std::vector<std::string>& items, const std::string& sep = ", ") {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

Error Refuse(ErrorCode code, std::string reason, std::string field, std::string message) {
  return Error{code, std::move(message), std::move(field), std::move(reason)};
}

std::string Item(std::size_t i, const char* field) {
  return "items[" + std::to_string(i) + "]." + field;
}

const Exception* FindException(const Assessed& a, const std::string& id) {
  for (const auto& x : a.compiled.exceptions)
    if (x.id == id) return &x;
  return nullptr;
}

bool IsReleased(const Assessed& a) { return !a.versions.empty(); }
bool IsAmended(const Assessed& a) {
  return IsReleased(a) && a.versions.back().content_hash != a.compiled.content_hash;
}

Status CommonRefusals(const Assessed& a) {
  if (IsReleased(a) && !IsAmended(a))
    return Refuse(ErrorCode::kFailedPrecondition, "already_released", "",
                  "the batch record of " + a.compiled.content.value("order_id", "") +
                      " is released (version " + std::to_string(a.versions.back().version) +
                      ") and nothing changed since");
  if (!a.missing.empty()) {
    std::vector<std::string> what;
    for (const auto& m : a.missing) what.push_back(m.message);
    return Refuse(ErrorCode::kFailedPrecondition, "record_incomplete", "",
                  "the batch record is incomplete: " + Join(what, "; "));
  }
  return Ok();
}

}  // namespace

bool IsOutcome(const std::string& outcome) {
  return outcome == kAcknowledged || outcome == kDispositioned;
}

Reviews ReviewsOf(const Facts& facts, std::int64_t before_seq) {
  Reviews r;
  for (const auto& e : facts.entries) {
    if (e.type != ExceptionsReviewed::kType || (before_seq != 0 && e.seq >= before_seq)) continue;
    ExceptionsReviewed ev;
    try {
      from_json(e.payload, ev);
    } catch (const std::exception&) {
      continue;
    }
    for (const auto& i : ev.items)
      r[i.exception_id] = ReviewMark{i.outcome, i.comment, e.actor, e.seq, e.time_us};
  }
  return r;
}

std::vector<SealedVersion> SealedVersionsOf(const Facts& facts) {
  std::vector<SealedVersion> out;
  Json signature = nullptr;
  std::optional<std::string> reason;
  for (const auto& e : facts.entries) {
    if (e.subject_kind != kSubjectKind) continue;
    if (e.type == "signature.applied") {
      signature = Json{{"seq", e.seq},
                       {"signer", e.payload.value("signer", "")},
                       {"printed_name", e.payload.value("printed_name", "")},
                       {"meaning", e.payload.value("meaning", "")},
                       {"time", ManifestTime(e.time_us)}};
    } else if (e.type == Amended::kType) {
      reason = e.payload.value("reason", "");
    } else if (e.type == Released::kType) {
      Released r;
      try {
        from_json(e.payload, r);
      } catch (const std::exception&) {
        continue;
      }
      SealedVersion v;
      v.version = r.version;
      v.seq = e.seq;
      v.time_us = e.time_us;
      v.checkpoint_seq = r.checkpoint_seq;
      v.content_hash = r.content_hash;
      v.released_by = e.actor;
      v.record = std::move(r.record);
      v.signature = signature;
      v.amendment_reason = reason;
      out.push_back(std::move(v));
      signature = nullptr;
      reason.reset();
    }
  }
  return out;
}

Assessed Assess(const Facts& facts) {
  Assessed a;
  a.compiled = Compile(facts);
  a.missing = CheckCompleteness(facts);
  a.reviews = ReviewsOf(facts);
  a.versions = SealedVersionsOf(facts);
  std::set<std::string> open_dv;
  for (const auto& d : facts.deviations)
    if (d.state != deviations::kStateClosed) open_dv.insert(d.id);
  a.open_deviations.assign(open_dv.begin(), open_dv.end());
  for (const auto& x : a.compiled.exceptions) {
    const bool open =
        x.kind == kDeviation ? open_dv.count(x.deviation) > 0 : a.reviews.count(x.id) == 0;
    if (open) a.open_exceptions.push_back(x.id);
  }
  if (IsReleased(a))
    a.state = IsAmended(a) ? kAmended : kReleased;
  else if (!a.missing.empty())
    a.state = kInProgress;
  else if (!a.open_exceptions.empty() || !a.open_deviations.empty())
    a.state = kAwaitingReview;
  else
    a.state = kReadyForRelease;
  return a;
}

Json View(const Assessed& a) {
  Json record = a.compiled.content;
  record["content_hash"] = a.compiled.content_hash;
  record["state"] = a.state;
  Json missing = Json::array();
  for (const auto& m : a.missing) missing.push_back(ToJson(m));
  record["completeness"] = Json{{"complete", a.missing.empty()}, {"missing", missing}};
  Json items = Json::array();
  const std::set<std::string> open(a.open_exceptions.begin(), a.open_exceptions.end());
  for (const auto& x : a.compiled.exceptions) {
    auto r = a.reviews.find(x.id);
    items.push_back(ReviewLine(x.id, x.kind, x.deviation, open.count(x.id) > 0,
                               r == a.reviews.end() ? nullptr : &r->second));
  }
  record["review"] = Json{
      {"exceptions", items}, {"open", a.open_exceptions}, {"open_deviations", a.open_deviations}};
  Json versions = Json::array();
  for (const auto& v : a.versions) versions.push_back(VersionLine(v));
  record["release"] = Json{{"released", !a.versions.empty()}, {"versions", versions}};
  if (IsAmended(a))
    record["amendment"] =
        Json{{"previous_hash", a.versions.back().content_hash},
             {"previous_version", a.versions.back().version},
             {"changed", DiffPaths(a.versions.back().record, a.compiled.content)}};
  return record;
}

Status ValidateReview(const std::vector<ReviewItem>& items) {
  if (items.empty())
    return Refuse(ErrorCode::kInvalidArgument, "missing_field", "items",
                  "items must list at least one exception");
  if (items.size() > kMaxItems)
    return Refuse(ErrorCode::kInvalidArgument, "too_many", "items",
                  "items may list at most " + std::to_string(kMaxItems) + " exceptions");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (it.exception_id.empty())
      return Refuse(ErrorCode::kInvalidArgument, "missing_field", Item(i, "exception_id"),
                    Item(i, "exception_id") + " is required (e.g. EX-42)");
    if (!seen.insert(it.exception_id).second)
      return Refuse(ErrorCode::kInvalidArgument, "duplicate_item", Item(i, "exception_id"),
                    it.exception_id + " is listed twice");
    if (!IsOutcome(it.outcome))
      return Refuse(ErrorCode::kInvalidArgument, "unknown_value", Item(i, "outcome"),
                    Item(i, "outcome") + " must be acknowledged or dispositioned");
    if (it.comment.size() > kMaxComment)
      return Refuse(
          ErrorCode::kInvalidArgument, "too_long", Item(i, "comment"),
          Item(i, "comment") + " may have at most " + std::to_string(kMaxComment) + " bytes");
    if (it.outcome == kDispositioned && it.comment.empty())
      return Refuse(ErrorCode::kInvalidArgument, "comment_required", Item(i, "comment"),
                    Item(i, "comment") + " must say what was decided for " + it.exception_id);
  }
  return Ok();
}

Result<ledger::Event> DecideReview(const Assessed& a, const std::string& order_id,
                                   const std::vector<ReviewItem>& items) {
  ORDO_TRY(ValidateReview(items));
  ORDO_TRY(CommonRefusals(a));
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Exception* x = FindException(a, items[i].exception_id);
    if (x == nullptr)
      return Refuse(
          ErrorCode::kInvalidArgument, "unknown_exception", Item(i, "exception_id"),
          "the batch record of " + order_id + " has no exception " + items[i].exception_id);
    if (x->kind == kDeviation)
      return Refuse(
          ErrorCode::kFailedPrecondition, "cleared_by_disposition", Item(i, "exception_id"),
          x->id + " is deviation " + x->deviation + ": only its signed disposition clears it");
    if (a.reviews.count(x->id))
      return Refuse(ErrorCode::kFailedPrecondition, "already_reviewed", Item(i, "exception_id"),
                    x->id + " was reviewed already (" + a.reviews.at(x->id).outcome + " by " +
                        a.reviews.at(x->id).reviewer + ")");
  }
  return ledger::MakeEvent(ExceptionsReviewed{order_id, items}, kSubjectKind, order_id);
}

Result<std::vector<ledger::Event>> DecideRelease(const Assessed& a, const ReleaseInput& in,
                                                 const signatures::SignerState& signer) {
  ORDO_TRY(CommonRefusals(a));
  std::set<std::string> dv(a.open_deviations.begin(), a.open_deviations.end());
  dv.insert(in.open_deviations_touching_lots.begin(), in.open_deviations_touching_lots.end());
  if (!dv.empty())
    return Refuse(ErrorCode::kFailedPrecondition, "open_deviation", "",
                  "open deviations block the release: " +
                      Join(std::vector<std::string>(dv.begin(), dv.end())));
  if (!a.open_exceptions.empty())
    return Refuse(ErrorCode::kFailedPrecondition, "exceptions_open", "",
                  "exceptions not reviewed yet: " + Join(a.open_exceptions));
  const bool amending = IsAmended(a);
  if (amending && (!in.reason || in.reason->empty()))
    return Refuse(ErrorCode::kInvalidArgument, "reason_required", "reason",
                  "the record changed after its release: a release of the amended record needs a "
                  "reason");
  if (in.reason && in.reason->size() > kMaxReason)
    return Refuse(ErrorCode::kInvalidArgument, "too_long", "reason",
                  "reason may have at most " + std::to_string(kMaxReason) + " bytes");
  ORDO_TRY(CheckIndependentRelease(in.performers, signer.name, in.order_id));
  const std::int64_t version = a.versions.empty() ? 1 : a.versions.back().version + 1;
  auto applied = signatures::DecideSignature(signer, "released", kSubjectKind, in.order_id, version,
                                             a.compiled.content);
  if (!applied.ok()) return applied.error();
  std::vector<ledger::Event> events;
  events.push_back(ledger::MakeEvent(*applied, kSubjectKind, in.order_id));
  for (const auto& lot : in.lots_to_release) {
    const std::int64_t sig_seq = in.next_seq + static_cast<std::int64_t>(events.size());
    auto released =
        lots::DecideDisposition(lot, lots::LotAction::kRelease, "", signer, in.now_us, sig_seq);
    if (!released.ok()) {
      Error e = released.error();
      e.message = "produced lot " + lot.lot + " cannot be released: " + e.message;
      return e;
    }
    for (auto& ev : *released) events.push_back(std::move(ev));
  }
  if (amending)
    events.push_back(ledger::MakeEvent(
        Amended{in.order_id, *in.reason, a.versions.back().content_hash, a.compiled.content_hash},
        kSubjectKind, in.order_id));
  const std::int64_t own_seq = in.next_seq + static_cast<std::int64_t>(events.size());
  events.push_back(ledger::MakeEvent(
      Released{in.order_id, version, a.compiled.content_hash, own_seq, a.compiled.content},
      kSubjectKind, in.order_id));
  events.back().signatures = Json::array({in.next_seq});
  return events;
}

}  // namespace ordo::batchrecord
