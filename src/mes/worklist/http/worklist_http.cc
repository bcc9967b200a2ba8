// Handler of GET /api/v1/worklist: the registered sources the caller's roles grant,
// collected on the reader connection (server/worklist.h).
#include "mes/worklist/http/worklist_http.h"

#include "mes/worklist/permissions.h"
#include "server/api.h"
#include "server/worklist.h"

namespace ordo::worklist {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> Read(Api& api, Call& call) {
  const server::Worklist list = server::CollectWorklist(
      server::RegisteredWorklistSources(), api.reader(), *call.session, api.clock().NowMicros());
  co_return server::JsonResponse(200, server::ToJson(list));
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  server::Endpoint read{"GET",
                        "/api/v1/worklist",
                        kWorklistRead,
                        {},
                        "read",
                        "What waits for the caller: change requests to approve, own drafts and "
                        "submitted requests with what they wait for, security alerts (admins); "
                        "a failing source is listed under errors, the rest still answer",
                        &Read};
  read.response_schema = server::WorklistSchema();
  return {read};
}

}  // namespace ordo::worklist
