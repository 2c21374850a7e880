#!/usr/bin/env bash
# The gate's power on this machine: A/B runs of one build against itself, plain (A/A: its false alarms) and with
# a real slowdown injected into the head's loops (its detections), judged as scripts/ab.sh judges. The launcher
# does the work (java -jar benchmarks.jar --power; its --help says every option); this script builds the jar
# if it is missing and writes DIR/power.md, the table the README quotes.
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
usage: scripts/power.sh --out DIR [--runs 10] [--slowdowns taskNanos=50,taskNanos=10,wakeupNanos=1000]
                        [--budget 20m] [--profile gate] [extra JMH args, e.g. -p impl=mpsc]

  --out DIR        where the runs go (DIR/SCENARIO/run-K/); runs already finished there are kept, so a
                   measurement stopped part way goes on where it stopped
  the rest         the launcher's --power options: java -jar benchmarks/target/benchmarks.jar --help

Prints the table so far after every run; at the end writes DIR/power.md. Hours: each run takes the
A/B budget (default 20 minutes), and there are runs x (1 + slowdowns) of them.
exit codes: 0 done; 1 a run's forks failed (it is made again next time); 2 bad arguments
EOF_USAGE
}

out=
profile=gate
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --out) [ $# -ge 2 ] && [ -n "$2" ] || { echo "power.sh: --out needs a directory" >&2; usage >&2; exit 2; }
           out=$2; shift 2 ;;
    --profile) [ $# -ge 2 ] || { echo "power.sh: --profile needs a value" >&2; exit 2; }
               profile=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ -n "$out" ] || { echo "power.sh: --out DIR is required: where the runs go, e.g. --out results/power" >&2; usage >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$root/benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "== building $jar"
  (cd "$root" && mvn -B -q -DskipTests package)
fi
mkdir -p "$out"
set +e
java -jar "$jar" --profile "$profile" --power "$out" ${args[@]+"${args[@]}"}
status=$?
set -e
[ "$status" -ne 2 ] || exit 2
java -Djava.awt.headless=true -cp "$jar" dev.loopbench.tools.ToolsMain power "$out" --markdown "$out/power.md" \
  || echo "power.sh: no table yet (no run finished)" >&2
exit "$status"
