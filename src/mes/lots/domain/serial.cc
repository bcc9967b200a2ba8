// Serial states (serial.h).
#include "mes/lots/domain/serial.h"

namespace ordo::lots {

bool IsSerialState(const std::string& state) {
  return state == kSerialQuarantined || state == kSerialReleased || state == kSerialOnHold ||
         state == kSerialRejected || state == kSerialConsumed;
}

}  // namespace ordo::lots
