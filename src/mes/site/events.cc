// JSON of the site capability's event (the stored payload shape; docs/event-schema.md).
#include "mes/site/events.h"

namespace ordo::site {

void to_json(Json& j, const SettingChange& c) {
  j = Json{{"path", c.path}, {"old", c.old_value}, {"new", c.new_value}};
}

void from_json(const Json& j, SettingChange& c) {
  j.at("path").get_to(c.path);
  c.old_value = j.at("old");
  c.new_value = j.at("new");
}

void to_json(Json& j, const SettingsChanged& e) {
  Json settings = Json::object();
  if (e.approvals_required) settings["approvals_required"] = *e.approvals_required;
  if (e.signing_password_only) settings["signing_password_only"] = *e.signing_password_only;
  if (e.password_min_length) settings["password_min_length"] = *e.password_min_length;
  if (e.password_expiry_days) settings["password_expiry_days"] = *e.password_expiry_days;
  j = Json{{"settings", settings}, {"changes", e.changes}};
}

void from_json(const Json& j, SettingsChanged& e) {
  const Json& settings = j.at("settings");
  e.approvals_required.reset();
  e.signing_password_only.reset();
  e.password_min_length.reset();
  e.password_expiry_days.reset();
  if (settings.contains("approvals_required"))
    e.approvals_required = settings.at("approvals_required").get<std::int64_t>();
  if (settings.contains("signing_password_only"))
    e.signing_password_only = settings.at("signing_password_only").get<bool>();
  if (settings.contains("password_min_length"))
    e.password_min_length = settings.at("password_min_length").get<std::int64_t>();
  if (settings.contains("password_expiry_days"))
    e.password_expiry_days = settings.at("password_expiry_days").get<std::int64_t>();
  j.at("changes").get_to(e.changes);
}

}  // namespace ordo::site
