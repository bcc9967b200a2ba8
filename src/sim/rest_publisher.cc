// The REST publisher (rest_publisher.h).
#include "sim/rest_publisher.h"

#include <algorithm>

#include "sim/messages.h"

namespace ordo::sim {

RestPublisher::RestPublisher(client::HttpClient client, RestOptions options,
                             std::function<void(const std::string&)> log)
    : client_(std::move(client)),
      options_(std::move(options)),
      log_(std::move(log)),
      next_seq_(options_.first_seq) {}

bool RestPublisher::Publish(const Stream& stream, const std::atomic<bool>& stop,
                            std::string* error) {
  // States and counts first, then the samples in batches of their own, so that a refusal
  // of samples leaves the rest alone.
  Stream events = stream;
  events.samples.clear();
  for (auto& batch : RestBatches(options_.source, 0, events, false, options_.max_items))
    if (!Send(std::move(batch), false, stop, error)) return false;
  if (options_.samples && !stream.samples.empty()) {
    Stream samples;
    samples.samples = stream.samples;
    for (auto& batch : RestBatches(options_.source, 0, samples, true, options_.max_items)) {
      if (!options_.samples) break;
      if (!Send(std::move(batch), true, stop, error)) return false;
    }
  }
  return true;
}

bool RestPublisher::Send(Json batch, bool samples_only, const std::atomic<bool>& stop,
                         std::string* error) {
  std::int64_t backoff_ms = 250;
  bool outage = false;
  while (true) {
    if (stop.load()) {
      error->clear();
      return false;
    }
    batch["seq"] = next_seq_;
    client::HttpReply r = client_.Request("POST", "/api/v1/equipment-data", batch.dump(),
                                          options_.key, {{"Content-Type", "application/json"}});
    if (r.ok()) {
      if (outage) log_("delivered again from seq " + std::to_string(next_seq_));
      ++next_seq_;
      ++batches_sent_;
      return true;
    }
    const Json problem = r.json();
    // The problem's specific reason (e.g. seq_reused), else its general code.
    const std::string code =
        problem.is_object() ? problem.value("reason", problem.value("code", "")) : "";
    if (r.status == 0 || r.status >= 500 || r.status == 429) {
      if (!outage)
        log_("seq " + std::to_string(next_seq_) + " not delivered (" +
             (r.status == 0 ? r.error : "HTTP " + std::to_string(r.status)) +
             "); retrying with the same seq");
      outage = true;
      ++retries_;
      SleepUnlessStopped(backoff_ms, stop);
      backoff_ms = std::min<std::int64_t>(backoff_ms * 2, 5000);
      continue;
    }
    if (r.status == 409 && code == "seq_reused") {
      // Another run of this source took the seq: move past it (nothing was recorded).
      log_("seq " + std::to_string(next_seq_) + " was used by an earlier run; moving on");
      ++next_seq_;
      continue;
    }
    if (samples_only) {
      log_("the server refused samples (" + code + ": " +
           (problem.is_object() ? problem.value("detail", "") : r.body) +
           "); sending states and counts only");
      options_.samples = false;
      return true;
    }
    *error = "seq " + std::to_string(next_seq_) + " refused: HTTP " + std::to_string(r.status) +
             " " + code + ": " +
             (problem.is_object()
                  ? problem.value("detail", "") + " (field " + problem.value("field", "") + ")"
                  : r.body);
    return false;
  }
}

}  // namespace ordo::sim
