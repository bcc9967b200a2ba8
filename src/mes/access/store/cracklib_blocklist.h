// The blocklist of common and compromised passwords: the cracklib dictionary that
// Debian's cracklib-runtime builds (/var/cache/cracklib/cracklib_dict.*, rebuilt from
// /usr/share/dict and the site's own lists by update-cracklib). Only a plain membership
// lookup: cracklib's FascistCheck is not used, because its composition heuristics are
// what NIST SP 800-63B-4 forbids (docs/decisions/0005-password-rules.md).
#pragma once

#include <string>

#include "mes/access/domain/password_rules.h"

namespace ordo::access {

class CracklibBlocklist final : public PasswordBlocklist {
 public:
  // `dictionary` is the path prefix of the packed dictionary ("" = cracklib's default).
  explicit CracklibBlocklist(std::string dictionary = "");
  // Opens the dictionary for each lookup (a few small reads; thread-safe). unavailable
  // when it cannot be opened: install cracklib-runtime.
  Result<bool> Contains(const std::string& lowercase) const override;

 private:
  std::string dictionary_;
};

// The blocklist the server and the CLI use (the default cracklib dictionary).
const PasswordBlocklist& SystemBlocklist();

}  // namespace ordo::access
