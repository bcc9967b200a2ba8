// Deviations: projection and decisions (deviation.h).
#include "mes/deviations/domain/deviation.h"

#include <algorithm>
#include <cstdio>

#include "mes/signatures/events.h"

namespace ordo::deviations {

namespace {

bool In(const std::string& v, std::initializer_list<const char*> list) {
  for (const char* x : list)
    if (v == x) return true;
  return false;
}

Status CheckText(const std::string& field, const std::string& text, std::size_t max) {
  if (text.size() > max)
    return Error::Invalid(field, field + " must be at most " + std::to_string(max) + " bytes",
                          "too_long");
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
      return Error::Invalid(field, field + " must not hold control characters", "malformed");
  return Ok();
}

Error Closed(const Deviation& d) {
  return Error{ErrorCode::kFailedPrecondition,
               "deviation " + d.id + " is closed: it can no longer change", "id",
               "deviation_closed"};
}

}  // namespace

bool IsClassification(const std::string& c) { return In(c, {"minor", "major", "critical"}); }
bool IsDisposition(const std::string& d) {
  return In(d, {"use_as_is", "rework", "scrap", "return_to_supplier"});
}
bool IsSource(const std::string& s) {
  return In(s, {"manual", "parameter_out_of_limits", "over_consumption"});
}

std::string FormatId(std::int64_t number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "DV-%06lld", static_cast<long long>(number));
  return buffer;
}

Json ToJson(const Deviation& d) {
  Json notes = Json::array();
  for (const auto& n : d.notes)
    notes.push_back({{"text", n.text}, {"actor", n.actor}, {"time_us", n.time_us}});
  Json dispositions = Json::array();
  for (const auto& x : d.dispositions)
    dispositions.push_back({{"disposition", x.disposition},
                            {"comment", x.comment},
                            {"signer", x.signer},
                            {"signature_seq", x.signature_seq},
                            {"time_us", x.time_us}});
  return Json{{"id", d.id},
              {"state", d.state},
              {"order_id", d.order_id},
              {"operation", d.operation},
              {"lots", d.lots},
              {"source", d.source},
              {"exception_seq", d.exception_seq},
              {"classification", d.classification},
              {"title", d.title},
              {"description", d.description},
              {"blocks_completion", d.blocks_completion},
              {"author", d.author},
              {"opened_seq", d.opened_seq},
              {"opened_us", d.opened_us},
              {"closed_us", d.closed_us},
              {"notes", notes},
              {"root_cause", d.root_cause},
              {"capa", d.capa},
              {"dispositions", dispositions},
              {"signatures_needed", SignaturesNeeded(d)}};
}

Deviation FromJson(const Json& j) {
  Deviation d;
  d.id = j.value("id", "");
  d.state = j.value("state", kStateOpen);
  d.order_id = j.value("order_id", "");
  d.operation = j.value("operation", "");
  if (j.contains("lots")) j["lots"].get_to(d.lots);
  d.source = j.value("source", "");
  d.exception_seq = j.value("exception_seq", std::int64_t{0});
  d.classification = j.value("classification", "");
  d.title = j.value("title", "");
  d.description = j.value("description", "");
  d.blocks_completion = j.value("blocks_completion", false);
  d.author = j.value("author", "");
  d.opened_seq = j.value("opened_seq", std::int64_t{0});
  d.opened_us = j.value("opened_us", std::int64_t{0});
  d.closed_us = j.value("closed_us", std::int64_t{0});
  if (j.contains("notes"))
    for (const auto& n : j["notes"])
      d.notes.push_back({n.value("text", ""), n.value("actor", ""), n.value("time_us", 0LL)});
  d.root_cause = j.value("root_cause", "");
  d.capa = j.value("capa", "");
  if (j.contains("dispositions"))
    for (const auto& x : j["dispositions"])
      d.dispositions.push_back({x.value("disposition", ""), x.value("comment", ""),
                                x.value("signer", ""), x.value("signature_seq", 0LL),
                                x.value("time_us", 0LL)});
  return d;
}

