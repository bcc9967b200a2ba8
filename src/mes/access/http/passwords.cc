// The password check other capabilities use for re-authentication (passwords.h).
#include "mes/access/passwords.h"

#include "core/crypto.h"
#include "mes/access/domain/credential.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"

namespace ordo::access {

server::Awaitable<bool> CheckPassword(server::Api& api, std::int64_t user_id,
                                      std::string password) {
  std::string hash = api.sign_in_gate().dummy_hash;
  auto stored = GetPasswordHash(api.reader(), user_id);
  if (stored.ok() && *stored) hash = **stored;
  // A locked account (the admin lock after failed sign-ins) cannot re-authenticate either,
  // not even from a session opened before the lock; the same work is done.
  auto state = GetCredentialState(api.reader(), user_id);
  const bool locked = !state.ok() || IsLocked(*state, api.clock().NowMicros());
  std::function<Json()> work = [hash, password] { return Json(VerifyPassword(hash, password)); };
  auto hashing = api.OffThread(std::move(work));
  Json verified = co_await std::move(hashing);
  co_return verified.get<bool>() && !locked;
}

}  // namespace ordo::access
