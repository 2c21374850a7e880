#!/usr/bin/env bash
# The CI gate: builds two versions of the suite, runs them in interleaved A/B rounds on this machine, and judges
# the head against the base with paired statistics (docs/statistics.md). This script and the launcher (which only
# decides when to stop) come from the working tree it is run from; the verdict comes from the BASE build's own
# comparison, gated set and thresholds (its jar's ToolsMain and gate-thresholds.properties), so that a change
# cannot alter its own verdict. A base too old for that is judged by the head's tools, with a warning.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/ab.sh --base REF|JAR [--head REF|JAR] [--out DIR] [--budget 20m] [--profile gate]
                     [--min-rounds 4] [--max-rounds 30] [--thresholds FILE] [--seed N]
                     [--head-jvm-arg ARG]... [extra JMH args]

  --base REF|JAR    the reference build: a git ref of this repository (built in a temporary worktree)
                    or a benchmarks.jar
  --head REF|JAR    the build to judge (default: this working tree, built with Maven)
  --out DIR         where to write base.json, head.json, their logs and histograms, rounds.json (the
                    schedule and machine noise of every fork), comparison.txt and comparison.md
                    (default ab-<UTC time>)
  --budget D        stop before a round that would end after D (default 20m); e.g. 10m, 1h
  --profile NAME    the iterations and benchmarks to run (default gate: the headline figures, short
                    iterations, so that many rounds fit the budget)
  --min-rounds N    rounds before the first look at the verdicts (default 4)
  --max-rounds N    rounds at most (default 30)
  --thresholds FILE per-benchmark and per-metric thresholds (default: the base build's own
                    gate-thresholds.properties, packaged in its jar)
  --seed N          the random order's seed, to repeat a schedule
  --head-jvm-arg ARG  a JVM flag for the head's forks only (repeatable), recorded in every row of head.json,
                    e.g. -Dloopbench.slowdown.taskNanos=50 to check that the gate sees a real slowdown
                    (dev.loopbench.loop.support.Slowdown says what each loop slows)
  extra JMH args    passed on, e.g. -p impl=mpsc,netty

Each round runs the base fork and the head fork of every variant back to back, in a random order
within the pair and a fresh random order of variants. Rounds go on until every gated metric is decided
or the budget would be exceeded; the base build's comparison then judges (docs/statistics.md).

exit codes: 0 PASS, nothing slower; 1 FAIL, something slower, or a broken head (a failed, missing or
            NaN row, a paced sender behind its rate); 3 INCONCLUSIVE, no gated metric decided in the
            budget (the output says the smallest change the rounds could resolve); 2 bad arguments, or
            a build that failed
EOF
}

bad_usage() {
  echo "ab.sh: $1" >&2
  usage >&2
  exit 2
}

base=
head=
out=
profile=gate
thresholds=
launcher_args=()
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --base|--head|--out|--budget|--profile|--min-rounds|--max-rounds|--thresholds|--seed|--head-jvm-arg)
      [ $# -ge 2 ] && [ -n "$2" ] || bad_usage "$1 needs a value"
      case "$1" in
        --base) base=$2 ;;
        --head) head=$2 ;;
        --out) out=$2 ;;
        --profile) profile=$2 ;;
        --thresholds) thresholds=$2 ;;
        *) launcher_args+=("$1" "$2") ;;
      esac
      shift 2 ;;
    -rf|-rff|-o|-f) bad_usage "$1 is set by the A/B run (one fork per round); use --out DIR" ;;
    --*) bad_usage "unknown option $1" ;;
    *) jmh_args+=("$1"); shift ;;
  esac
