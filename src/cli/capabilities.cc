// The one place that names every capability: adding one is a folder under src/mes/
// plus one line here (docs/adding-a-capability.md).
#include "cli/capabilities.h"

#include <mutex>

#include "mes/access/capability.h"
#include "mes/attachments/capability.h"
#include "mes/audit/capability.h"
#include "mes/batchrecord/capability.h"
#include "mes/deviations/capability.h"
#include "mes/dispatch/capability.h"
#include "mes/equipment/capability.h"
#include "mes/execution/capability.h"
#include "mes/genealogy/capability.h"
#include "mes/logbook/capability.h"
#include "mes/lots/capability.h"
#include "mes/masterdata/capability.h"
#include "mes/orders/capability.h"
#include "mes/personnel/capability.h"
#include "mes/review/capability.h"
#include "mes/signatures/capability.h"
#include "mes/site/capability.h"
#include "mes/telemetry/capability.h"
#include "mes/worklist/capability.h"

namespace ordo::cli {

void RegisterCapabilities() {
  static std::once_flag once;
  std::call_once(once, [] {
    access::Register();
    logbook::Register();
    site::Register();
    signatures::Register();
    personnel::Register();
    attachments::Register();
    masterdata::Register();
    audit::Register();
    review::Register();
    worklist::Register();
    orders::Register();
    lots::Register();
    deviations::Register();
    execution::Register();
    dispatch::Register();
    genealogy::Register();
    batchrecord::Register();
    equipment::Register();
    telemetry::Register();
  });
}

}  // namespace ordo::cli
