// The store's setting change history (setting_change.h).
#include "mis/store/setting_change.h"

#include "storage/rows.h"

namespace ordo::mis::store {

const char* SettingChangeMigrationSql() {
  return "CREATE TABLE mis_setting_change ("
         " id INTEGER PRIMARY KEY, at_us INTEGER NOT NULL, key TEXT NOT NULL,"
         " old_value TEXT NOT NULL, new_value TEXT NOT NULL, by_os_user TEXT NOT NULL,"
         " reason TEXT NOT NULL);"
         "CREATE TRIGGER mis_setting_change_no_update BEFORE UPDATE ON mis_setting_change"
         " BEGIN SELECT RAISE(ABORT, 'mis_setting_change is append-only'); END;"
         "CREATE TRIGGER mis_setting_change_no_delete BEFORE DELETE ON mis_setting_change"
         " BEGIN SELECT RAISE(ABORT, 'mis_setting_change is append-only'); END;";
}

Result<std::int64_t> RecordSettingChange(storage::Database& db, const SettingChange& change) {
  auto id = storage::FirstRow<std::int64_t>(
      db,
      "INSERT INTO mis_setting_change (at_us, key, old_value, new_value, by_os_user, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
      [&](storage::Statement& s) {
        s.Bind(1, change.at).Bind(2, change.key).Bind(3, change.old_value);
        s.Bind(4, change.new_value).Bind(5, change.by_os_user).Bind(6, change.reason);
      },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  if (!*id) return Error::Make(ErrorCode::kInternal, "mis_setting_change: no id returned");
  return **id;
}

Result<std::vector<SettingChange>> SettingChanges(storage::Database& db) {
  return storage::Rows<SettingChange>(
      db,
      "SELECT id, at_us, key, old_value, new_value, by_os_user, reason FROM mis_setting_change "
      "ORDER BY id",
      storage::NoBind, [](const storage::Statement& s) {
        return SettingChange{s.Int(0),  s.Int(1),  s.Text(2), s.Text(3),
                             s.Text(4), s.Text(5), s.Text(6)};
      });
}

}  // namespace ordo::mis::store
