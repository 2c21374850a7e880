#!/usr/bin/env bash
# Runs the benchmark suite and writes one run's files (see docs/results-format.md):
#   RUN.json             JMH's results            RUN.log          the full JMH log
#   RUN.meta.json        machine, JDK, commit     RUN-histograms/  .hlog/.hgrm per benchmark and parameter set
# then prints the run's summary.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [--profile NAME] [--out FILE] [--no-interleave] [extra JMH args]

  --profile NAME  the launcher's profile (default quick); the profiles, what each runs and how long
                  it takes: java -jar benchmarks/target/benchmarks.jar --help
  --out FILE      the JMH JSON to write (default results/<UTC date>-<profile>.json); the log,
                  metadata, histograms and the schedule of rounds are written beside it, named after it
  --no-interleave run JMH's forks of each variant back to back instead of in interleaved rounds
  extra JMH args  passed on and override the profile's, e.g. -p impl=mpsc,netty or WakeupLatency
                  (-rf, -rff and -o are set by this script: use --out)

By default the run is interleaved: each round runs one fork of every variant (benchmark, mode and
parameters) in a fresh random order, as many rounds as the profile has forks, so that every loop in
the run sees the same machine; RUN.rounds.json records the schedule and each fork's machine noise.

Builds benchmarks/target/benchmarks.jar first if it is missing. Exits 1 if the run or any
benchmark failed, 2 on bad arguments.
EOF
}

bad_usage() {
  echo "bench.sh: $1" >&2
  usage >&2
  exit 2
}

profile=quick
out=
interleave=--interleave
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --profile)
      [ $# -ge 2 ] || bad_usage "--profile needs a value"
      profile=$2; shift 2 ;;
    --out)
      [ $# -ge 2 ] && [ -n "$2" ] || bad_usage "--out needs a file name"
      out=$2; shift 2 ;;
    --no-interleave) interleave=; shift ;;
    -rf|-rff|-o) bad_usage "$1 is set by this script; use --out FILE" ;;
    --*) bad_usage "unknown option $1" ;;
    *) jmh_args+=("$1"); shift ;;
  esac
done
case "$out" in
  "") ;;
  *.json) [[ "$out" = /* ]] || out=$PWD/$out ;; # relative to where the user stands, not the repo root
  *) bad_usage "--out must name a .json file; was '$out'" ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
profiler=dev.loopbench.bench.profiler.HdrHistogramProfiler
tools_main=dev.loopbench.tools.ToolsMain

out=${out:-results/$(date -u +%Y-%m-%d)-$profile.json}
run=${out%.json}
histograms=$run-histograms
log=$run.log
meta=$run.meta.json

if [ ! -f "$jar" ]; then
  echo "== building $jar"
  mvn -B -q -DskipTests package
fi

mkdir -p "$(dirname "$out")"
# the .hgrm pools every .hlog interval in the directory: a rerun under the same name starts afresh
rm -rf "$histograms"
rm -f "$out" "$log" "$meta" "$run.rounds.json"

run_args=(--profile "$profile" -rf json -rff "$out" -prof "$profiler:dir=$histograms" ${jmh_args[@]+"${jmh_args[@]}"})
# the launcher checks the profile and every argument, and says what is valid
resolved=$(java -jar "$jar" --print-jmh-args "${run_args[@]}") || exit 2

echo "== running the $profile profile; full log in $log"
set +e
if [ -n "$interleave" ]; then
  # the launcher prints a line per fork and appends every fork's JMH output to the log
  java -jar "$jar" "$interleave" "${run_args[@]}"
  status=$?
else
  # one line per benchmark and parameter set, from the headers JMH prints before its first fork
  java -jar "$jar" "${run_args[@]}" 2>&1 | tee "$log" | awk '
    /^# Benchmark: /     { benchmark = $3; params = "" }
    /^# Parameters: /    { params = substr($0, 15) }
    /^# Run progress: /  { progress = $4 ", ETA " $7 }
    /^# Fork: 1 of /     { printf "[%s] %s %s\n", progress, benchmark, params; fflush() }
    /<failure>/          { print "  FAILED: " benchmark " " params " (see the log)"; fflush() }'
  status=${PIPESTATUS[0]}
fi
set -e

failures=$(grep -c '<failure>' "$log" 2>/dev/null || true)
if [ ! -s "$out" ]; then
  echo "bench.sh: the run produced no results (exit $status); see $log" >&2
  exit 1
fi

# the forks' JDK and flags come from JMH's own record of them in the JSON
java -cp "$jar" "$tools_main" metadata --profile "$profile" --jmh-args "$resolved" --results "$out" --out "$meta" \
  || echo "WARNING: the run's metadata could not be written ($tools_main metadata failed)" >&2
echo "== results: $out, $meta, $histograms/${interleave:+, $run.rounds.json}"
java -cp "$jar" "$tools_main" summary "$out" \
  || echo "WARNING: no summary ($tools_main summary failed)" >&2

if [ "$status" -ne 0 ] || [ "${failures:-0}" -gt 0 ]; then
  echo "bench.sh: the run was not complete (exit $status, $failures failed benchmark(s)); see $log" >&2
  exit 1
fi
