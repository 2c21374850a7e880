#!/usr/bin/env bash
# The gate: judges a new JMH run against a base run. Gated metrics (primary score, hdr.p50, hdr.p90) are slower,
# faster, unchanged or undecided, with one false-alarm rate for the whole run (Holm); a broken new run (a row
# missing, NaN, zero or short of rounds) fails too. The method and its measured error rates: docs/statistics.md.
# A thin wrapper around `ToolsMain compare` in the shaded benchmarks jar, so that CI and people run the same thing.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/compare.sh BASE.json NEW.json [--paired] [--threshold PCT] [--thresholds FILE]
                          [--max-looks N] [--markdown FILE] [--simulate-slowdown PCT]

Compares two JMH result files row by row (benchmark, mode, params). For two runs of one A/B
session (scripts/ab.sh, which calls this with --paired) the forks are paired by round; for two
independent runs they are not, and drift between the runs counts as noise. See docs/statistics.md.

  BASE.json           the reference run
  NEW.json            the run to judge
  --paired            fork i of every row in both files ran in round i of one A/B run
  --threshold PCT     the smallest change that counts, in percent (default 10)
  --thresholds FILE   per-benchmark thresholds, e.g. benchmarks/gate-thresholds.properties
  --max-looks N       the looks a sequential A/B run may take (ab.sh passes it)
  --markdown FILE     also write the verdict as markdown, e.g. for a pull-request comment
  --simulate-slowdown PCT  make NEW's gated metrics PCT worse first: how large a change does the
                      gate catch on this machine?

exit codes: 0 nothing slower; 1 slower, or a broken new run; 2 bad input (missing or malformed
            file, nothing in common, wrong arguments)

Runs dev.loopbench.tools.ToolsMain from benchmarks/target/benchmarks.jar, building it first if missing.
USAGE
}

# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
check_arguments 2 "BASE.json and NEW.json" "$@"
run_tools compare "$@"
