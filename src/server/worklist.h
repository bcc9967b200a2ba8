// The worklist: what waits for the signed-in person. Each capability registers sources
// (change requests to approve, my drafts, security alerts; later lots to release, batch
// records to review, deviations) with the permission that lets a role see them; GET
// /api/v1/worklist (the worklist capability) collects the sources the caller's roles
// hold. A failing source never fails the others: it becomes an error entry.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "server/sessions.h"
#include "storage/database.h"

namespace ordo::server {

// One thing that waits: a record and what it waits for.
struct WorklistItem {
  std::string kind;         // what sort of work, e.g. "change_request.approve"
  std::string id;           // the record, e.g. "CR-000003" ("" for a summary item)
  std::string title;        // the record in words
  std::string state;        // what is waited for, e.g. "waiting for approval by quality (0 of 1)"
  bool your_turn = false;   // true: this person is the one to act; false: others are
  std::string link;         // where the web UI shows the record: a hash route, "#/..."
  TimeMicros since_us = 0;  // since when it waits (0 = unknown)
};

// A source reads its items on the reader connection `db` for the person of `session`
// at `now`. It runs on the io thread, so it must be quick (indexed reads, no I/O but
// `db`). Expected failures are a Result error; a thrown exception is caught too.
using WorklistFn = std::function<Result<std::vector<WorklistItem>>(
    storage::Database& db, const Session& session, TimeMicros now)>;

struct WorklistSource {
  std::string name;         // unique, "<capability>.<what>", e.g. "masterdata.change_requests"
  std::string permission;   // a role must hold it for the source to run
  std::string description;  // what it lists, for docs
  WorklistFn fn;
};

// Adds a source. A duplicate name, an empty permission or a missing fn is a bug and
// aborts. Start-up only (not thread-safe against CollectWorklist).
void RegisterWorklistSource(WorklistSource source);
// Every registered source, in registration order.
const std::vector<WorklistSource>& RegisteredWorklistSources();

// The worklist of `session`: the items of every source one of its roles grants, in
// source order, and for each source that failed (error or exception) one error entry
// {source, code, message}; the others still answer. Never fails itself.
struct Worklist {
  struct Item {
    std::string source;
    WorklistItem item;
  };
  struct SourceError {
    std::string source, code, message;
  };
  std::vector<Item> items;
  std::vector<SourceError> errors;
};
Worklist CollectWorklist(const std::vector<WorklistSource>& sources, storage::Database& db,
                         const Session& session, TimeMicros now);

// The API form {items: [...], errors: [...]} (GET /api/v1/worklist) and its schema.
Json ToJson(const Worklist& worklist);
Json WorklistSchema();

}  // namespace ordo::server
