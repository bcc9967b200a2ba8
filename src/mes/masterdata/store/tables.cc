// The masterdata tables as migrations. Migration 1 is the schema of release 0.1.0 and
// must stay as it is (CREATE ... IF NOT EXISTS: stores of that release carry no
// migration records).
#include "mes/masterdata/store/masterdata_store.h"

namespace ordo::masterdata {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS change_request(
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  reason TEXT NOT NULL,
  impact TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  approvals_required INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS md_version(
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  action TEXT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  change_request TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  PRIMARY KEY(kind, id, version));
CREATE INDEX IF NOT EXISTS md_version_by_cr ON md_version(change_request);

CREATE TABLE IF NOT EXISTS cr_participant(
  change_request TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  PRIMARY KEY(change_request, user_id));
)sql";

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"masterdata",
                         {store::Migration{1, kTablesV1}},
                         {{"change_request", "id"},
                          {"md_version", "kind, id, version"},
                          {"cr_participant", "change_request, user_id"}}};
}

}  // namespace ordo::masterdata
