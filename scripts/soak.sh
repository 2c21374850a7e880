#!/usr/bin/env bash
# The soak (loop-soak/): every operation at once on every registered loop, round after round, with the contract's
# invariants checked as it runs. The arguments and their checks live in Java (SoakArguments); this script only
# builds loop-soak/target/soak.jar if it is missing and runs it.
#
# usage: scripts/soak.sh --minutes N [--impls a,b,...] [--seed S]    (--help for more)
# exit codes: 0 no broken invariant; 1 a broken invariant (the failing rounds' seeds are printed, with the command
#             that replays each); 2 bad arguments, or the jar could not be built
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/loop-soak/target/soak.jar"

if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  if ! (cd "$root" && mvn -B -q -pl loop-soak -am -DskipTests package) >&2; then
    echo "error: could not build $jar; see the Maven output above" >&2
    exit 2
  fi
fi

# a round holds a few hundred thousand tasks' records at most
exec java -Xmx1g -jar "$jar" "$@"
