#!/usr/bin/env bash
# Renders one JMH run as report.md with PNG charts: `ToolsMain report` in the shaded benchmarks jar, which says its
# usage and exit codes (scripts/report.sh --help).
set -euo pipefail
# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
run_tools report "$@"
