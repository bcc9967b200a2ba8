// Signature meanings, binding hashes and the re-check of a shown signature.
#include "mes/signatures/domain/signature.h"

#include <algorithm>

#include "core/crypto.h"

namespace ordo::signatures {

const std::vector<std::string>& Meanings() {
  static const std::vector<std::string> meanings = {
      "authored", "reviewed", "approved", "rejected", "verified", "released", "dispositioned"};
  return meanings;
}

bool IsMeaning(const std::string& meaning) {
  const auto& m = Meanings();
  return std::find(m.begin(), m.end(), meaning) != m.end();
}

std::string PermissionForMeaning(const std::string& meaning) {
  if (meaning == "authored") return "masterdata.edit";
  if (meaning == "reviewed" || meaning == "approved" || meaning == "rejected")
    return "masterdata.approve";
  if (meaning == "verified" || meaning == "released") return "masterdata.approve";
  if (meaning == "dispositioned") return "deviations.disposition";
  return {};
}

std::string RecordHash(const Json& record) { return Sha256Hex(CanonicalJson(record)); }

const char* BindingStatusName(BindingStatus status) {
  switch (status) {
    case BindingStatus::kValid:
      return "valid";
    case BindingStatus::kBroken:
      return "broken";
    case BindingStatus::kEarlierRevision:
      return "earlier_revision";
  }
  return "broken";
}

BindingStatus CheckBinding(const Signature& s, const std::string& record_kind,
                           const std::string& record_id, std::int64_t record_version,
                           const std::string& record_hash) {
  if (s.record_kind != record_kind || s.record_id != record_id) return BindingStatus::kBroken;
  if (s.record_version > record_version) return BindingStatus::kBroken;
  if (s.record_version < record_version) return BindingStatus::kEarlierRevision;
  return s.content_hash == record_hash ? BindingStatus::kValid : BindingStatus::kBroken;
}

SignatureApplied AppliedPayload(const Signature& s) {
  return SignatureApplied{s.signer_id,   s.signer,    s.printed_name,   s.meaning,     s.comment,
                          s.record_kind, s.record_id, s.record_version, s.content_hash};
}

Json SignaturePayload(const Signature& s) { return Json(AppliedPayload(s)); }

Signature SignatureOf(const SignatureApplied& p, std::int64_t seq, TimeMicros time_us) {
  Signature s;
  s.signature_id = seq;
  s.signer_id = p.signer_id;
  s.signer = p.signer;
  s.printed_name = p.printed_name;
  s.meaning = p.meaning;
  s.comment = p.comment;
  s.time_us = time_us;
  s.record_kind = p.record_kind;
  s.record_id = p.record_id;
  s.record_version = p.record_version;
  s.content_hash = p.content_hash;
  return s;
}

Json ToJson(const Signature& s, BindingStatus status) {
  Json j = SignaturePayload(s);
  j["signature_id"] = s.signature_id;
  j["time_us"] = s.time_us;
  j["time"] = FormatUtcMicros(s.time_us);
  if (!s.comment) j["comment"] = nullptr;
  j["status"] = BindingStatusName(status);
  return j;
}

Result<SignatureApplied> DecideSignature(const SignerState& signer, const std::string& meaning,
                                         const std::string& record_kind,
                                         const std::string& record_id, std::int64_t record_version,
                                         const Json& record) {
  if (signer.meaning != meaning)
    return Error::Invalid(
        "signature.meaning",
        "this is signed with meaning '" + meaning + "', not '" + signer.meaning + "'",
        "wrong_meaning");
  if (!signer.active)
    return Error::Make(ErrorCode::kUnauthenticated, "the signing account is disabled");
  if (!signer.policy_acknowledged)
    return Error{ErrorCode::kFailedPrecondition,
                 "acknowledge the site's signature policy before signing", "signature",
                 "policy_not_acknowledged"};
  SignatureApplied applied;
  applied.signer_id = signer.user_id;
  applied.signer = signer.name;
  applied.printed_name = signer.printed_name;
  applied.meaning = meaning;
  applied.comment = signer.comment;
  applied.record_kind = record_kind;
  applied.record_id = record_id;
  applied.record_version = record_version;
  applied.content_hash = RecordHash(record);
  return applied;
}

}  // namespace ordo::signatures
