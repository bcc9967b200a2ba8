// The MQTT connector's flags of `ordo serve` (docs/mqtt.md, docs/sparkplug.md): added to
// the serve command, then turned into the connector, a background service of serve.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/result.h"
#include "mes/equipment/mqtt/client.h"
#include "server/background_service.h"

namespace ordo::cli {

class ServeMqttOptions {
 public:
  // Adds --mqtt-broker, --mqtt-client-id, --mqtt-username, --mqtt-password-file,
  // --mqtt-cafile, --mqtt-keepalive and --sparkplug-host-id to `serve`. The options object
  // must outlive the parse.
  void AddTo(CLI::App* serve);
  // The connector for the parsed flags, or null without --mqtt-broker. invalid_argument
  // with the flag as field: an --mqtt-* or --sparkplug-* flag without --mqtt-broker, a
  // malformed broker, --mqtt-password-file without --mqtt-username or unreadable, a host
  // id that is empty, over 64 characters or holds '/', '+' or '#'.
  Result<std::shared_ptr<server::BackgroundService>> Service();

 private:
  std::string broker_, password_file_, sparkplug_host_id_;
  equipment::mqtt::ClientOptions mqtt_;
};

}  // namespace ordo::cli
