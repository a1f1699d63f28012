#!/usr/bin/env bash
# All SQL lives in libs/db (repositories and VectorStore); the apps call those. Part of `pnpm lint`.
set -uo pipefail
cd "$(dirname "$0")/.."
if grep -rn "SELECT\|UPDATE\|INSERT" apps/*/src; then
  echo "SQL in apps/*/src (above): move it into a libs/db repository." >&2
  exit 1
fi
