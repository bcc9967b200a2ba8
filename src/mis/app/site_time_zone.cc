// The site time zone setting (site_time_zone.h).
#include "mis/app/site_time_zone.h"

#include "mis/calendar/zoneinfo.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::app {

Result<SiteTimeZone> EffectiveTimeZone(storage::Database& db, const std::string& flag) {
  if (!flag.empty()) {
    auto zone = calendar::LoadTimeZone(flag, "time-zone");
    if (!zone.ok()) return zone.error();
    return SiteTimeZone{std::move(*zone), "--time-zone"};
  }
  auto stored = store::GetStoreInfo(db, kTimeZoneKey);
  if (!stored.ok()) return stored.error();
  if (!*stored) return SiteTimeZone{calendar::TimeZone::Utc(), "the default (UTC)"};
  auto zone = calendar::LoadTimeZone(**stored, kTimeZoneKey);
  if (!zone.ok()) return zone.error();
  return SiteTimeZone{std::move(*zone), "the store"};
}

}  // namespace ordo::mis::app
