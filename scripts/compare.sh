#!/usr/bin/env bash
# The gate's judgement of two JMH result files: `ToolsMain compare` in the shaded benchmarks jar, which says its
# usage and exit codes (scripts/compare.sh --help). The method: docs/statistics.md.
set -euo pipefail
# shellcheck source=lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
run_tools compare "$@"
