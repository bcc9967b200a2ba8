// The supervisor's override of an availability block:
// POST /api/v1/work-units/{id}/availability-override (docs/equipment.md, "Availability").
#include "mes/equipment/commands/availability_commands.h"
#include "mes/equipment/http/equipment_http.h"
#include "mes/equipment/permissions.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::equipment {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> Override(Api& api, Call& call) {
  engine::Command command = OverrideAvailabilityCommand(api.ActorOf(call), call.params["id"],
                                                        call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Json OverrideSchema() {
  using namespace server::schema;
  return Object(
      {{"override",
        Object({{"work_unit", String()},
                {"down_since", Time("the down spell's start (device time): the override ends "
                                    "with this spell")},
                {"reason_code", Nullable(String("the spell's DOWNTIME code; null = unassigned"))},
                {"reason", String("why starts are let through")},
                {"by", String("the supervisor")},
                {"at", Time("when (server time)")}})}});
}

}  // namespace

std::vector<server::Endpoint> AvailabilityEndpoints() {
  using F = server::FieldType;
  server::Endpoint e{
      "POST",
      "/api/v1/work-units/{id}/availability-override",
      kAvailabilityOverride,
      {{{"reason", F::kString, true, 1000, "why starts are let through (recorded)"}}},
      "command",
      "Let starts through on a work unit blocked by a long down spell, until it "
      "leaves down",
      &Override};
  e.response_schema = OverrideSchema();
  return {e};
}

}  // namespace ordo::equipment
