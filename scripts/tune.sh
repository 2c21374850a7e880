#!/usr/bin/env bash
# Tunes one loop: one-way latency at several offered rates for every setting of the options its provider
# declares, then a chart per rate of p50 and p99 latency against the loop thread's CPU with the Pareto
# frontier marked, and the setting to choose for a CPU budget.
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
usage: scripts/tune.sh IMPL [--rates 1000,10000,100000] [--budget 15m] [--cpu-budget 0.25] [--out DIR]

  IMPL              the loop to tune, e.g. mpsc (java -jar benchmarks/target/benchmarks.jar --help lists
                    every loop and its options)
  --rates R,R,...   offered rates in sends per second (default 1000,10000,100000)
  --budget TIME     wall time for the whole run, e.g. 15m (default 15m), about 4 s of each fork being JVM
                    start and warmup; each fork measures for what the budget leaves it, 3 to 10 one-second
                    iterations; a grid too big for it is refused with the budget it needs
  --cpu-budget C    the loop thread's CPU you allow, in cores, e.g. 0.05 or 1 (default 0.25)
  --out DIR         where to write (default results/tune-IMPL-<UTC date>/)

Writes DIR/tune.json (JMH's results: one fork per setting and rate, in random order), tune.log,
tune.meta.json, tune.rounds.json and tune-histograms/, then DIR/tune.md with a chart per rate, and prints
each rate's frontier and the recommended setting with the command that measures it again.
To choose for another CPU budget without measuring again:
  java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar dev.loopbench.tools.ToolsMain \
       tune DIR/tune.json --cpu-budget C --out DIR

exit codes: 0 done; 1 the run failed; 2 bad arguments
EOF_USAGE
}

bad_usage() {
  echo "tune.sh: $1" >&2
  usage >&2
  exit 2
}

impl=
rates=
budget=
cpu_budget=0.25
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --rates|--budget|--cpu-budget|--out)
      [ $# -ge 2 ] && [ -n "$2" ] || bad_usage "$1 needs a value"
      case "$1" in
        --rates) rates=$2 ;;
        --budget) budget=$2 ;;
        --cpu-budget) cpu_budget=$2 ;;
        --out) out=$2 ;;
      esac
      shift 2 ;;
    -*) bad_usage "unknown option $1" ;;
    *)
      [ -z "$impl" ] || bad_usage "one loop at a time; got '$impl' and '$1'"
      impl=$1; shift ;;
  esac
done
[ -n "$impl" ] || bad_usage "which loop? give its name, e.g. scripts/tune.sh mpsc"
[[ "$cpu_budget" =~ ^[0-9]*\.?[0-9]+$ ]] && [[ ! "$cpu_budget" =~ ^0*\.?0*$ ]] \
  || bad_usage "--cpu-budget must be a positive number of cores, e.g. 0.25; was '$cpu_budget'"

[ -z "$out" ] || [[ "$out" = /* ]] || out=$PWD/$out # relative to where the user stands, not the repo root
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
tools_main=dev.loopbench.tools.ToolsMain
out=${out:-results/tune-$impl-$(date -u +%Y-%m-%d)}
json=$out/tune.json

if [ ! -f "$jar" ]; then
  echo "== building $jar"
  mvn -B -q -DskipTests package
fi

tune_args=(--tune "$impl" ${rates:+--rates "$rates"} ${budget:+--budget "$budget"} -rf json -rff "$json")
# the launcher checks the loop, the rates and the budget, and says what is wrong before anything runs
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
resolved=$(java -jar "$jar" --print-jmh-args "${tune_args[@]}" 2>"$errors") && status=0 || status=$?
if [ "$status" -ne 0 ]; then
  # the launcher exits 2 on bad arguments, with the reason on its first line; anything else is a failure
  { grep -v '^#' "$errors" || true; } | head -n 1 | sed 's/^benchmarks: /tune.sh: /' >&2
  [ "$status" -eq 2 ] && exit 2
  echo "tune.sh: the launcher failed (exit $status); its output:" >&2
  cat "$errors" >&2
  exit 1
fi

mkdir -p "$out"
# the .hgrm pools every .hlog interval in the directory: a rerun into the same directory starts afresh
rm -rf "$out/tune-histograms" "$json" "$out/tune.log" "$out/tune.meta.json" "$out/tune.rounds.json"

echo "== tuning $impl; results in $out, full log in $out/tune.log"
# the launcher prints the plan, then a line per fork with the time left
java -jar "$jar" "${tune_args[@]}" || { echo "tune.sh: the tuning run failed; see $out/tune.log" >&2; exit 1; }

java -cp "$jar" "$tools_main" metadata --profile tune --jmh-args "$resolved" --results "$json" --out "$out/tune.meta.json" \
  || echo "WARNING: the run's metadata could not be written ($tools_main metadata failed)" >&2
java -Djava.awt.headless=true -cp "$jar" "$tools_main" tune "$json" --cpu-budget "$cpu_budget" --out "$out"
