// Change control events -> change_request, md_version and cr_participant rows
// (docs/masterdata.md section 7). Every state written comes from domain/states.h.
#include "store/projector.h"

#include <functional>

#include "ledger/event_type.h"
#include "mes/access/users.h"
#include "mes/masterdata/domain/states.h"
#include "mes/masterdata/events.h"
#include "mes/masterdata/store/masterdata_store.h"
#include "storage/rows.h"

namespace ordo::masterdata {

namespace {

using ledger::LedgerEntry;
using CrState = ChangeRequestState;

// The id of the user named `name` (the entry's actor), or 0 when there is none.
Result<std::int64_t> UserIdByName(storage::Database& db, const std::string& name) {
  auto user = access::FindUserByName(db, name);
  if (!user.ok()) return user.error();
  return *user ? (*user)->id : 0;
}

using storage::Run;

Status BumpRevision(storage::Database& db, const std::string& cr, std::int64_t seq) {
  return Run(db, "UPDATE change_request SET revision = revision + 1, updated_seq = ? WHERE id = ?",
             [&](storage::Statement& s) { s.Bind(1, seq).Bind(2, cr); });
}

Status AddParticipant(storage::Database& db, const std::string& cr, std::int64_t user_id) {
  return Run(db, "INSERT OR IGNORE INTO cr_participant(change_request, user_id) VALUES(?,?)",
             [&](storage::Statement& s) { s.Bind(1, cr).Bind(2, user_id); });
}

Status SetCrState(storage::Database& db, const std::string& cr, CrState state, std::int64_t seq) {
  return Run(db, "UPDATE change_request SET state = ?, updated_seq = ? WHERE id = ?",
             [&](storage::Statement& s) { s.Bind(1, ToString(state)).Bind(2, seq).Bind(3, cr); });
}

Status SetItemStates(storage::Database& db, const std::string& cr, VersionState from,
                     VersionState to, std::int64_t seq) {
  return Run(db,
             "UPDATE md_version SET state = ?, updated_seq = ? WHERE change_request = ? AND "
             "state = ?",
             [&](storage::Statement& s) {
               s.Bind(1, ToString(to)).Bind(2, seq).Bind(3, cr).Bind(4, ToString(from));
             });
}

Status Opened(storage::Database& db, const LedgerEntry& e, const ChangeRequestOpened& p) {
  auto author_id = UserIdByName(db, e.actor);
  if (!author_id.ok()) return author_id.error();
  ORDO_TRY(Run(db,
               "INSERT INTO change_request(id, title, description, reason, impact, state, "
               "revision, author_id, author, created_seq, created_us, updated_seq, "
               "effective_from_us, approvals_required) VALUES(?,?,?,?,?,?,1,?,?,?,?,?,?,1)",
               [&](storage::Statement& s) {
                 s.Bind(1, e.subject.id).Bind(2, p.title).Bind(3, p.description);
                 s.Bind(4, p.reason).Bind(5, p.impact).Bind(6, ToString(CrState::kOpen));
                 s.Bind(7, *author_id).Bind(8, e.actor).Bind(9, e.seq).Bind(10, e.time_us);
                 s.Bind(11, e.seq);
                 if (p.effective_from_us)
                   s.Bind(12, *p.effective_from_us);
                 else
                   s.BindNull(12);
               }));
  return AddParticipant(db, e.subject.id, *author_id);
}

Status Saved(storage::Database& db, const LedgerEntry& e, const DraftSaved& p) {
  auto author_id = UserIdByName(db, e.actor);
  if (!author_id.ok()) return author_id.error();
  const std::string name = p.content.value("name", std::string());
  ORDO_TRY(
      Run(db,
          "INSERT INTO md_version(kind, id, version, state, action, name, content, content_hash, "
          "change_request, author_id, author, created_seq, created_us, updated_seq) "
          "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(kind, id, version) DO UPDATE SET "
          "action = excluded.action, name = excluded.name, content = excluded.content, "
          "content_hash = excluded.content_hash, author_id = excluded.author_id, "
          "author = excluded.author, updated_seq = excluded.updated_seq",
          [&](storage::Statement& s) {
            s.Bind(1, e.subject.kind).Bind(2, e.subject.id).Bind(3, e.subject.version);
            s.Bind(4, ToString(VersionState::kDraft)).Bind(5, p.action).Bind(6, name);
            s.Bind(7, CanonicalJson(p.content)).Bind(8, p.content_hash);
            s.Bind(9, p.change_request).Bind(10, *author_id).Bind(11, e.actor).Bind(12, e.seq);
            s.Bind(13, e.time_us).Bind(14, e.seq);
          }));
  ORDO_TRY(AddParticipant(db, p.change_request, *author_id));
  return BumpRevision(db, p.change_request, e.seq);
}

Status Withdrawn(storage::Database& db, const LedgerEntry& e, const DraftWithdrawn& p) {
  auto actor_id = UserIdByName(db, e.actor);
  if (!actor_id.ok()) return actor_id.error();
  ORDO_TRY(AddParticipant(db, p.change_request, *actor_id));  // changing what is approved is
                                                              // taking part
  ORDO_TRY(Run(db,
               "UPDATE md_version SET state = ?, updated_seq = ? WHERE kind = ? AND id = ? AND "
               "version = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, ToString(VersionState::kWithdrawn)).Bind(2, e.seq);
                 s.Bind(3, e.subject.kind).Bind(4, e.subject.id).Bind(5, e.subject.version);
               }));
  return BumpRevision(db, p.change_request, e.seq);
}

Status Submitted(storage::Database& db, const LedgerEntry& e, const ChangeRequestSubmitted& p) {
  auto actor_id = UserIdByName(db, e.actor);
  if (!actor_id.ok()) return actor_id.error();
  ORDO_TRY(AddParticipant(db, e.subject.id, *actor_id));  // the author signature
  ORDO_TRY(Run(db,
               "UPDATE change_request SET state = ?, approvals_required = ?, updated_seq = ? "
               "WHERE id = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, ToString(CrState::kInReview));
                 s.Bind(2, static_cast<std::int64_t>(p.approvals_required)).Bind(3, e.seq);
                 s.Bind(4, e.subject.id);
               }));
  return SetItemStates(db, e.subject.id, VersionState::kDraft, VersionState::kInReview, e.seq);
}

