// A background service of `ordo-mis serve` (e.g. the ledger feed consumer):
// started after the store is open and before the server listens, stopped on shutdown
// after the server stopped accepting. The composition root hands services to serve in
// ServeOptions::services.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mis/app/options.h"
#include "mis/calendar/time_zone.h"

namespace ordo::mis::app {

struct ServiceContext {
  std::string data_dir;
  std::string store_path;            // DIR/mis.db: open your own connection to it
  std::optional<MesConnection> mes;  // from --mes, --mes-user, --mes-password-file
  const Clock* clock = nullptr;
  calendar::TimeZone time_zone = calendar::TimeZone::Utc();  // the site's (serve.h)
};

class Service {
 public:
  virtual ~Service() = default;
  virtual std::string name() const = 0;
  // Starts the service's own threads. An error stops serve before it listens (exit 2).
  virtual Status Start(const ServiceContext& context) = 0;
  // Stops and joins; called once, from the main thread.
  virtual void Stop() = 0;
};

}  // namespace ordo::mis::app
