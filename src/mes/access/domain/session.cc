// Decisions of the sign-in trail.
#include "mes/access/domain/session.h"

#include "mes/access/events.h"

namespace ordo::access {

Result<ledger::Event> DecideLoginSucceeded(std::int64_t user_id, const std::string& user_name,
                                           const std::string& client,
                                           const std::optional<User>& user) {
  if (!user || user->disabled)
    return Error::Make(ErrorCode::kUnauthenticated, "the account is disabled");
  return ledger::MakeEvent(LoginSucceeded{user_name, client}, kSessionSubject,
                           std::to_string(user_id));
}

ledger::Event LoginFailedEvent(const std::string& attempted_user, const std::string& client,
                               const std::string& detail) {
  return ledger::MakeEvent(LoginFailed{attempted_user, client, detail}, kSessionSubject,
                           attempted_user);
}

ledger::Event LoggedOutEvent(std::int64_t user_id, const std::string& user_name,
                             const std::string& client, const std::string& why) {
  return ledger::MakeEvent(LoggedOut{user_name, client, why}, kSessionSubject,
                           std::to_string(user_id));
}

}  // namespace ordo::access
