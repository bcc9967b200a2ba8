// The audit worklist source: security alerts of the last 24 hours, for the people who
// watch them (security.monitor): one summary item with the count and the latest alert.
#include "mes/access/events.h"
#include "mes/access/events/credentials.h"
#include "mes/audit/events.h"
#include "mes/audit/http/audit_http.h"
#include "mes/audit/permissions.h"
#include "mes/signatures/events.h"
#include "server/worklist.h"
#include "store/ledger_store.h"

namespace ordo::audit {

namespace {

constexpr TimeMicros kWindow = 24LL * 3600 * 1'000'000;
constexpr std::int64_t kMaxCounted = 1000;  // alerts per type; the count says "1000+" beyond
constexpr std::int64_t kPage = 500;

// Counts the alerts of one type in the window, newest first, paging until kMaxCounted
// alerts are counted: only some entries of a type are alerts (a failed sign-in that met
// the throttle is, a single typo is not), so the cap applies after the filter.
Status CountAlerts(storage::Database& db, const char* type, TimeMicros now, std::int64_t& count,
                   bool& capped, std::optional<ledger::LedgerEntry>& latest) {
  std::int64_t counted = 0;
  store::LedgerQuery query;
  query.type = type;
  query.from_us = now - kWindow;
  query.newest_first = true;
  query.limit = kPage;
  for (;;) {
    auto rows = store::QueryEntries(db, query);
    if (!rows.ok()) return rows.error();
    for (const auto& e : *rows) {
      if (!IsSecurityAlert(e)) continue;
      if (counted == kMaxCounted) {
        capped = true;
        return Ok();
      }
      ++counted;
      ++count;
      if (!latest || e.seq > latest->seq) latest = e;
    }
    if (static_cast<std::int64_t>(rows->size()) < kPage) return Ok();
    query.before = rows->back().seq;
  }
}

Result<std::vector<server::WorklistItem>> SecurityAlerts(storage::Database& db,
                                                         const server::Session&, TimeMicros now) {
  std::int64_t count = 0;
  bool capped = false;
  std::optional<ledger::LedgerEntry> latest;
  for (const char* type : {access::LoginFailed::kType, signatures::SignatureFailed::kType,
                           IntegrityViolationFound::kType, access::UserLocked::kType}) {
    if (auto st = CountAlerts(db, type, now, count, capped, latest); !st.ok()) return st.error();
  }
  std::vector<server::WorklistItem> items;
  if (count == 0) return items;
  const std::string n = std::to_string(count) + (capped ? "+" : "");
  items.push_back(
      {"security.alerts", "",
       n + (count == 1 ? " security alert" : " security alerts") + " in the last 24 hours",
       "to look into; latest: " + latest->type + " (" + latest->actor + ")", true, "#/security",
       latest->time_us});
  return items;
}

}  // namespace

void RegisterWorklistSources() {
  server::RegisterWorklistSource(
      {"audit.security_alerts", kSecurityMonitor,
       "security alerts of the last 24 hours (failed signings, sign-ins that met the throttle "
       "or a lock, integrity violations): count and latest",
       &SecurityAlerts});
}

}  // namespace ordo::audit
