// The registered serve tasks (serve_tasks.h).
#include "server/serve_tasks.h"

namespace ordo::server {

namespace {
std::vector<ServeTask>& Tasks() {
  static std::vector<ServeTask> tasks;
  return tasks;
}
}  // namespace

void RegisterServeTask(ServeTask task) { Tasks().push_back(std::move(task)); }

const std::vector<ServeTask>& RegisteredServeTasks() { return Tasks(); }

bool ServeTaskHasMore(const engine::CommandReply& reply) {
  return reply.body.is_object() && reply.body.value("more", false) == true;
}

}  // namespace ordo::server
