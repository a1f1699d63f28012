#!/usr/bin/env bash
# The test command (README): every package's jest suite through turbo, then one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
find . -name .jest-results.json -not -path '*/node_modules/*' -delete
pnpm exec turbo run test --concurrency=1 --continue "$@"
status=$?
node scripts/test-summary.js || status=1
exit $status
