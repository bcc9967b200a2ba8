// The OpenAPI schemas of the orders endpoints' answers (the JSON of commands/views.h).
#pragma once

#include "core/canonical_json.h"

namespace ordo::orders {

Json OrderSchema();
// {order, bom, operations}.
Json OrderDetailSchema();
// The import report.
Json ImportReportSchema();

}  // namespace ordo::orders
