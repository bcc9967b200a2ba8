// Checks of a signature object and the failed-signing event (see reauthentication.h).
#include "mes/signatures/domain/reauthentication.h"

#include "mes/signatures/events.h"

namespace ordo::signatures {

Status CheckSignatureFields(const Json& sig, const std::string& meaning) {
  for (const auto& [key, value] : sig.items()) {
    const bool is_string = value.is_string();
    const std::size_t size = is_string ? value.get_ref<const std::string&>().size() : 0;
    if (key == "user" || key == "password" || key == "meaning" || key == "comment") {
      if (!is_string)
        return Error::Invalid("signature." + key, "signature." + key + " must be a string",
                              "wrong_type");
      if ((key == "password" && size > 1024) || (key == "comment" && size > 1000) ||
          ((key == "user" || key == "meaning") && size > 64))
        return Error::Invalid("signature." + key, "signature." + key + " is too long", "too_long");
      continue;
    }
    return Error::Invalid(
        "signature." + key,
        "unknown field 'signature." + key + "'; expected only: user, password, meaning, comment",
        "unknown_field");
  }
  if (!sig.contains("password") || sig["password"].get<std::string>().empty())
    return Error::Invalid("signature.password", "signing needs your password", "missing_field");
  if (sig.contains("meaning") && sig["meaning"].get<std::string>() != meaning)
    return Error::Invalid("signature.meaning",
                          "this action is signed with meaning '" + meaning + "'", "wrong_meaning");
  return Ok();
}

ledger::Event DecideSignatureFailed(const SigningFailure& f) {
  return ledger::MakeEvent(SignatureFailed{f.user, f.attempted_user, f.client, f.detail}, "user",
                           std::to_string(f.user_id));
}

}  // namespace ordo::signatures
