// The include rules of ordo's layout, checked one #include at a time, and the tree walk.
// Paths in includes are relative to src/ (or tests/, bench/ for their own support code).
#include "include_rules.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

namespace ordo::fences {

namespace fs = std::filesystem;

namespace {

// Indexed by rule number.
constexpr std::array<std::string_view, 7> kRuleText = {
    "",
    "a capability's domain/ may include only system headers (not sqlite3.h), core/, the "
    "allow-listed ledger/ headers, published event definitions (mes/Y/events.h, "
    "mes/Y/events/), its own domain/ and other capabilities' public domain/ headers",
    "a capability may not include another capability's store/, commands/ or http/",
    "only src/storage/sqlite/ may include sqlite3.h",
    "src/mis/ may include only system headers (not sqlite3.h), core/, ledger/, storage/, "
    "client/, the allow-listed HTTP runtime headers of server/ (kHttpRuntimeHeadersForMis: "
    "transport, problem+json, body decoder, sessions; never server/api.h or server/serve.h), "
    "published event definitions (mes/Y/events.h, mes/Y/events/) and mis/",
    "only src/mis/ may include mis/",
    "a detail/ header may be included only from within its parent folder",
};

// Where a quoted include points, relative to src/ (or tests/, bench/): "./x", "../x" and
// "detail/x" are found beside the including file, as the compiler finds them.
std::string Resolve(const std::string& file, const std::string& included, bool angled) {
  if (angled || !(included.starts_with("./") || included.starts_with("../") ||
                  included.starts_with("detail/"))) {
    return included;
  }
  std::string path = (fs::path(file).parent_path() / included).lexically_normal().generic_string();
  for (std::string_view root : {"src/", "tests/", "bench/"}) {
    if (path.starts_with(root)) return path.substr(root.size());
  }
  return path;
}

// "Y" for a src-relative "mes/Y/...", else "".
std::string CapabilityOf(std::string_view path) {
  if (!path.starts_with("mes/")) return "";
  path.remove_prefix(4);
  const std::size_t slash = path.find('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

// For "mes/Y/rest" (with Y = CapabilityOf(path) non-empty): "rest".
std::string_view WithinCapability(std::string_view path) {
  return path.substr(5 + CapabilityOf(path).size());
}

bool IsEventDefinitions(std::string_view target) {
  if (CapabilityOf(target).empty()) return false;
  const std::string_view rest = WithinCapability(target);
  return rest == "events.h" || rest.starts_with("events/");
}

bool IsSqliteHeader(std::string_view target) {
  return target == "sqlite3.h" || target.ends_with("/sqlite3.h");
}

// The folder (src-relative, with trailing '/') whose detail/ `target` is in, if any.
std::optional<std::string> DetailOwner(std::string_view target) {
  if (target.starts_with("detail/")) return std::string();
  const std::size_t pos = target.find("/detail/");
  if (pos == std::string_view::npos) return std::nullopt;
  return std::string(target.substr(0, pos + 1));
}

bool DomainMayInclude(const std::string& capability, const std::string& target, bool project,
                      bool sqlite) {
  if (sqlite) return false;
  if (!project) return true;
  if (target.starts_with("core/") || IsEventDefinitions(target)) return true;
  if (std::find(kLedgerHeadersForDomain.begin(), kLedgerHeadersForDomain.end(), target) !=
      kLedgerHeadersForDomain.end()) {
    return true;
  }
  const std::string other = CapabilityOf(target);
  if (other.empty() || !WithinCapability(target).starts_with("domain/")) return false;
  return other == capability || !DetailOwner(target).has_value();
}

bool MisMayInclude(const std::string& target, bool project, bool sqlite) {
  if (sqlite) return false;
  if (!project || IsEventDefinitions(target)) return true;
  for (std::string_view prefix : {"core/", "ledger/", "storage/", "client/", "mis/"}) {
    if (target.starts_with(prefix)) return true;
  }
  return std::find(kHttpRuntimeHeadersForMis.begin(), kHttpRuntimeHeadersForMis.end(), target) !=
         kHttpRuntimeHeadersForMis.end();
}

}  // namespace

std::vector<Violation> CheckInclude(const std::string& file, const std::string& included,
                                    bool angled) {
  const std::string target = Resolve(file, included, angled);
  // An angled mes/ or mis/ include still means ordo's own header.
  const bool project = !angled || target.starts_with("mes/") || target.starts_with("mis/");
  const bool sqlite = IsSqliteHeader(target);
  const std::string capability = file.starts_with("src/") ? CapabilityOf(file.substr(4)) : "";
  const bool in_mis = file.starts_with("src/mis/");

  std::vector<Violation> violations;
  auto refuse = [&](int rule, const std::string& specifics = "") {
    const std::string shown = angled ? "<" + included + ">" : "\"" + included + "\"";
    violations.push_back({rule, file, included,
                          file + ": #include " + shown + " breaks rule " + std::to_string(rule) +
                              ": " + std::string(kRuleText[rule]) + specifics});
  };

  if (!capability.empty() && file.starts_with("src/mes/" + capability + "/domain/") &&
      !DomainMayInclude(capability, target, project, sqlite)) {
    refuse(1);
  }
  if (!capability.empty() && project) {
    const std::string other = CapabilityOf(target);
    const std::string_view rest = other.empty() ? "" : WithinCapability(target);
    if (!other.empty() && other != capability &&
        (rest.starts_with("store/") || rest.starts_with("commands/") ||
         rest.starts_with("http/"))) {
      refuse(2);
    }
  }
  if (sqlite && !file.starts_with("src/storage/sqlite/")) refuse(3);
  if (in_mis && !MisMayInclude(target, project, sqlite)) refuse(4);
  if (project && target.starts_with("mis/") && !in_mis) refuse(5);
  if (const auto owner = project ? DetailOwner(target) : std::nullopt; owner.has_value()) {
    const bool inside = file.starts_with("src/" + *owner) || file.starts_with("tests/" + *owner) ||
                        file.starts_with("bench/" + *owner);
    if (!inside) refuse(6, " (" + *owner + "detail/ is private to src/" + *owner + ")");
  }
  return violations;
}

bool ParseIncludeLine(std::string_view line, std::string* included, bool* angled) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos || line[i] != '#') return false;
  i = line.find_first_not_of(" \t", i + 1);
  if (i == std::string_view::npos || line.substr(i, 7) != "include") return false;
  i = line.find_first_not_of(" \t", i + 7);
  if (i == std::string_view::npos || (line[i] != '<' && line[i] != '"')) return false;
  const char close = line[i] == '<' ? '>' : '"';
  const std::size_t end = line.find(close, i + 1);
  if (end == std::string_view::npos) return false;
  *included = std::string(line.substr(i + 1, end - i - 1));
  *angled = close == '>';
  return true;
}

TreeScan ScanTree(const fs::path& repo_root) {
  TreeScan scan;
  for (const char* top : {"src", "tests", "bench"}) {
    std::error_code error;
    fs::recursive_directory_iterator it(repo_root / top,
                                        fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const std::string ext = it->path().extension().string();
      if (it->is_regular_file(error) &&
          (ext == ".h" || ext == ".hpp" || ext == ".cc" || ext == ".cpp")) {
        scan.files.push_back(it->path().lexically_relative(repo_root).generic_string());
      }
    }
  }
  std::sort(scan.files.begin(), scan.files.end());

  for (const std::string& file : scan.files) {
    std::ifstream in(repo_root / file);
    std::string line;
    std::string included;
    bool angled = false;
    while (std::getline(in, line)) {
      if (!ParseIncludeLine(line, &included, &angled)) continue;
      ++scan.includes;
      for (Violation& v : CheckInclude(file, included, angled)) {
        scan.violations.push_back(std::move(v));
      }
    }
  }
  return scan;
}

std::vector<Violation> CheckTree(const fs::path& repo_root) {
  return ScanTree(repo_root).violations;
}

}  // namespace ordo::fences
