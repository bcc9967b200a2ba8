// The masterdata response schemas (see schemas.h). Each mirrors one JSON builder: the
// builder is named above it. States and event types come from their one definition.
#include "mes/masterdata/http/schemas.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "mes/masterdata/domain/change_control.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/domain/states.h"
#include "mes/masterdata/events.h"
#include "mes/signatures/events.h"
#include "server/response_schema.h"

namespace ordo::masterdata::http {

namespace {

using namespace server::schema;

// `schema` restricted to `values`.
Json Enum(Json schema, std::vector<std::string> values) {
  schema["enum"] = std::move(values);
  return schema;
}

// A JSON number, whole or not (the kinds table's limits are doubles).
Json Number(const std::string& description) {
  return Json{{"type", "number"}, {"description", description}};
}

Json CrState() {
  using S = ChangeRequestState;
  return Enum(String("the change request's state"),
              {ToString(S::kOpen), ToString(S::kInReview), ToString(S::kApproved),
               ToString(S::kRejected), ToString(S::kWithdrawn)});
}

std::vector<std::string> VersionStates() {
  using S = VersionState;
  return {ToString(S::kDraft), ToString(S::kInReview), ToString(S::kApproved),
          ToString(S::kWithdrawn)};
}

Json VersionStateSchema(const std::string& description) {
  return Enum(String(description), VersionStates());
}

// A version's status (DeriveStatuses): its state, or for an approved version whether it
// has taken effect.
Json VersionStatus() {
  std::vector<std::string> statuses = VersionStates();
  for (const char* s : {"effective", "obsolete", "superseded"}) statuses.push_back(s);
  return Enum(String("the state, or for an approved version: approved (not yet in force), "
                     "effective, obsolete (in force, retiring the object) or superseded"),
              statuses);
}

Json Action() {
  return Enum(String("define (new content) or obsolete (retires the object)"),
              {"define", "obsolete"});
}

Json Microseconds(const std::string& description) {
  return Integer(description + " (microseconds since 1970-01-01 UTC)");
}

// FieldToJson (domain/kinds.cc), `depth` levels of nested fields deep; below that the
// nested fields are any objects.
Json FieldSchema(int depth) {
  Json nested = depth > 1 ? FieldSchema(depth - 1) : AnyObject("a nested field definition");
  return Object({{"name", String()},
                 {"type", Enum(String("the value type"),
                               {"string", "text", "integer", "number", "boolean", "choice", "date",
                                "string_list", "object", "object_list"})},
                 {"required", Boolean()},
                 {"description", String()}},
                {{"choices", Array(String())},
                 {"min", Number("the least value (integer, number)")},
                 {"max", Number("the greatest value (integer, number)")},
                 {"max_length", Integer("bytes (string, text, string_list)")},
                 {"max_items", Integer("items (string_list, object_list)")},
                 {"references", String("the kind whose object ids the value names")},
                 {"key", String("the field unique within the list (object_list)")},
                 {"label", String("how people read the field, where its name is not enough")},
                 {"fields", Array(std::move(nested))}});
}

// How deeply the kinds table nests fields.
int Depth(const std::vector<FieldDef>& fields) {
  int depth = 0;
  for (const auto& f : fields) depth = std::max(depth, 1 + Depth(f.fields));
  return depth;
}

// The header ChangeRequestView (store/views.cc) always sends, and `more`.
Json ChangeRequestWith(std::vector<std::pair<std::string, Json>> more) {
  std::vector<std::pair<std::string, Json>> properties = {
      {"id", String("e.g. CR-000001")},
      {"title", String()},
      {"description", String()},
      {"reason", String()},
      {"impact", String("impact assessment (may be empty)")},
      {"state", CrState()},
      {"revision", Integer("counts content changes and rejections")},
      {"author", String("who opened it")},
      {"created_us", Microseconds("when it was opened")},
      {"effective_from_us",
       Nullable(Microseconds("the earliest time its versions take effect; null: on approval"))},
      {"approvals_required", Integer("approvals needed (set on submission)")},
      {"approvals", Integer("approvals of the current revision (0 unless in review or approved)")}};
  for (auto& p : more) properties.push_back(std::move(p));
  return Object(std::move(properties));
}

// An item of a change request in full (ChangeRequestView).
Json ItemSchema() {
  return Object({{"kind", String()},
                 {"id", String()},
                 {"version", Integer()},
                 {"action", Action()},
                 {"state", VersionStateSchema("the version's state")},
                 {"name", String()},
                 {"content_hash", String("SHA-256 (hex) of the canonical content")},
                 {"base_version", Nullable(Integer("the approved version it changes; null: new"))},
                 {"changes", Array(ChangeSchema())}});
}

// An entry of a change request's history (ChangeRequestView): its change request events,
// its drafts' events and the signatures.
Json HistoryEntrySchema() {
  return Object(
      {{"seq", Integer("the ledger entry")},
       {"type",
        Enum(String("the event type"),
             {ChangeRequestOpened::kType, DraftSaved::kType, DraftWithdrawn::kType,
              ChangeRequestSubmitted::kType, ChangeRequestReviewed::kType, ApprovalSigned::kType,
              ChangeRequestApproved::kType, ChangeRequestRejected::kType,
              ChangeRequestWithdrawn::kType, signatures::SignatureApplied::kType})},
       {"actor", String("who did it")},
       {"time_us", Microseconds("when")}});
}

}  // namespace

Json KindSchema() {
  int depth = 1;
  for (const auto& k : Kinds()) depth = std::max(depth, Depth(k.fields));
  return Object({{"kind", String("e.g. routing")},
                 {"label", String()},
                 {"directory", String("the folder of its plant files")},
                 {"description", String()},
                 {"fields", Array(FieldSchema(depth))},
                 {"fixed_id", Nullable(String("the one object id a configuration kind allows"))},
                 {"draft_permission",
                  Nullable(String("the permission drafting it needs besides masterdata.edit"))},
                 {"can_obsolete", Boolean("whether a version may make an object obsolete")}});
}

Json FieldErrorSchema() {
  return Object({{"field", String("the path of the offending field")}, {"message", String()}});
}

Json ChangeSchema() {
  return Object({{"path", String("e.g. operations[id=20].parameters[name=impeller_speed].high")},
                 {"old", Any("the value before; null when added")},
                 {"new", Any("the value after; null when removed")}});
}

// signatures::ToJson with a change request's meanings (the four signed steps).
Json SignatureSchema() {
  return Object({{"signature_id", Integer("seq of its signature.applied ledger entry")},
                 {"signer_id", Integer()},
                 {"signer", String("login name")},
                 {"printed_name", String("display name at the time of signing")},
                 {"meaning", Enum(String(), {"authored", "reviewed", "approved", "rejected"})},
                 {"comment", Nullable(String())},
                 {"record_kind", Enum(String(), {kChangeRequestKind})},
                 {"record_id", String("the change request")},
                 {"record_version", Integer("the revision signed")},
                 {"content_hash", String("SHA-256 (hex) of the record signed")},
                 {"time_us", Microseconds("when")},
                 {"time", Time("when")},
                 {"status", Enum(String("the re-check against the record as it is now"),
                                 {"valid", "broken", "earlier_revision"})}});
}

// ObjectRow (store/views.cc).
Json ObjectRowSchema() {
  return Object(
      {{"kind", String()},
       {"id", String()},
       {"name", String("the name in force, else the latest version's")},
       {"status", Enum(String("whether a version is in force"), {"none", "effective", "obsolete"})},
       {"effective_version", Nullable(Integer("the version in force"))},
       {"latest_version", Integer()},
       {"latest_state", VersionStateSchema("the latest version's state")}});
}

// VersionJson (store/views.cc).
Json VersionSchema() {
  return Object({{"kind", String()},
                 {"id", String()},
                 {"version", Integer()},
                 {"state", VersionStateSchema("the stored state")},
                 {"status", VersionStatus()},
                 {"action", Action()},
                 {"name", String()},
                 {"content", AnyObject("the object as its kind defines it (GET "
                                       "/api/v1/masterdata/kinds)")},
                 {"content_hash", String("SHA-256 (hex) of the canonical content")},
                 {"change_request", String("the change request it belongs to")},
                 {"author", String("who last saved it")},
                 {"created_us", Microseconds("when it was first saved")},
                 {"effective_from_us", Nullable(Microseconds("when it takes effect (approved)"))},
                 {"signatures", Array(SignatureSchema())}});
}

Json ChangeRequestSummarySchema() {
  return ChangeRequestWith({{"item_count", Integer("items not withdrawn")}});
}

Json ChangeRequestSchema() {
  return ChangeRequestWith({{"items", Array(ItemSchema())},
                            {"signatures", Array(SignatureSchema())},
                            {"history", Array(HistoryEntrySchema())}});
}

Json ChangeRequestReplySchema() { return Object({{"change_request", ChangeRequestSchema()}}); }

}  // namespace ordo::masterdata::http