done
[ -n "$base" ] || bad_usage "--base REF|JAR is required: the build to compare against, e.g. --base origin/main"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${out:-ab-$(date -u +%Y%m%dT%H%M%S)}
[[ "$out" = /* ]] || out=$PWD/$out
if [ -n "$thresholds" ]; then
  [[ "$thresholds" = /* ]] || thresholds=$PWD/$thresholds
  [ -f "$thresholds" ] || bad_usage "--thresholds $thresholds: no such file"
fi
mkdir -p "$out"
workdir=$(mktemp -d)
cleanup() {
  for tree in "$workdir"/tree-*; do
    [ -d "$tree" ] && git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1
  done
  rm -rf "$workdir"
}
trap cleanup EXIT

# build SIDE REF|JAR: prints the path of SIDE's benchmarks.jar, building a git ref in a temporary worktree
build() {
  local side=$1 what=$2
  if [ -z "$what" ]; then
    echo "== building the working tree as $side" >&2
    (cd "$root" && mvn -B -q -DskipTests package) >&2 || { echo "ab.sh: the $side build failed" >&2; exit 2; }
    cp "$root/benchmarks/target/benchmarks.jar" "$out/$side.jar"
  elif [ -f "$what" ]; then
    cp "$what" "$out/$side.jar"
  else
    git -C "$root" rev-parse --verify --quiet "$what^{commit}" >/dev/null \
      || { echo "ab.sh: --$side $what is neither a jar nor a git ref of $root" >&2; exit 2; }
    echo "== building $what ($(git -C "$root" rev-parse --short "$what")) as $side" >&2
    git -C "$root" worktree add --detach "$workdir/tree-$side" "$what" >/dev/null 2>&1
    (cd "$workdir/tree-$side" && mvn -B -q -DskipTests package) >&2 \
      || { echo "ab.sh: the $side build of $what failed" >&2; exit 2; }
    cp "$workdir/tree-$side/benchmarks/target/benchmarks.jar" "$out/$side.jar"
  fi
  echo "$out/$side.jar"
}

base_jar=$(build base "$base")
head_jar=$(build head "$head")

# the judge: the base's own tools and thresholds; a base from before they judged alike gets the head's, said aloud
judge_jar=$base_jar
base_compare_help=$(java -Djava.awt.headless=true -cp "$base_jar" dev.loopbench.tools.ToolsMain compare --help 2>/dev/null || true)
if [[ "$base_compare_help" != *INCONCLUSIVE* ]]; then
  echo "ab.sh: WARNING: the base build's compare predates the gated set, pairing by round and alpha spending;" \
    "judging with the head's tools instead, so the head's own rules judge it" >&2
  judge_jar=$head_jar
fi
if [ -z "$thresholds" ]; then
  thresholds=$out/thresholds.properties
  if ! (cd "$workdir" && jar xf "$judge_jar" gate-thresholds.properties 2>/dev/null) \
      || [ ! -s "$workdir/gate-thresholds.properties" ]; then
    echo "ab.sh: WARNING: $judge_jar carries no gate-thresholds.properties; using this tree's" >&2
    cp "$root/benchmarks/gate-thresholds.properties" "$thresholds"
  else
    mv "$workdir/gate-thresholds.properties" "$thresholds"
  fi
fi

echo "== A/B rounds: $base (base) against ${head:-the working tree} (head), profile $profile; files in $out"
set +e
java -jar "$head_jar" --profile "$profile" --ab "$base_jar" --out "$out" --thresholds "$thresholds" \
  ${launcher_args[@]+"${launcher_args[@]}"} ${jmh_args[@]+"${jmh_args[@]}"}
run_status=$?
set -e
[ -s "$out/head.json" ] || { echo "ab.sh: the A/B run produced no head results; see $out/head.log" >&2; exit 1; }

# the judge compares both sides paired by the schedule's rounds, at the share of the false-alarm rate the looks left
set +e
java -Djava.awt.headless=true -cp "$judge_jar" dev.loopbench.tools.ToolsMain compare "$out/base.json" "$out/head.json" \
  --paired --thresholds "$thresholds" --schedule "$out/rounds.json" \
  --markdown "$out/comparison.md" | tee "$out/comparison.txt"
compare_status=${PIPESTATUS[0]}
set -e
if { [ "$compare_status" -eq 0 ] || [ "$compare_status" -eq 3 ]; } && [ "$run_status" -ne 0 ]; then
  echo "ab.sh: some forks failed (see $out/rounds.json and the logs), so the gate fails" >&2
  exit 1
fi
exit "$compare_status"
