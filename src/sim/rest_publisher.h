// Publishes the simulated stream to ordo's REST ingest, POST /api/v1/equipment-data, as a
// rest source with its API key (docs/equipment.md). Each batch gets the next seq; a batch
// that could not be delivered (connection refused or cut, 5xx, 429) is sent again with the
// same seq and content until it is, so nothing is skipped and nothing doubles (ingest is
// idempotent on (source, seq)).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "client/http_client.h"
#include "sim/messages.h"
#include "sim/runner.h"

namespace ordo::sim {

struct RestOptions {
  std::string source, key;
  std::int64_t first_seq = 1;
  // Send samples too (they need the telemetry store and tag definitions "<work unit>.<tag>"
  // on the server). A sample batch the server refuses turns them off for the rest of the
  // run, with one line in the log; states and counts go on.
  bool samples = false;
  std::size_t max_items = 5000;  // items per batch (the server's limit)
};

class RestPublisher final : public Publisher {
 public:
  // `log` receives one line per event worth telling (outage, recovery, samples off).
  RestPublisher(client::HttpClient client, RestOptions options,
                std::function<void(const std::string&)> log);
  bool Publish(const Stream& stream, const std::atomic<bool>& stop, std::string* error) override;
  std::int64_t next_seq() const { return next_seq_; }
  std::size_t batches_sent() const { return batches_sent_; }
  std::size_t retries() const { return retries_; }

 private:
  // Sends one batch body (its seq set here); false as Publish.
  bool Send(Json batch, bool samples_only, const std::atomic<bool>& stop, std::string* error);

  client::HttpClient client_;
  RestOptions options_;
  std::function<void(const std::string&)> log_;
  std::int64_t next_seq_;
  std::size_t batches_sent_ = 0, retries_ = 0;
};

}  // namespace ordo::sim
