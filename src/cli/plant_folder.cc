// The local side of `ordo plant`: server URLs, collecting the files to apply and
// mirroring an export into a folder (see plant_commands.h).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/plant_commands.h"

namespace ordo::cli {

namespace fs = std::filesystem;

Result<ServerUrl> ParseServerUrl(const std::string& url) {
  ServerUrl out;
  std::string rest;
  if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else if (url.rfind("https://", 0) == 0) {
    out.tls = true;
    rest = url.substr(8);
  } else {
    return Error::Invalid("server", "--server must be http://HOST:PORT or https://HOST:PORT");
  }
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  std::string port;
  if (!rest.empty() && rest[0] == '[') {
    auto close = rest.find(']');
    if (close == std::string::npos) return Error::Invalid("server", "--server: unclosed [ in host");
    out.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') return Error::Invalid("server", "--server: bad text after ]");
      port = rest.substr(close + 2);
    }
  } else {
    auto colon = rest.find(':');
    out.host = rest.substr(0, colon);
    if (colon != std::string::npos) port = rest.substr(colon + 1);
  }
  if (out.host.empty() || out.host.find_first_of("/?#@ ") != std::string::npos)
    return Error::Invalid("server", "--server: give a host name or address, e.g. http://mes:8080");
  if (port.empty()) {
    out.port = out.tls ? 443 : 80;
    return out;
  }
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) < 1 || std::stoi(port) > 65535)
    return Error::Invalid("server", "--server: the port must be 1..65535");
  out.port = static_cast<std::uint16_t>(std::stoi(port));
  return out;
}

namespace {

Result<std::string> ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::Make(ErrorCode::kInternal, "cannot open " + file.string());
  std::ostringstream text;
  text << in.rdbuf();  // (sets failbit on `text` for an empty file: not an error)
  if (in.bad()) return Error::Make(ErrorCode::kInternal, "cannot read " + file.string());
  return text.str();
}

// Whether `path` is relative, stays inside its folder and names a *.yaml file.
bool IsSafeRelativeYaml(const std::string& path) {
  if (path.empty() || path.find('\\') != std::string::npos || path.find('\0') != std::string::npos)
    return false;
  fs::path p(path);
  if (p.is_absolute() || p.has_root_name() || p.extension() != ".yaml") return false;
  for (const auto& part : p)
    if (part == ".." || part == "." || part.empty()) return false;
  return true;
}

}  // namespace

Result<std::vector<masterdata::plant::PlantFile>> CollectPlantFiles(const std::string& path) {
  std::error_code ec;
  const fs::path root(path);
  const auto status = fs::status(root, ec);
  if (ec || !fs::exists(status)) return Error::Invalid("path", "no such file or folder: " + path);
  std::vector<masterdata::plant::PlantFile> files;
  if (fs::is_regular_file(status)) {
    auto text = ReadText(root);
    if (!text.ok()) return text.error();
    files.push_back({root.filename().string(), *text});
    return files;
  }
  if (!fs::is_directory(status))
    return Error::Invalid("path", path + " is neither a file nor a folder");
  for (fs::recursive_directory_iterator
           it(root, fs::directory_options::follow_directory_symlink, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".yaml") continue;
    auto text = ReadText(it->path());
    if (!text.ok()) return text.error();
    files.push_back({it->path().lexically_relative(root).generic_string(), *text});
  }
  if (ec) return Error::Make(ErrorCode::kInternal, "cannot list " + path + ": " + ec.message());
  if (files.empty()) return Error::Invalid("path", "no *.yaml files below " + path);
  std::sort(files.begin(), files.end(),
            [](const masterdata::plant::PlantFile& a, const masterdata::plant::PlantFile& b) {
              return a.path < b.path;
            });
  return files;
}

Result<FolderCounts> WritePlantFolder(const std::string& dir,
                                      const std::vector<masterdata::plant::PlantFile>& files) {
  std::error_code ec;
  const fs::path root(dir);
  if (fs::exists(root, ec) && !fs::is_directory(root, ec))
    return Error::Invalid("dir", dir + " exists and is not a folder");
  std::set<std::string> wanted;
  for (const auto& f : files) {
    if (!IsSafeRelativeYaml(f.path))
      return Error::Invalid("files", "the server sent an unsafe file path: '" + f.path + "'");
    wanted.insert(fs::path(f.path).generic_string());
  }
  fs::create_directories(root, ec);
  if (ec) return Error::Make(ErrorCode::kInternal, "cannot create " + dir + ": " + ec.message());
  FolderCounts counts;
  for (const auto& f : files) {
    const fs::path target = root / f.path;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return Error::Make(ErrorCode::kInternal, "cannot create " + target.parent_path().string());
    if (fs::is_regular_file(target, ec)) {
      auto old = ReadText(target);
      if (old.ok() && *old == f.text) {
        ++counts.unchanged;
        continue;
      }
    }
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << f.text;
    out.close();
    if (!out) return Error::Make(ErrorCode::kInternal, "cannot write " + target.string());
    ++counts.written;
  }
  for (const auto& kind : masterdata::Kinds()) {
    const fs::path folder = root / kind.directory;
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      if (!wanted.count(kind.directory + "/" + entry.path().filename().string()))
        stale.push_back(entry.path());
    }
    if (ec) return Error::Make(ErrorCode::kInternal, "cannot list " + folder.string());
    for (const auto& file : stale) {
      if (!fs::remove(file, ec) || ec)
        return Error::Make(ErrorCode::kInternal, "cannot remove " + file.string());
      ++counts.removed;
    }
  }
  return counts;
}

}  // namespace ordo::cli