int SignaturesNeeded(const Deviation& d) { return d.classification == "critical" ? 2 : 1; }

Deviation Opened(const DeviationOpened& e, std::int64_t seq, const std::string& actor,
                 std::int64_t time_us) {
  Deviation d;
  d.id = e.id;
  d.order_id = e.order_id;
  d.operation = e.operation;
  d.lots = e.lots;
  d.source = e.source;
  d.exception_seq = e.exception_seq;
  d.classification = e.classification;
  d.title = e.title;
  d.description = e.description;
  d.blocks_completion = e.blocks_completion;
  d.author = actor;
  d.opened_seq = seq;
  d.opened_us = time_us;
  return d;
}

void Apply(Deviation& d, const DeviationUpdated& e, const std::string& actor,
           std::int64_t time_us) {
  if (e.classification) d.classification = *e.classification;
  if (e.description) d.description = *e.description;
  if (e.investigation_note) d.notes.push_back({*e.investigation_note, actor, time_us});
  if (e.root_cause) d.root_cause = *e.root_cause;
  if (e.capa) d.capa = *e.capa;
}

void Apply(Deviation& d, const DispositionSigned& e, const std::string& signer, std::int64_t seq,
           std::int64_t time_us) {
  // The signature.applied entry is the one just before (same command).
  d.dispositions.push_back({e.disposition, e.comment, signer, seq - 1, time_us});
}

void Apply(Deviation& d, const DeviationClosed&, std::int64_t time_us) {
  d.state = kStateClosed;
  d.closed_us = time_us;
}

Status ValidateOpen(const DeviationOpened& e) {
  if (e.order_id.empty())
    return Error::Invalid("order_id", "order_id is required: the order the deviation is about",
                          "missing_field");
  if (e.title.empty())
    return Error::Invalid("title", "title is required (1..200 bytes)", "missing_field");
  ORDO_TRY(CheckText("title", e.title, kMaxTitle));
  ORDO_TRY(CheckText("description", e.description, kMaxText));
  if (!IsClassification(e.classification))
    return Error::Invalid("classification", "classification must be minor, major or critical",
                          "unknown_value");
  if (!IsSource(e.source))
    return Error::Invalid("source",
                          "source must be manual, parameter_out_of_limits or over_consumption",
                          "unknown_value");
  if (e.lots.size() > 50) return Error::Invalid("lots", "at most 50 lots may be named", "too_long");
  for (std::size_t i = 0; i < e.lots.size(); ++i)
    if (e.lots[i].empty() || e.lots[i].size() > 64)
      return Error::Invalid("lots[" + std::to_string(i) + "]", "a lot id must be 1..64 bytes",
                            "malformed");
  return Ok();
}

