// The MQTT connector's flags of `ordo serve` (serve_mqtt_options.h).
#include "cli/serve_mqtt_options.h"

#include <fstream>

#include "mes/equipment/mqtt/service.h"

namespace ordo::cli {

void ServeMqttOptions::AddTo(CLI::App* serve) {
  serve->add_option("--mqtt-broker", broker_,
                    "connect to this MQTT broker (HOST:PORT) and ingest machine data from it");
  serve->add_option("--mqtt-client-id", mqtt_.client_id,
                    "MQTT client id: names ordo's persistent session at the broker (default ordo)");
  serve->add_option("--mqtt-username", mqtt_.username, "MQTT user name");
  serve->add_option("--mqtt-password-file", password_file_,
                    "file whose first line is the MQTT password (with --mqtt-username)");
  serve->add_option("--mqtt-cafile", mqtt_.cafile,
                    "PEM CA certificate(s): connect with TLS and check the broker against them");
  serve
      ->add_option("--mqtt-keepalive", mqtt_.keepalive_seconds,
                   "seconds between MQTT keepalive pings; a broker silent for 1.5 times this "
                   "is taken as lost and ordo reconnects (default 30)")
      ->check(CLI::Range(5, 3600));
  // Sparkplug B host application id (docs/sparkplug.md): spBv1.0/STATE/<host id>.
  serve->add_option("--sparkplug-host-id", sparkplug_host_id_,
                    "Sparkplug B host id of ordo's STATE topic (default ordo; with --mqtt-broker)");
}

Result<std::shared_ptr<server::BackgroundService>> ServeMqttOptions::Service() {
  if (broker_.empty()) {
    if (!mqtt_.username.empty() || !password_file_.empty() || !mqtt_.cafile.empty() ||
        !sparkplug_host_id_.empty())
      return Error::Invalid("mqtt-broker",
                            "the --mqtt-* and --sparkplug-* options go with --mqtt-broker");
    return std::shared_ptr<server::BackgroundService>();
  }
  auto broker = equipment::mqtt::ParseBroker(broker_);
  if (!broker.ok()) return broker.error();
  mqtt_.host = broker->first;
  mqtt_.port = broker->second;
  if (!password_file_.empty()) {
    if (mqtt_.username.empty())
      return Error::Invalid("mqtt-password-file", "--mqtt-password-file needs --mqtt-username");
    std::ifstream in(password_file_);
    if (!in || !std::getline(in, mqtt_.password))
      return Error::Invalid("mqtt-password-file",
                            "cannot read the password from " + password_file_);
    if (!mqtt_.password.empty() && mqtt_.password.back() == '\r') mqtt_.password.pop_back();
  }
  std::string host_id = sparkplug_host_id_.empty() ? std::string("ordo") : sparkplug_host_id_;
  if (host_id.size() > 64 || host_id.find_first_of("/+#") != std::string::npos)
    return Error::Invalid("sparkplug-host-id",
                          "--sparkplug-host-id is 1 to 64 characters without '/', '+' or '#'");
  return std::shared_ptr<server::BackgroundService>(
      std::make_shared<equipment::mqtt::MqttService>(mqtt_, host_id));
}

}  // namespace ordo::cli
