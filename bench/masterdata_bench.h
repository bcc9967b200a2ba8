// Master data and change control measurements of the ordo benchmark (docs/PERFORMANCE.md,
// "Master data and change control"):
//   write path - in-process through engine::Engine on a fresh data dir without the demo:
//                ApplyPlant of the embedded demo plant (one change request, one draft per
//                object, one transaction), SubmitChangeRequest (authored signature) and
//                SignChangeRequest (approved, effective at once). Baseline in the same data
//                dir: as many logbook entries as drafts, submitted back to back as one group.
//   read path  - on a read-only connection to a demo data dir: ObjectView of a routing,
//                ChangeRequestView(full) of the demo plant's change request, AllInForce +
//                plant::ExportFiles; baseline ListLogbook(limit 100) in the same rounds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench_util.h"

namespace ordo::bench {

// One fresh data dir: the three change control commands, each timed alone, and the
// logbook baseline.
struct ChangeControlRun {
  std::int64_t drafts = 0;           // objects drafted by ApplyPlant
  std::int64_t apply_entries = 0;    // ledger entries ApplyPlant appended (opened + drafts)
  double apply_seconds = 0;          // ApplyPlant, SubmitAndWait
  double submit_seconds = 0;         // SubmitChangeRequest (signed), SubmitAndWait
  double approve_seconds = 0;        // SignChangeRequest approved, SubmitAndWait
  std::int64_t logbook_entries = 0;  // baseline: = drafts
  std::int64_t logbook_commits = 0;
  double logbook_seconds = 0;  // Submit of all, until the last completion
  double drafts_per_second() const { return apply_seconds > 0 ? drafts / apply_seconds : 0; }
  double logbook_per_second() const {
    return logbook_seconds > 0 ? logbook_entries / logbook_seconds : 0;
  }
};
// Throws std::runtime_error on any failure (including a rejected command or a ledger
// that does not verify afterwards).
ChangeControlRun RunChangeControlBench(const std::string& work_dir, bool keep);

// Median microseconds per call of each read in one round of `calls` calls each.
struct MasterdataReadRound {
  double object_view_us = 0;  // store::ObjectView("routing", RT-PCM500-FCT)
  double cr_view_us = 0;      // FindChangeRequest + ChangeRequestView(full) of CR-000001
  double export_us = 0;       // AllInForce + plant::ExportFiles
  double logbook_us = 0;      // baseline: ListLogbook("", 0, 100)
  // Row seals (docs/decisions/0006): the same reads without and with the seal key
  // installed for the connection, i.e. without and with the check of every guarded row.
  double user_unchecked_us = 0;  // access::FindUserById(operator), no key
  double user_checked_us = 0;    // ... with the key: the row's seal is checked
  double export_checked_us = 0;  // AllInForce + ExportFiles with every version checked
  double audit_rows_ms = 0;      // store::FindUnsealedRows: every guarded row (ms)
};
struct MasterdataReadResult {
  std::int64_t cr_items = 0;        // items in CR-000001
  std::int64_t exported_files = 0;  // files in the export
  std::int64_t signatures = 0;      // valid signatures shown by the ObjectView
  std::int64_t guarded_rows = 0;    // rows of the guarded tables (audit scan)
  std::vector<MasterdataReadRound> rounds;
};
// One demo data dir (plus `logbook_rows` logbook entries so the baseline reads full
// pages), then `rounds` interleaved rounds of `calls` calls per read. Throws on failure.
MasterdataReadResult RunMasterdataReadBench(const std::string& work_dir, int rounds, int calls,
                                            bool keep);

}  // namespace ordo::bench