Result<ledger::Event> DecideUpdate(const Deviation& d, const DeviationUpdated& e,
                                   const std::vector<std::string>& root_causes) {
  if (!e.classification && !e.description && !e.investigation_note && !e.root_cause && !e.capa)
    return Error::Invalid("classification",
                          "give at least one of classification, description, "
                          "investigation_note, root_cause, capa",
                          "missing_field");
  if (e.classification && !IsClassification(*e.classification))
    return Error::Invalid("classification", "classification must be minor, major or critical",
                          "unknown_value");
  if (e.description) ORDO_TRY(CheckText("description", *e.description, kMaxText));
  if (e.investigation_note) {
    if (e.investigation_note->empty())
      return Error::Invalid("investigation_note", "an investigation note must not be empty",
                            "missing_field");
    ORDO_TRY(CheckText("investigation_note", *e.investigation_note, kMaxText));
  }
  if (e.capa) ORDO_TRY(CheckText("capa", *e.capa, kMaxText));
  if (d.state == kStateClosed) return Closed(d);
  if (e.root_cause &&
      std::find(root_causes.begin(), root_causes.end(), *e.root_cause) == root_causes.end())
    return Error::Invalid("root_cause",
                          "root_cause '" + *e.root_cause +
                              "' is not a code of a reason code list of category "
                              "deviation_category in force",
                          "unknown_code");
  if (e.classification && !d.dispositions.empty() && *e.classification != d.classification)
    return Error{ErrorCode::kFailedPrecondition,
                 "deviation " + d.id +
                     " already has a signed disposition: its classification can no longer change",
                 "classification", "invalid_transition"};
  // Two quality signatures close a critical deviation: lowering its class would let one
  // person close it, so a critical deviation stays critical.
  if (e.classification && d.classification == "critical" && *e.classification != "critical")
    return Error{ErrorCode::kFailedPrecondition,
                 "deviation " + d.id +
                     " is critical and stays critical: its disposition needs two quality "
                     "signatures",
                 "classification", "invalid_transition"};
  DeviationUpdated u = e;
  u.id = d.id;
  return ledger::MakeEvent(u, kSubjectKind, d.id);
}

Json DispositionBinding(const Deviation& d, const std::string& disposition,
                        const std::string& comment) {
  return Json{{"id", d.id},
              {"order_id", d.order_id},
              {"operation", d.operation},
              {"lots", d.lots},
              {"classification", d.classification},
              {"title", d.title},
              {"description", d.description},
              {"root_cause", d.root_cause},
              {"capa", d.capa},
              {"notes", d.notes.size()},
              {"disposition", disposition},
              {"comment", comment}};
}

Result<DispositionOutcome> DecideDisposition(const Deviation& d, const std::string& disposition,
                                             const std::string& comment,
                                             const signatures::SignerState& signer,
                                             std::int64_t signature_seq) {
  if (!IsDisposition(disposition))
    return Error::Invalid("disposition",
                          "disposition must be use_as_is, rework, scrap or return_to_supplier",
                          "unknown_value");
  ORDO_TRY(CheckText("comment", comment, kMaxText));
  if (d.state == kStateClosed) return Closed(d);
  if (signer.name == d.author)
    return Error{ErrorCode::kPermissionDenied,
                 signer.name + " opened deviation " + d.id + " and may not sign its disposition",
                 "signature.user", "same_person"};
  for (const auto& x : d.dispositions)
    if (x.signer == signer.name)
      return Error{ErrorCode::kPermissionDenied,
                   signer.name + " already signed deviation " + d.id +
                       ": a critical deviation needs two different people",
                   "signature.user", "same_person"};
  if (!d.dispositions.empty() && d.dispositions.front().disposition != disposition)
    return Error{ErrorCode::kFailedPrecondition,
                 "the first signature dispositioned " + d.id + " as " +
                     d.dispositions.front().disposition +
                     "; the second must sign the same disposition",
                 "disposition", "invalid_transition"};
  auto applied = signatures::DecideSignature(signer, "dispositioned", kSubjectKind, d.id,
                                             static_cast<std::int64_t>(d.dispositions.size()) + 1,
                                             DispositionBinding(d, disposition, comment));
  if (!applied.ok()) return applied.error();
  DispositionOutcome out;
  out.events.push_back(ledger::MakeEvent(*applied, kSubjectKind, d.id));
  out.events.push_back(
      ledger::MakeEvent(DispositionSigned{d.id, disposition, comment}, kSubjectKind, d.id));
  out.events.back().signatures = Json::array({signature_seq});
  const int signed_count = static_cast<int>(d.dispositions.size()) + 1;
  if (signed_count >= SignaturesNeeded(d)) {
    out.events.push_back(ledger::MakeEvent(DeviationClosed{d.id}, kSubjectKind, d.id));
    out.closed = true;
  } else {
    out.second_signature_required = true;
  }
  return out;
}

}  // namespace ordo::deviations
