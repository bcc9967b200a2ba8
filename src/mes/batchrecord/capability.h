// Registration of the batch record capability (capability.cc).
#pragma once

namespace ordo::batchrecord {

void Register();

}  // namespace ordo::batchrecord
