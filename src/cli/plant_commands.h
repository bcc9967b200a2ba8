// `ordo plant export DIR` and `ordo plant apply PATH`: configuration as code against a
// running server over its HTTP API (docs/masterdata.md sections 5 and 6).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::cli {

struct ServerUrl {
  bool tls = false;
  std::string host;
  std::uint16_t port = 0;
};

// Parses "http://HOST[:PORT]" or "https://HOST[:PORT]" (default ports 80 and 443; one
// trailing "/" allowed; IPv6 as "[::1]"). Fails (invalid_argument) on anything else.
Result<ServerUrl> ParseServerUrl(const std::string& url);

// The files `ordo plant apply PATH` sends: PATH itself when it is a file (path: its file
// name), else every *.yaml below the folder PATH, recursively, sorted by their paths
// relative to PATH ('/'-separated). Fails (invalid_argument) when PATH does not exist, is
// neither a file nor a folder, or the folder holds no *.yaml file; (internal) when a file
// cannot be read.
Result<std::vector<masterdata::plant::PlantFile>> CollectPlantFiles(const std::string& path);

struct FolderCounts {
  int written = 0;    // files created or changed
  int unchanged = 0;  // files that already held the same bytes
  int removed = 0;    // *.yaml files of kind folders no longer in the plant
};

// Makes `dir` mirror `files`: writes each (creating folders; `dir` itself too), then
// removes the *.yaml files directly inside the kind folders (masterdata::Kinds()
// directories) that are not among `files`. Fails (invalid_argument) when `dir` exists
// but is not a folder or a path is not a relative *.yaml path inside `dir` (checked
// before anything is written); (internal) on I/O errors.
Result<FolderCounts> WritePlantFolder(const std::string& dir,
                                      const std::vector<masterdata::plant::PlantFile>& files);

// Adds `plant export` and `plant apply` to `app`; a command's exit code goes to *rc
// (0 done, 1 refused or failed, 2 bad usage).
void AddPlantCommands(CLI::App& app, int* rc);

}  // namespace ordo::cli
