#!/usr/bin/env bash
# Runs the jcstress tests of loop-stress/ (the mpsc wakeup handshake, execute racing shutdown and shutdownNow, the
# lifecycle), writes jcstress's HTML report and result blob to one folder, and exits as jcstress does. A test that saw
# a forbidden outcome is listed under "Failed tests" in the summary jcstress prints last.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/stress.sh [--long] [--out DIR] [extra jcstress args]

  (default)   the short run: jcstress's quick preset in one JVM configuration, each actor compiled
              as the whole test is (no split compilation): about 1.5 minutes on 2 CPUs
  --long      jcstress's tough preset in every JVM configuration it detects (C1, C2, with and without
              C2's scheduling randomizers): hours on 2 CPUs; for a quiet machine, not for CI
  --out DIR   where the report and the result blob go (default loop-stress/target/stress-<date>)

Extra arguments go to jcstress, e.g. -t MpscWakeup to run one test. The tests use 2 actors at most,
so they fit a 2-CPU machine. Builds loop-stress/target/jcstress.jar first if it is missing.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/loop-stress/target/jcstress.jar"
long=false
out=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --long) long=true; shift ;;
    --out)
      [[ $# -ge 2 && -n "$2" ]] || { echo "error: --out needs a folder" >&2; usage >&2; exit 2; }
      out="$2"; shift 2 ;;
    -r|-m) echo "error: $1 is set by this script; use --out DIR or --long" >&2; exit 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
out="${out:-$root/loop-stress/target/stress-$(date -u +%Y%m%dT%H%M%SZ)}"

if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  if ! (cd "$root" && mvn -B -q -pl loop-stress -am -DskipTests package) >&2; then
    echo "error: could not build $jar; see the Maven output above" >&2
    exit 2
  fi
fi

# the agrona loop's queues reach jdk.internal.misc (AgronaEventLoopProvider.JVM_FLAG): every fork needs the export
agrona_flag="--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
if $long; then
  mode=(-m tough -jvmArgsPrepend "$agrona_flag")
else
  # one JVM configuration instead of the four jcstress probes for, and no split compilation (which runs each test
  # once per combination of C1, C2 and interpreter for its actors): 2 forks per test instead of 24, about 1.5
  # minutes instead of 17 here, still every test in a normal and a C2-stressed fork
  mode=(-m quick -jvmArgs "-Xmx256m -XX:+UseParallelGC $agrona_flag" -sc false)
fi

mkdir -p "$out"
cd "$out" # jcstress writes its result blob to the working directory
echo "jcstress ${mode[*]} ${extra[*]:-}; report in $out" >&2
exec java -jar "$jar" "${mode[@]}" -r "$out/report" "${extra[@]}"
