// SQL reads over the signature, policy, settings, personnel and attachment projections
// (see masterdata_queries.h).
#include "store/masterdata_queries.h"

#include <algorithm>
#include <functional>

namespace ordo::store {

namespace {

template <typename T>
Result<std::vector<T>> Rows(storage::Database& db, const std::string& sql,
                            const std::function<void(storage::Statement&)>& bind,
                            const std::function<T(const storage::Statement&)>& read) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  std::vector<T> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read(**st));
  }
  (*st)->Reset();
  return out;
}

const std::function<void(storage::Statement&)> kNoBind = [](storage::Statement&) {};

}  // namespace

Result<SiteSettings> GetSiteSettings(storage::Database& db) {
  auto rows = Rows<std::pair<std::string, std::string>>(
      db, "SELECT key, value FROM site_setting", kNoBind,
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  SiteSettings out;
  for (const auto& [key, text] : *rows) {
    Json v = Json::parse(text, nullptr, false);
    if (key == "approvals_required" && v.is_number_integer()) out.approvals_required = v.get<int>();
    if (key == "signing_password_only" && v.is_boolean()) out.signing_password_only = v.get<bool>();
  }
  return out;
}

Json ToJson(const SiteSettings& s) {
  return Json{{"approvals_required", s.approvals_required},
              {"signing_password_only", s.signing_password_only}};
}

}  // namespace ordo::store
