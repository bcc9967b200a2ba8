// The build's identity: the release version (from `project(ordo VERSION ...)` in the top
// CMakeLists.txt), the git commit and the build time, recorded when CMake configures the
// build (src/core/version.cc.in). `ordo --version`, `GET /api/v1/health` and the OpenAPI
// document's `info.version` all read it from here.
#pragma once

#include <string>

namespace ordo {

// "0.1.0"
const char* Version();
// Short commit hash of the source tree, e.g. "fcb4930"; "unknown" outside a git checkout.
const char* GitCommit();
// When the build was configured, ISO 8601 UTC, e.g. "2026-11-25T09:04:05Z" (honours
// SOURCE_DATE_EPOCH for reproducible builds).
const char* BuildTime();
// "ordo 0.1.0 (commit fcb4930, built 2026-11-25T09:04:05Z)"
std::string VersionLine();

}  // namespace ordo
