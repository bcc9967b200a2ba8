// Application commands for master data change control, electronic signatures, the
// signature policy, site settings and personnel qualifications. Each loads current
// state on the writer connection, calls the pure decision (src/domain/masterdata,
// src/domain/signatures) and replies with the view the API returns. The caller has
// already re-authenticated every signer (password checked off the writer).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/masterdata/change_control.h"
#include "engine/engine.h"
#include "mes/signatures/signing.h"

namespace ordo::app {

// A signer as the API authenticated them (the signatures capability's public type).
using signatures::SignerIdentity;

// change_request.opened. Reply: {change_request}.
engine::Command OpenChangeRequest(engine::Actor actor, masterdata::OpenChangeRequest command);
// masterdata.draft_saved. Reply: {change_request}.
engine::Command SaveDraft(engine::Actor actor, masterdata::SaveDraft command);
// masterdata.draft_withdrawn. Reply: {change_request}.
engine::Command WithdrawDraft(engine::Actor actor, std::string change_request, std::string kind,
                              std::string id);
// signature.applied + change_request.submitted. Reply: {change_request}.
engine::Command SubmitChangeRequest(engine::Actor actor, std::string change_request,
                                    SignerIdentity signer);
// signature.applied + reviewed / approval_signed (+ approved) / rejected.
engine::Command SignChangeRequest(engine::Actor actor, std::string change_request,
                                  SignerIdentity signer);
// change_request.withdrawn. Reply: {change_request}.
engine::Command WithdrawChangeRequest(engine::Actor actor, std::string change_request,
                                      std::string reason);

// One object read from a plant file, with where it came from (for error messages).
struct PlantObjectSource {
  std::string kind, id, file;
  Json content;
};
// change_request.opened + one masterdata.draft_saved per object whose content differs
// from its version in force, in one transaction: any refusal (e.g. an open draft of
// the object elsewhere) names the file and nothing is written. Fails with
// failed_precondition (reason no_change) when nothing differs. Reply:
// {change_request, unchanged}.
engine::Command ApplyPlant(engine::Actor actor, masterdata::OpenChangeRequest command,
                           std::vector<PlantObjectSource> objects);

// site.settings_changed. `settings` holds only known keys with checked values.
engine::Command ChangeSiteSettings(engine::Actor actor, Json settings, std::string reason);
// user.renamed: a new printed name (old signatures keep the name they were made with).
engine::Command RenameUser(engine::Actor actor, std::int64_t user_id, std::string display_name,
                           std::string reason);

}  // namespace ordo::app
