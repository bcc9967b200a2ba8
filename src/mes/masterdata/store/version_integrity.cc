// The seal on md_version rows: every version of an object is checked before a decision
// uses the object (the version in force is derived from all of them), and the content of
// each is checked against its content hash, the hash the approval's signature covered
// (store/row_seal.h, docs/decisions/0006-projection-integrity.md).
#include "mes/masterdata/domain/change_control.h"
#include "mes/masterdata/store/masterdata_store.h"
#include "mes/masterdata/store/queries.h"
#include "store/row_seal.h"

namespace ordo::masterdata {

void RegisterGuards() {
  store::RegisterGuardedTable({"md_version",
                               {"kind", "id", "version"},
                               {"kind", "id", "version", "state", "action", "name", "content",
                                "content_hash", "change_request", "author_id", "author",
                                "created_seq", "created_us", "updated_seq", "effective_from_us"}});
}

Result<std::vector<VersionRow>> CheckedVersions(storage::Database& db,
                                                Result<std::vector<VersionRow>> rows) {
  if (!rows.ok()) return rows;
  for (const auto& r : *rows) {
    ORDO_TRY(store::CheckSealedRow(db, "md_version", {r.kind, r.id, std::to_string(r.version)}));
    if (store::SealKeyFor(db.path()) && ContentHash(r.content) != r.content_hash) {
      store::IntegrityViolation v{
          "md_version", "kind=" + r.kind + ",id=" + r.id + ",version=" + std::to_string(r.version),
          "has content that does not hash to its content_hash", "decision"};
      store::ReportIntegrityViolation(v);
      return store::IntegrityError(v);
    }
  }
  return rows;
}

Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& kind,
                                           const std::string& id) {
  return CheckedVersions(db, VersionRowsOf(db, kind, id));
}

}  // namespace ordo::masterdata
