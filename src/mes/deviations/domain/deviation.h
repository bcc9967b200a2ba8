// A deviation and the decisions on it (open, update, disposition), pure: state, the
// signer's facts, ids and time arrive as arguments.
//
// States: open -> closed. A deviation is open from its opening until every disposition
// it needs is signed: one quality signature, two by distinct quality people for a
// critical one. The author (who opened it) may sign neither. There is no separate
// "investigating" state: investigation notes are appended while it is open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/deviations/events.h"
#include "mes/signatures/domain/signature.h"

namespace ordo::deviations {

inline constexpr const char* kStateOpen = "open";
inline constexpr const char* kStateClosed = "closed";

// Longest title (bytes); description, note and comment share kMaxText.
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxText = 4000;

bool IsClassification(const std::string& c);  // minor | major | critical
bool IsDisposition(const std::string& d);     // use_as_is | rework | scrap | return_to_supplier
bool IsSource(const std::string& s);          // manual | parameter_out_of_limits | over_consumption

// "DV-" and the number in 6 digits (more when it outgrows them).
std::string FormatId(std::int64_t number);

struct Note {
  std::string text, actor;
  std::int64_t time_us = 0;
};
struct DispositionRecordItem {
  std::string disposition, comment, signer;
  std::int64_t signature_seq = 0, time_us = 0;
};

// A deviation as projected from its events (Apply below), also its JSON view.
struct Deviation {
  std::string id, state = kStateOpen, order_id, operation;
  std::vector<std::string> lots;
  std::string source, classification, title, description;
  std::int64_t exception_seq = 0;
  bool blocks_completion = false;
  std::string author;  // login name of who opened it
  std::int64_t opened_seq = 0, opened_us = 0, closed_us = 0;
  std::vector<Note> notes;
  std::string root_cause, capa;
  std::vector<DispositionRecordItem> dispositions;
};
Json ToJson(const Deviation& d);
Deviation FromJson(const Json& j);

// The signatures a deviation needs before it closes: 2 when critical, else 1.
int SignaturesNeeded(const Deviation& d);

// The projection of each event onto the deviation (entry facts: seq, actor, time).
Deviation Opened(const DeviationOpened& e, std::int64_t seq, const std::string& actor,
                 std::int64_t time_us);
void Apply(Deviation& d, const DeviationUpdated& e, const std::string& actor, std::int64_t time_us);
void Apply(Deviation& d, const DispositionSigned& e, const std::string& signer, std::int64_t seq,
           std::int64_t time_us);
void Apply(Deviation& d, const DeviationClosed& e, std::int64_t time_us);

// Opening by hand or from an exception: checked alone (invalid_argument naming the field):
// order_id required; title 1..kMaxTitle bytes; description up to kMaxText; classification
// and source from their lists; lots ids non-empty, at most 50.
Status ValidateOpen(const DeviationOpened& e);

// The update alone: at least one field; classification from its list; texts up to
// kMaxText. Against the deviation: closed -> failed_precondition deviation_closed (field
// id); a root_cause not in `root_causes` (the codes of the reason code lists of category
// deviation_category in force) -> invalid_argument unknown_code (field root_cause); a
// classification changed after a signed disposition, or a critical one lowered ->
// failed_precondition invalid_transition (field classification).
Result<ledger::Event> DecideUpdate(const Deviation& d, const DeviationUpdated& e,
                                   const std::vector<std::string>& root_causes);

// What a disposition signature binds to: the deviation as it stands and the decision.
Json DispositionBinding(const Deviation& d, const std::string& disposition,
                        const std::string& comment);

struct DispositionOutcome {
  std::vector<ledger::Event> events;
  bool closed = false;
  bool second_signature_required = false;
};

// signature.applied (meaning dispositioned) then DispositionSigned relying on it, then
// DeviationClosed when this was the last signature needed. Refuses, in this order:
// disposition not in its list (invalid_argument, field disposition); comment too long;
// a closed deviation (deviation_closed); the author signing (permission_denied,
// same_person, field signature.user); a person who signed it already (permission_denied,
// same_person); a second disposition different from the first (failed_precondition,
// invalid_transition, field disposition); then as signatures::DecideSignature.
Result<DispositionOutcome> DecideDisposition(const Deviation& d, const std::string& disposition,
                                             const std::string& comment,
                                             const signatures::SignerState& signer,
                                             std::int64_t signature_seq);

}  // namespace ordo::deviations
