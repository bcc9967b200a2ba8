// The permissions the lots capability defines (registered in capability.cc).
#pragma once

namespace ordo::lots {

// See lots and their history (every role).
inline constexpr const char* kLotsRead = "lots.read";
// Receive lots, through the API or a CSV import (supervisor, quality).
inline constexpr const char* kLotsReceive = "lots.receive";
// Release or reject a lot with a signature, put a lot on hold and lift the hold (quality).
inline constexpr const char* kLotsRelease = "lots.release";
// Split, merge and move lots (supervisor, quality).
inline constexpr const char* kLotsManage = "lots.manage";

}  // namespace ordo::lots
