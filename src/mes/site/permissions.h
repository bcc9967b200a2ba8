// The permissions the site capability defines (registered in capability.cc).
#pragma once

namespace ordo::site {

inline constexpr const char* kSiteConfigure =
    "site.configure";  // change site settings and publish the signature policy

}  // namespace ordo::site
