#!/usr/bin/env bash
# Stops what scripts/up.sh started (SIGTERM: services finish in-flight work first).
set -uo pipefail
cd "$(dirname "$0")/.."
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  exec docker compose down
fi
for pidfile in .run/*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null && echo "stopping $(basename "$pidfile" .pid) ($pid)"
  rm -f "$pidfile"
done
