#!/usr/bin/env bash
# Runs one libFuzzer target, prints its output and keeps a copy in a stats file for the
# validation pack (docs/validation/fuzz-targets.md). The file ends with
# "fuzz_run: exit N", the fuzzer's exit status, which this script also returns.
# Usage: tests/fuzz_run.sh STATS_FILE FUZZER [libFuzzer arguments...]
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 STATS_FILE FUZZER [libFuzzer arguments...]" >&2
  exit 2
fi
stats=$1
shift
mkdir -p "$(dirname "$stats")"
{
  echo "fuzz_run: target $(basename "$1")"
  echo "fuzz_run: started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "fuzz_run: command $*"
} > "$stats"
"$@" 2>&1 | tee -a "$stats"
status=${PIPESTATUS[0]}
echo "fuzz_run: exit $status" | tee -a "$stats"
exit "$status"
