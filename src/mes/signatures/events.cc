// JSON of the signatures capability's events (the stored payload shape;
// docs/masterdata.md section 7).
#include "mes/signatures/events.h"

namespace ordo::signatures {

void to_json(Json& j, const SignatureApplied& e) {
  j = Json{{"signer_id", e.signer_id},           {"signer", e.signer},
           {"printed_name", e.printed_name},     {"meaning", e.meaning},
           {"record_kind", e.record_kind},       {"record_id", e.record_id},
           {"record_version", e.record_version}, {"content_hash", e.content_hash}};
  if (e.comment) j["comment"] = *e.comment;
}

void from_json(const Json& j, SignatureApplied& e) {
  j.at("signer_id").get_to(e.signer_id);
  j.at("signer").get_to(e.signer);
  j.at("printed_name").get_to(e.printed_name);
  j.at("meaning").get_to(e.meaning);
  if (j.contains("comment"))
    e.comment = j.at("comment").get<std::string>();
  else
    e.comment.reset();
  j.at("record_kind").get_to(e.record_kind);
  j.at("record_id").get_to(e.record_id);
  j.at("record_version").get_to(e.record_version);
  j.at("content_hash").get_to(e.content_hash);
}

void to_json(Json& j, const SignatureFailed& e) {
  j = Json{{"user", e.user},
           {"attempted_user", e.attempted_user},
           {"client", e.client},
           {"detail", e.detail}};
}

void from_json(const Json& j, SignatureFailed& e) {
  j.at("user").get_to(e.user);
  j.at("attempted_user").get_to(e.attempted_user);
  j.at("client").get_to(e.client);
  j.at("detail").get_to(e.detail);
}

void to_json(Json& j, const PolicyPublished& e) {
  j = Json{{"version", e.version}, {"text", e.text}};
}

void from_json(const Json& j, PolicyPublished& e) {
  j.at("version").get_to(e.version);
  j.at("text").get_to(e.text);
}

void to_json(Json& j, const PolicyAcknowledged& e) {
  j = Json{{"user_id", e.user_id}, {"user", e.user}, {"version", e.version}};
}

void from_json(const Json& j, PolicyAcknowledged& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("user").get_to(e.user);
  j.at("version").get_to(e.version);
}

}  // namespace ordo::signatures
