#!/usr/bin/env bash
# Makes sure the local PostgreSQL (with pgvector) and Redis are up. Used by CI and by
# `pnpm setup` on machines without a Docker engine. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"

pg_up() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT" >/dev/null 2>&1; }
redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
wait_for() { # name check-function
  for _ in $(seq 1 60); do "$2" && return 0; sleep 0.5; done
  echo "ERROR: $1 did not come up" >&2
  return 1
}

if ! pg_up; then
  echo "Starting PostgreSQL…"
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main start
  else
    echo "ERROR: PostgreSQL is not running on $PGHOST_ADDR:$PGPORT and pg_ctlcluster is not available." >&2
    exit 1
  fi
  wait_for PostgreSQL pg_up
fi

if ! redis_up; then
  echo "Starting Redis…"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis redis_up
fi

# An HNSW search walks pages all over the index: when the index does not fit in shared_buffers,
# every search re-reads pages from the OS cache and churns the buffer table (measured: about a
# quarter of Postgres CPU per recommendation at 100 000 jobs with the 128 MB default). 512 MB holds
# the 100 000-job index and table; production sizes it to its own index (see BENCHMARKS.md).
SHARED_BUFFERS_MB="${PG_SHARED_BUFFERS_MB:-512}"
current_mb=$(psql -h "$PGHOST_ADDR" -p "$PGPORT" -U postgres -d postgres -Atqc \
  "SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")
if [ "$current_mb" -lt "$SHARED_BUFFERS_MB" ]; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Raising PostgreSQL shared_buffers from ${current_mb} MB to ${SHARED_BUFFERS_MB} MB (restart)…"
    psql -h "$PGHOST_ADDR" -p "$PGPORT" -U postgres -d postgres -qc "ALTER SYSTEM SET shared_buffers = '${SHARED_BUFFERS_MB}MB'"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main restart
    wait_for PostgreSQL pg_up
  else
    echo "WARNING: shared_buffers is ${current_mb} MB (< ${SHARED_BUFFERS_MB} MB); HNSW searches will be slower." >&2
  fi
fi

# pgvector: Debian bookworm has no binary package; build it from Debian's source package when missing.
if ! psql -h "$PGHOST_ADDR" -p "$PGPORT" -U postgres -d postgres -Atqc \
  "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'" | grep -q 1; then
  bash scripts/install-pgvector.sh
fi
echo "PostgreSQL (pgvector) and Redis are up."
