// Parsing and checking of `ordo-mis` command-line values: the listen address, and the
// connection to an ordo MES (`--mes URL --mes-user NAME --mes-password-file FILE
// [--mes-ca FILE] [--mes-public-key HEX]`), which the ledger feed consumer uses. Every
// refusal is invalid_argument naming the flag.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace ordo::mis::app {

struct ListenAddress {
  std::string address;     // e.g. "127.0.0.1"
  std::uint16_t port = 0;  // 0 = any free port
};

// "127.0.0.1:8090" -> {127.0.0.1, 8090}; the port 0..65535. Field "listen".
Result<ListenAddress> ParseListen(const std::string& text);

// Where the MES is and who the MIS signs in as there (the ledger feed consumer,
// mis/feed/consumer.h).
struct MesConnection {
  std::string url;   // "http://host:port" or "https://host:port" (without a trailing '/')
  std::string host;  // "mes.example" or "127.0.0.1"
  std::uint16_t port = 0;
  bool tls = false;     // https: the MES's certificate chain and host name are verified
  std::string ca_file;  // https: the CA certificates (PEM) to verify against; "" = the system's
  std::string user;
  std::string password;  // the first line of --mes-password-file
  // The site's Ed25519 public key (64 lower-case hex digits) the MES's signed checkpoints
  // must verify under (--mes-public-key); "" = checkpoints not checked.
  std::string public_key;
  // With public_key: more entries taken past the newest verified checkpoint than
  // overdue_entries, or the oldest of them waiting more than overdue_seconds, raises the
  // alarm checkpoint_overdue (--checkpoint-overdue-entries, --checkpoint-overdue-seconds;
  // 3 times the MES's default cadence of 1,000 entries or 600 s; 0 = that limit off).
  std::int64_t overdue_entries = 3000;
  std::int64_t overdue_seconds = 1800;
};

// "http://host:port" or "https://host:port" (a trailing '/' allowed; no path, user info,
// query or fragment; port 1..65535). Field "mes".
Result<MesConnection> ParseMesUrl(const std::string& url);

// All three of --mes, --mes-user and --mes-password-file, or none (nullopt). Checks the
// URL, the user name (1 to 64 printable ASCII characters, no space) and reads the
// password file's first line (non-empty); each refusal names its flag. `ca_file`
// (--mes-ca, optional) only with an https URL, and readable (reason `ca_file_unreadable`).
// `public_key` (--mes-public-key, optional) only with --mes: 64 hex digits (either case,
// kept in lower case; reason `invalid_public_key`), field "mes-public-key".
Result<std::optional<MesConnection>> MesConnectionFromFlags(const std::string& url,
                                                            const std::string& user,
                                                            const std::string& password_file,
                                                            const std::string& ca_file = "",
                                                            const std::string& public_key = "");

// --checkpoint-overdue-entries and --checkpoint-overdue-seconds ("" = not given: the
// default) into `mes`: each a whole number from 0 to 1,000,000,000 (0: that limit off),
// else invalid_argument naming the flag (reason invalid_checkpoint_overdue); given without
// --mes-public-key (nothing is checked then) invalid_argument naming the flag (reason
// checkpoint_overdue_without_key).
Status SetCheckpointOverdue(std::optional<MesConnection>& mes, const std::string& entries,
                            const std::string& seconds);

// --mes-public-key: the site's Ed25519 public key as 64 hex digits (either case), returned
// in lower case, as the MES writes it. invalid_argument on "mes-public-key" otherwise.
Result<std::string> ParsePublicKey(const std::string& text);

// The first line of `file` without its line end: invalid_argument on `field` when the
// file cannot be read or the line is empty.
Result<std::string> ReadPasswordFile(const std::string& file, const std::string& field);

}  // namespace ordo::mis::app
