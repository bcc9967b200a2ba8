// The permissions the genealogy capability defines (registered in capability.cc).
#pragma once

namespace ordo::genealogy {

// Trace lots, serials and orders backward and forward (every role).
inline constexpr const char* kGenealogyRead = "genealogy.read";

}  // namespace ordo::genealogy