Status Approved(storage::Database& db, const LedgerEntry& e, const ChangeRequestApproved& p) {
  ORDO_TRY(SetCrState(db, e.subject.id, CrState::kApproved, e.seq));
  return Run(db,
             "UPDATE md_version SET state = ?, effective_from_us = ?, updated_seq = ? "
             "WHERE change_request = ? AND state = ?",
             [&](storage::Statement& s) {
               s.Bind(1, ToString(VersionState::kApproved)).Bind(2, p.effective_from_us);
               s.Bind(3, e.seq).Bind(4, e.subject.id).Bind(5, ToString(VersionState::kInReview));
             });
}

Status Rejected(storage::Database& db, const LedgerEntry& e, const ChangeRequestRejected&) {
  ORDO_TRY(SetCrState(db, e.subject.id, CrState::kRejected, e.seq));
  ORDO_TRY(SetItemStates(db, e.subject.id, VersionState::kInReview, VersionState::kDraft, e.seq));
  return BumpRevision(db, e.subject.id, e.seq);
}

Status CrWithdrawn(storage::Database& db, const LedgerEntry& e, const ChangeRequestWithdrawn&) {
  ORDO_TRY(SetCrState(db, e.subject.id, CrState::kWithdrawn, e.seq));
  ORDO_TRY(SetItemStates(db, e.subject.id, VersionState::kDraft, VersionState::kWithdrawn, e.seq));
  return SetItemStates(db, e.subject.id, VersionState::kInReview, VersionState::kWithdrawn, e.seq);
}

}  // namespace

void RegisterProjectors() {
  store::RegisterProjector<ChangeRequestOpened>(&Opened);
  store::RegisterProjector<DraftSaved>(&Saved);
  store::RegisterProjector<DraftWithdrawn>(&Withdrawn);
  store::RegisterProjector<ChangeRequestSubmitted>(&Submitted);
  store::RegisterProjector<ChangeRequestApproved>(&Approved);
  store::RegisterProjector<ChangeRequestRejected>(&Rejected);
  store::RegisterProjector<ChangeRequestWithdrawn>(&CrWithdrawn);
}

}  // namespace ordo::masterdata
