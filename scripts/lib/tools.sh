# Sourced by the scripts that wrap a ToolsMain command: finds the shaded benchmarks jar, building it when it
# is missing, and runs the command in it headless (the report draws charts). The command checks its arguments
# and prints its own usage (--help), so that the script and the Java usage cannot drift apart.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

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
