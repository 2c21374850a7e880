# Sourced by the scripts that wrap a ToolsMain command: finds the shaded benchmarks jar, building it when it
# is missing, and runs the command in it headless (the report draws charts).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

# check_arguments MIN_ARGS "WHAT IS EXPECTED" ARGS...: prints usage (the caller's `usage` function) and exits 0
# for --help or -h; exits 2 with a message when fewer than MIN_ARGS arguments were given
check_arguments() {
  local min=$1 expected=$2
  shift 2
  for arg in "$@"; do
    if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
      usage
      exit 0
    fi
  done
  if [[ $# -lt $min ]]; then
    echo "error: expected $expected" >&2
    usage >&2
    exit 2
  fi
}

# run_tools COMMAND [ARGS...]: replaces the shell with `ToolsMain COMMAND ARGS`; exits 2 if the jar cannot be built
run_tools() {
  if [[ ! -f "$jar" ]]; then
    echo "building $jar" >&2
    if ! (cd "$root" && mvn -B -q -DskipTests package) >&2; then
      echo "error: could not build $jar; see the Maven output above" >&2
      exit 2
    fi
  fi
  exec java -Djava.awt.headless=true -cp "$jar" dev.loopbench.tools.ToolsMain "$@"
}
