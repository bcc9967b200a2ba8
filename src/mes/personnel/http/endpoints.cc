// The personnel endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/personnel/http/endpoints.h"

#include "mes/masterdata/permissions.h"
#include "mes/personnel/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::personnel {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using masterdata::kMasterdataRead;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{"POST",
                       "/api/v1/personnel/qualifications",
                       kPersonnelManage,
                       {{{"user_id", F::kInteger, true, 0, "user"},
                         {"qualification", F::kString, true, 64, "qualification id (in force)"},
                         {"expires", F::kString, false, 10, "YYYY-MM-DD"}}},
                       "command",
                       "Grant a qualification",
                       &server::GrantQualification};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/personnel/qualifications",
                       kMasterdataRead,
                       {},
                       "read",
                       "Qualification grants (?user_id=)",
                       &server::ListQualificationGrants};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/personnel/training",
                       kPersonnelManage,
                       {{{"user_id", F::kInteger, true, 0, "user"},
                         {"course", F::kString, true, 200, "course or document trained on"},
                         {"completed", F::kString, true, 10, "YYYY-MM-DD"},
                         {"trainer", F::kString, false, 200, "who trained"}}},
                       "command",
                       "Record a training",
                       &server::RecordTraining};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/personnel/training",
                       kMasterdataRead,
                       {},
                       "read",
                       "Training records, newest first (?user_id=)",
                       &server::ListTraining};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::personnel
