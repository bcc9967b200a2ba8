// Registration of the deviations capability (capability.cc).
#pragma once

namespace ordo::deviations {

void Register();

}  // namespace ordo::deviations
