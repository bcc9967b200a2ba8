// The cracklib dictionary as a password blocklist.
#include "mes/access/store/cracklib_blocklist.h"

// packer.h shows the dictionary handle's fields (PW_WORDS) only inside cracklib.
// Neither header declares C linkage for these functions.
extern "C" {
#define IN_CRACKLIB
#include <crack.h>
#include <packer.h>
#undef IN_CRACKLIB
}

#include <vector>

namespace ordo::access {

CracklibBlocklist::CracklibBlocklist(std::string dictionary)
    : dictionary_(dictionary.empty() ? GetDefaultCracklibDict() : std::move(dictionary)) {}

Result<bool> CracklibBlocklist::Contains(const std::string& lowercase) const {
  char mode[] = "r";
  PWDICT* dict = PWOpen(dictionary_.c_str(), mode);
  if (!dict)
    return Error::Make(ErrorCode::kUnavailable, "the password blocklist (cracklib dictionary " +
                                                    dictionary_ +
                                                    ") cannot be read; install cracklib-runtime");
  // The packed dictionary holds words shorter than MAXWORDLEN; longer passwords are not
  // in it.
  bool found = false;
  if (lowercase.size() < MAXWORDLEN) {
    std::vector<char> word(lowercase.begin(), lowercase.end());
    word.push_back('\0');
    found = FindPW(dict, word.data()) != PW_WORDS(dict);
  }
  PWClose(dict);
  return found;
}

const PasswordBlocklist& SystemBlocklist() {
  static const CracklibBlocklist blocklist;
  return blocklist;
}

}  // namespace ordo::access
