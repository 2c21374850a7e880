#!/usr/bin/env bash
# Renders one JMH run as report.md with PNG charts: each figure per impl with error bars, the pooled
# latency percentile distributions from the run's .hlog files, and every loop's ratio to its physical
# limit. A thin wrapper around `ToolsMain report` in the shaded benchmarks jar.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/report.sh RUN.json [--out DIR]

Writes DIR/report.md and the PNG charts it shows. RUN.meta.json and RUN-histograms/ beside RUN.json
are used when present; whatever is missing is skipped with a note in the report.

  RUN.json    a JMH result file, e.g. results/2026-11-22-quick.json
  --out DIR   where to write (default: RUN-report/ beside RUN.json)

exit codes: 0 written; 2 bad input (missing or malformed file, wrong arguments) or unwritable DIR

Runs dev.loopbench.tools.ToolsMain from benchmarks/target/benchmarks.jar, building it first if missing.
USAGE
}

# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
check_arguments 1 "RUN.json" "$@"
run_tools report "$@"
