// Checks of ordo-mis flags.
#include "mis/app/options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <tuple>

namespace ordo::mis::app {

namespace {

std::optional<int> Port(const std::string& text, int min) {
  int port = -1;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, port);
  if (text.empty() || text.size() > 5 || ec != std::errc() || ptr != end || port < min ||
      port > 65535)
    return std::nullopt;
  return port;
}

}  // namespace

Result<ListenAddress> ParseListen(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return Error::Invalid("listen", "--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8090");
  const auto port = Port(text.substr(colon + 1), 0);
  if (!port)
    return Error::Invalid("listen", "--listen: the port must be 0..65535 (0 = any free port)");
  return ListenAddress{text.substr(0, colon), static_cast<std::uint16_t>(*port)};
}

Result<MesConnection> ParseMesUrl(const std::string& url) {
  auto bad = [&](const std::string& why) {
    return Error::Invalid("mes", "--mes must be http://HOST:PORT or https://HOST:PORT (" + why +
                                     "), not '" + url + "'");
  };
  const bool tls = url.rfind("https://", 0) == 0;
  const std::string scheme = tls ? "https://" : "http://";
  if (url.rfind(scheme, 0) != 0) return bad("scheme http:// or https://");
  std::string rest = url.substr(scheme.size());
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.find_first_of("/?#@ \t") != std::string::npos)
    return bad("no path, user, query or fragment");
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0) return bad("the host and the port are needed");
  const std::string host = rest.substr(0, colon);
  if (host.find(':') != std::string::npos) return bad("IPv6 addresses are not supported");
  const auto port = Port(rest.substr(colon + 1), 1);
  if (!port) return bad("the port must be 1..65535");
  MesConnection mes;
  mes.url = scheme + rest;
  mes.host = host;
  mes.port = static_cast<std::uint16_t>(*port);
  mes.tls = tls;
  return mes;
}

Result<std::string> ReadPasswordFile(const std::string& file, const std::string& field) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line))
    return Error::Invalid(field, "cannot read the password file '" + file + "'",
                          "password_file_unreadable");
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.empty())
    return Error::Invalid(field, "the first line of the password file '" + file + "' is empty",
                          "password_empty");
  return line;
}

Result<std::string> ParsePublicKey(const std::string& text) {
  std::string key = text;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool hex = std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (key.size() != 64 || !hex)
    return Error::Invalid("mes-public-key",
                          "--mes-public-key is the site's Ed25519 public key as 64 hex digits "
                          "(the public_key of ledger entry 1 or of an export's header), not '" +
                              text + "'",
                          "invalid_public_key");
  return key;
}

Result<std::optional<MesConnection>> MesConnectionFromFlags(const std::string& url,
                                                            const std::string& user,
                                                            const std::string& password_file,
                                                            const std::string& ca_file,
                                                            const std::string& public_key) {
  const int given = !url.empty() + !user.empty() + !password_file.empty();
  if (given == 0 && !ca_file.empty())
    return Error::Invalid("mes-ca", "--mes-ca goes with an https:// --mes");
  if (given == 0 && !public_key.empty())
    return Error::Invalid("mes-public-key", "--mes-public-key goes with --mes");
  if (given == 0) return std::optional<MesConnection>();
  if (given != 3) {
    const std::string field = url.empty() ? "mes" : user.empty() ? "mes-user" : "mes-password-file";
    return Error::Invalid(field,
                          "--mes, --mes-user and --mes-password-file go together: give all three "
                          "or none (--" +
                              field + " is missing)");
  }
  auto mes = ParseMesUrl(url);
  if (!mes.ok()) return mes.error();
  const bool printable =
      std::all_of(user.begin(), user.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (user.size() > 64 || !printable)
    return Error::Invalid("mes-user", "--mes-user is a login name of 1 to 64 printable characters");
  if (!ca_file.empty()) {
    if (!mes->tls) return Error::Invalid("mes-ca", "--mes-ca goes with an https:// --mes");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(ca_file, ec) || !std::ifstream(ca_file))
      return Error::Invalid("mes-ca", "cannot read the CA file '" + ca_file + "' (a PEM file)",
                            "ca_file_unreadable");
    mes->ca_file = ca_file;
  }
  if (!public_key.empty()) {
    auto key = ParsePublicKey(public_key);
    if (!key.ok()) return key.error();
    mes->public_key = std::move(*key);
  }
  auto password = ReadPasswordFile(password_file, "mes-password-file");
  if (!password.ok()) return password.error();
  mes->user = user;
  mes->password = std::move(*password);
  return std::optional<MesConnection>(std::move(*mes));
}

Status SetCheckpointOverdue(std::optional<MesConnection>& mes, const std::string& entries,
                            const std::string& seconds) {
  for (const auto& [flag, text, target] :
       {std::tuple{"checkpoint-overdue-entries", &entries, mes ? &mes->overdue_entries : nullptr},
        std::tuple{"checkpoint-overdue-seconds", &seconds,
                   mes ? &mes->overdue_seconds : nullptr}}) {
    if (text->empty()) continue;
    const std::string field = flag;
    const bool digits = text->size() <= 10 && std::all_of(text->begin(), text->end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    const std::int64_t value = digits ? std::stoll(*text) : -1;
    if (!digits || value > 1'000'000'000)
      return Error::Invalid(
          field,
          "--" + field + " is a whole number from 0 to 1000000000 (0: off), not '" + *text + "'",
          "invalid_checkpoint_overdue");
    if (!mes || mes->public_key.empty())
      return Error::Invalid(field,
                            "--" + field +
                                " goes with --mes-public-key: without the site's key the MES's "
                                "checkpoints are not checked",
                            "checkpoint_overdue_without_key");
    *target = value;
  }
  return Ok();
}

}  // namespace ordo::mis::app
