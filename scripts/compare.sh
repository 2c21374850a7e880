#!/usr/bin/env bash
# The gate: judges a new JMH run against a base run. The gated metrics (docs/statistics.md lists them) are slower,
# faster, unchanged or undecided, with one false-alarm rate for the whole run (Holm); a broken new run (a row
# missing, NaN, zero, short of rounds, a paced sender behind its rate) fails too. The method: docs/statistics.md.
# A thin wrapper around `ToolsMain compare` in the shaded benchmarks jar, so that CI and people run the same thing.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/compare.sh BASE.json NEW.json [--paired] [--schedule ROUNDS.json] [--threshold PCT]
                          [--thresholds FILE] [--markdown FILE] [--simulate-slowdown PCT]

Compares two JMH result files row by row (benchmark, mode, params). For two runs of one A/B
session (scripts/ab.sh, which calls this with --paired --schedule) the forks are paired by the
round they ran in; for two independent runs they are not, and drift between the runs counts as
noise. Two forks per side can decide nothing. See docs/statistics.md.

  BASE.json           the reference run
  NEW.json            the run to judge
  --paired            both files come from one A/B run
  --schedule FILE     the A/B run's rounds.json: pair by round, spend what its looks left
  --threshold PCT     the smallest change that counts, in percent (default 10)
  --thresholds FILE   per-benchmark and per-metric thresholds (default: those packaged in the
                      jar, benchmarks/gate-thresholds.properties of its build)
  --markdown FILE     also write the verdict as markdown, e.g. for a pull-request comment
  --simulate-slowdown PCT  make NEW's gated metrics PCT worse first: how often the gate catches
                      that scaling; it cannot show whether a real slowdown moves them so much

exit codes: 0 PASS, nothing slower; 1 FAIL, slower or a broken new run; 3 INCONCLUSIVE, no gated
            metric decided; 2 bad input (missing or malformed file, nothing in common, arguments)

Runs dev.loopbench.tools.ToolsMain from benchmarks/target/benchmarks.jar, building it first if missing.
USAGE
}

# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
check_arguments 2 "BASE.json and NEW.json" "$@"
run_tools compare "$@"
