// Row seals: the projection rows that decisions rely on (a user's roles and status, the
// master data versions in force, qualification grants) carry a seal, an HMAC-SHA-256 of
// their content under a key kept outside the database (DIR/keys/row-seals.json). The
// engine seals every guarded row its projectors write, in the same transaction; a
// reader checks the seal before a decision uses the row, and refuses a row that fails
// with integrity_violation. Design and threat model: docs/decisions/0006-projection-
// integrity.md.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"
#include "storage/database.h"
#include "store/data_dir.h"
#include "store/schema.h"

namespace ordo::store {

// A projection table whose rows are sealed, registered by the capability that owns it.
struct GuardedTable {
  std::string table;
  std::vector<std::string> key_columns;      // identify one row (its primary key)
  std::vector<std::string> content_columns;  // what the seal covers, key columns included
};
// Registers a guarded table. Start-up only; a table registered twice aborts.
void RegisterGuardedTable(GuardedTable table);
const std::vector<GuardedTable>& GuardedTables();
// The guarded table named `table`, or nullptr.
const GuardedTable* FindGuardedTable(std::string_view table);
// "key columns|content columns": what a seal of this table covers. A seal file that
// records another spec for the table means its rows are sealed afresh (engine start).
std::string TableSpec(const GuardedTable& table);

// The table of seals, row_seal(tbl, row_key, mac, seq), owner "integrity".
TableSet RowSealTables();

// The secret and what it has sealed: DIR/keys/row-seals.json (mode 0600), never in the
// database. `sealed` maps a table to the TableSpec its rows were sealed with.
struct SealState {
  std::string key;  // 32 raw bytes
  std::map<std::string, std::string> sealed;
};
std::string SealStatePath(const DataDir& dir);
// Reads the seal file; nullopt when there is none (a store this release never served).
Result<std::optional<SealState>> ReadSealState(const DataDir& dir);
// The same for the seal file at `path` (e.g. in a copy of a site's keys/ folder).
Result<std::optional<SealState>> ReadSealStateFile(const std::string& path);
// Writes the seal file atomically (temporary file, fsync, rename), mode 0600.
Status WriteSealState(const DataDir& dir, const SealState& state);

// The seal key of the store at `database_path`, installed by the engine that writes it
// (Engine::Start) and removed when it stops. Thread-safe. Without an installed key no row
// is checked (scratch stores, replay, tools that do not decide anything).
void InstallSealKey(const std::string& database_path, std::string key);
void RemoveSealKey(const std::string& database_path);
std::optional<std::string> SealKeyFor(const std::string& database_path);

// "id=3" or "kind=routing,id=R-10,version=2": a row's key as seals and messages name it.
std::string RowKey(const GuardedTable& table, const std::vector<std::string>& key_values);
// The seal of one row's content (`content` holds the content columns in order; nullopt
// for NULL).
std::string SealOf(const std::string& key, const GuardedTable& table, const std::string& row_key,
                   const std::vector<std::optional<std::string>>& content);

// Seals every row of `table` as it is now (engine start, when the seal file does not yet
// cover the table). The caller owns the transaction.
Status SealAllRows(storage::Database& db, const std::string& key, const GuardedTable& table,
                   std::int64_t seq);

// Collects the guarded rows a command's projectors change (through the connection's change
// hook) and seals them. Writer thread only.
class RowSealer {
 public:
  explicit RowSealer(std::string key) : key_(std::move(key)) {}
  void Forget() { changed_.clear(); }
  void Note(std::string_view table, std::int64_t rowid);
  // Seals every noted row as it is now, recording `seq` (the last entry that wrote it).
  Status SealNoted(storage::Database& db, std::int64_t seq);

