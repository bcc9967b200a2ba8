#!/usr/bin/env bash
# Lints the OpenAPI document of the ordo binary under test (`ordo openapi`, the same
# document GET /api/v1/openapi.json serves) with Spectral and the repository's
# .spectral.yaml (spectral:oas). Fails on any finding, warnings and hints included, and
# fails (never skips) when Spectral is not installed.
# Usage: tests/openapi_lint.sh [path/to/ordo]   (default: build/ordo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
ordo="${1:-$repo/build/ordo}"
spectral="$repo/tools/openapi-lint/node_modules/.bin/spectral"

if [ ! -x "$spectral" ]; then
  echo "openapi_lint: FAILED: Spectral is not installed ($spectral is missing)." >&2
  echo "  Run scripts/install-deps (it runs 'npm ci' in tools/openapi-lint), then test again." >&2
  exit 1
fi
if [ ! -x "$ordo" ]; then
  echo "openapi_lint: FAILED: no ordo binary at $ordo" >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$ordo" openapi > "$scratch/openapi.json"
echo "openapi_lint: $("$spectral" --version | tr -d '\n') on the document of $("$ordo" --version)"
# --fail-severity=hint: any finding at all fails the test.
if ! "$spectral" lint --ruleset "$repo/.spectral.yaml" --fail-severity=hint \
    --format=stylish "$scratch/openapi.json"; then
  echo "openapi_lint: FAILED: Spectral reported the problems above in the OpenAPI document." >&2
  echo "  The document is generated from the endpoint tables by src/server/openapi.cc." >&2
  exit 1
fi
echo "openapi_lint: OK, no findings"
