#!/usr/bin/env bash
# Judges a new JMH run against a base run: per benchmark and metric faster, slower, unchanged or
# inconclusive, from per-fork scores with a 95% bootstrap interval. A thin wrapper around
# `ToolsMain compare` in the shaded benchmarks jar, so that CI and people run the same thing.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/compare.sh BASE.json NEW.json [--threshold PCT] [--markdown FILE]

Compares two JMH result files row by row (benchmark, mode, params): the primary score and the hdr.*
latency percentiles, judged from per-fork scores against the threshold.

  BASE.json         the reference run, e.g. results/baseline.json
  NEW.json          the run to judge, e.g. the output of scripts/bench.sh --out new.json
  --threshold PCT   the smallest change that counts, in percent (default 10)
  --markdown FILE   also write the comparison as markdown, e.g. for a pull-request comment

exit codes: 0 nothing slower beyond the threshold; 1 something is, with confidence;
            2 bad input (missing or malformed file, nothing in common, wrong arguments)

Runs dev.loopbench.tools.ToolsMain from benchmarks/target/benchmarks.jar, building it first if missing.
USAGE
}

# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
check_arguments 2 "BASE.json and NEW.json" "$@"
run_tools compare "$@"