 private:
  std::string key_;
  std::vector<std::pair<const GuardedTable*, std::int64_t>> changed_;
};

// A record that failed its check.
struct IntegrityViolation {
  std::string table, key;
  std::string detail;    // what is wrong, e.g. "does not match its seal"
  std::string found_by;  // "decision" (a read for a decision) or "audit"
};
// "integrity_violation: app_user id=3 does not match its seal ...": the refusal.
Error IntegrityError(const IntegrityViolation& violation);

// Checks the row of `table` with `key_values` against its seal, on `db`'s snapshot. Ok
// when it matches, when the row does not exist, or when no seal key is installed for
// `db`. Otherwise reports the violation (ReportIntegrityViolation, found_by "decision")
// and returns integrity_violation naming the table and key.
Status CheckSealedRow(storage::Database& db, std::string_view table,
                      const std::vector<std::string>& key_values);

// The same check for a row the caller has already read (so that a reader of many rows
// reads each once): `key_values` are its key columns and `content` its content columns,
// in the order the table was registered with, each as the database gives it as text
// (nullopt for NULL). Ok when no seal key is installed for `db` or `table` is not
// guarded; otherwise as CheckSealedRow. The caller must pass every content column, so
// the seal covers what it uses. Each thread remembers rows it verified (of 1 KiB to 64
// KiB; up to 256, 1 MiB): a row whose key, sealed bytes and stored seal equal a verified
// one's passes without the HMAC computed again (it would give the same result).
Status CheckSealedContent(storage::Database& db, std::string_view table,
                          const std::vector<std::string>& key_values,
                          const std::vector<std::optional<std::string>>& content);
// How many checks on this thread passed as a row verified before (for tests).
std::uint64_t VerifiedSealHitsOnThisThread();

// Every guarded row whose seal is missing or does not match, on one snapshot of `db`.
Result<std::vector<IntegrityViolation>> FindUnsealedRows(storage::Database& db,
                                                         const std::string& key);

// The same for one table, under the columns `table` lists (the registered ones, or those
// a seal file recorded).
Result<std::vector<IntegrityViolation>> FindUnsealedRowsOf(storage::Database& db,
                                                           const std::string& key,
                                                           const GuardedTable& table);

// After an upgrade that changed a guarded table's columns (the seal file records another
// TableSpec than the registered one), the rows' seals are those made over the recorded
// columns [row_seal_upgrade.cc].
// The guarded table `table` as the seal file recorded it (`spec`, a TableSpec).
// failed_precondition when the spec cannot be read.
Result<GuardedTable> RecordedTable(const std::string& table, const std::string& spec);
// Every row of `table` whose seal is missing or does not match under the recorded `spec`
// (found_by "audit"); none when every row matches its seal over this release's columns
// instead (a start sealed the table afresh and stopped before writing the seal file).
// failed_precondition naming the column when a recorded column is no longer in the
// table (a migration dropped it: the seals cannot be checked).
Result<std::vector<IntegrityViolation>> FindUnsealedRowsRecorded(storage::Database& db,
                                                                 const std::string& key,
                                                                 const std::string& table,
                                                                 const std::string& spec);
// Ok when every row of `table` matches its seal under the recorded `spec` (so it may be
// sealed afresh under the new columns); else integrity_violation naming the table and the
// first row that fails (and how many more), or the failed_precondition above.
Status CheckRecordedSeals(storage::Database& db, const std::string& key, const std::string& table,
                          const std::string& spec);

// Who hears of a violation: the server logs it, records the security event and pushes it
// to admins. Set once at start-up (nullptr: nobody); called on the detecting thread, so
// the handler must be thread-safe.
using ViolationHandler = std::function<void(const IntegrityViolation&)>;
void SetIntegrityViolationHandler(ViolationHandler handler);
void ReportIntegrityViolation(const IntegrityViolation& violation);
// The ledger event that records a violation, registered by the capability that defines it
// (audit). Start-up only.
void RegisterIntegrityViolationEvent(std::function<ledger::Event(const IntegrityViolation&)> make);
std::optional<ledger::Event> IntegrityViolationEvent(const IntegrityViolation& violation);

}  // namespace ordo::store
