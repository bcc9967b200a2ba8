// The permissions the site capability defines (registered in capability.cc).
#pragma once

namespace ordo::site {

inline constexpr const char* kSiteConfigure =
    "site.configure";  // draft site settings and signature policy versions

}  // namespace ordo::site
