// JSON of the audit capability's events (the stored payload shape; docs/event-schema.md).
#include "mes/audit/events.h"

namespace ordo::audit {

void to_json(Json& j, const IntegrityViolationFound& e) {
  j = Json{{"table", e.table}, {"key", e.key}, {"detail", e.detail}, {"found_by", e.found_by}};
}

void from_json(const Json& j, IntegrityViolationFound& e) {
  j.at("table").get_to(e.table);
  j.at("key").get_to(e.key);
  j.at("detail").get_to(e.detail);
  j.at("found_by").get_to(e.found_by);
}

}  // namespace ordo::audit
