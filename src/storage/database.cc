// The driver-independent parts of the storage interface.
#include "storage/database.h"

namespace ordo::storage {

Status Statement::Run() {
  while (true) {
    auto r = Step();
    if (!r.ok()) {
      Reset();
      return r.error();
    }
    if (!*r) break;
  }
  Reset();
  return Ok();
}

Transaction::Transaction(Database& db) : db_(db), begin_(db.Exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
  if (!done_ && begin_.ok()) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  done_ = true;
  return db_.Exec("COMMIT");
}

}  // namespace ordo::storage
