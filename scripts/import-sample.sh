#!/usr/bin/env bash
# Imports the project's sample data set (data/sample: 330 postings, 36 resumes) into the running
# system and waits until every stored job and resume is embedded, with a progress line.
# Called by scripts/up.sh once the services are healthy; safe to rerun (records are upserted by
# their external ids, so a second run changes nothing and the wait returns at once).
#   bash scripts/import-sample.sh            (the ports and URLs scripts/up.sh uses)
# Environment, with up.sh's defaults: DATABASE_URL, REDIS_URL, ONET_DATA_FILE (what `pnpm cli`
# reads: it writes through the matcher's own code paths), MATCHER_PORT and EMBEDDER_HTTP_PORT
# (the HTTP fallback), JOBMATCH_API_KEY (sent by the HTTP fallback when the APIs ask for a key),
# METRICS_TOKEN, SAMPLE_EMBED_TIMEOUT_SECONDS (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/jobmatch}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
if [ -z "${ONET_DATA_FILE:-}" ] && [ -f .data/onet/onet-data.json ]; then export ONET_DATA_FILE="$PWD/.data/onet/onet-data.json"; fi

SAMPLE_DIR="data/sample"
JOBS_FILE="$SAMPLE_DIR/jobs.jsonl"
RESUMES_DIR="$SAMPLE_DIR/resumes"
MATCHER="http://127.0.0.1:${MATCHER_PORT:-3000}/api/v1"
EMBEDDER_METRICS="http://127.0.0.1:${EMBEDDER_HTTP_PORT:-4000}/metrics"
TIMEOUT="${SAMPLE_EMBED_TIMEOUT_SECONDS:-900}"

AUTH=()
[ -n "${JOBMATCH_API_KEY:-}" ] && AUTH=(-H "Authorization: Bearer $JOBMATCH_API_KEY")
METRICS_AUTH=()
[ -n "${METRICS_TOKEN:-}" ] && METRICS_AUTH=(-H "Authorization: Bearer $METRICS_TOKEN")

jobs_in_file=$(grep -c . "$JOBS_FILE")
resumes_in_dir=$(find "$RESUMES_DIR" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.pdf' \) | wc -l)
echo "Sample data: $jobs_in_file postings ($JOBS_FILE), $resumes_in_dir resumes ($RESUMES_DIR/)"

# Whether `pnpm cli <group> <command>` exists: listed in its group's --help (commander answers
# --help of an unknown command with the program's help and exit code 0, so that cannot tell).
cli_has() { # [group] command
  if [ $# -eq 2 ]; then pnpm --silent cli "$1" --help 2>/dev/null | grep -qE "^  $2( |$)"
  else pnpm --silent cli --help 2>/dev/null | grep -qE "^  $1( |$)"; fi
}

if cli_has import jobs && cli_has import resumes; then
  # The operator's path (issue #13): streaming, validated, upserted by external id, a summary at the end.
  pnpm --silent cli import jobs --file "$JOBS_FILE"
  pnpm --silent cli import resumes --dir "$RESUMES_DIR"
else
  # Until `pnpm cli import` exists: the HTTP API, one record at a time. Without external ids in the
  # API this cannot upsert, so a database that already holds the sample is left alone.
  stored=$(curl -fsS "${AUTH[@]}" "$MATCHER/jobs?limit=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
  if [ "$stored" -ge "$jobs_in_file" ]; then
    echo "Sample data: $stored jobs already stored; not imported again"
  else
    echo "Sample data: importing through the HTTP API ($MATCHER)"
    node -e '
      const fs = require("node:fs");
      const [file, url, key] = process.argv.slice(1);
      const headers = { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) };
      (async () => {
        let created = 0;
        for (const line of fs.readFileSync(file, "utf8").split("\n").filter(Boolean)) {
          const { externalId, ...job } = JSON.parse(line);
          const response = await fetch(`${url}/jobs`, { method: "POST", headers: { ...headers, "idempotency-key": externalId }, body: JSON.stringify(job) });
          if (!response.ok) throw new Error(`${externalId}: ${response.status} ${await response.text()}`);
          created++;
        }
        console.log(`jobs: ${created} created`);
      })().catch((error) => { console.error(error.message); process.exit(1); });
    ' "$JOBS_FILE" "$MATCHER" "${JOBMATCH_API_KEY:-}"
    uploaded=0
    for file in "$RESUMES_DIR"/*; do
      curl -fsS "${AUTH[@]}" -o /dev/null -F "file=@$file" "$MATCHER/resumes/upload"
      uploaded=$((uploaded + 1))
    done
    echo "resumes: $uploaded uploaded"
  fi
fi

if cli_has backfill; then
  # Enqueues whatever has no current vector (nothing twice) and waits, its bar following completed embeddings.
  pnpm --silent cli backfill
  exit 0
fi

# Every stored row embedded: the embedder's own gauge of rows per embedding status (counted at
# scrape time), summed over jobs and resumes.
embedding_counts() {
  curl -fsS "${METRICS_AUTH[@]}" "$EMBEDDER_METRICS" | awk '
    /^embedder_embedding_rows\{/ {
      if ($0 ~ /status="READY"/) ready += $NF
      else if ($0 ~ /status="PENDING"/) pending += $NF
      else if ($0 ~ /status="FAILED"/) failed += $NF
    }
    END { printf "%d %d %d\n", ready, pending, failed }'
}

started=$(date +%s)
first_ready=""
last_line=0
while :; do
  read -r ready pending failed < <(embedding_counts)
  now=$(date +%s)
  elapsed=$((now - started))
  [ -z "$first_ready" ] && first_ready=$ready
  total=$((ready + pending + failed))
  rate=$(awk -v d=$((ready - first_ready)) -v secs="$elapsed" 'BEGIN { printf "%.1f", (secs > 0 ? d / secs : 0) }')
  line="Embedding: $ready/$total ready, $pending pending, $failed failed | $rate rows/s | ${elapsed}s"
  if [ -t 1 ]; then
    printf '\r%s   ' "$line"
  elif [ $((now - last_line)) -ge 5 ] || [ "$pending" -eq 0 ]; then
    echo "$line"
    last_line=$now
  fi
  [ "$pending" -eq 0 ] && break
  if [ "$elapsed" -ge "$TIMEOUT" ]; then
    [ -t 1 ] && echo
    echo "ERROR: $pending rows still waiting for their embedding after ${TIMEOUT}s; see .run/logs/embedder.log" >&2
    exit 1
  fi
  sleep 1
done
[ -t 1 ] && echo
if [ "$failed" -gt 0 ]; then
  echo "WARNING: $failed rows failed to embed (reasons: GET /api/v1/jobs/<id> → embedding.error); they are retried by the queue" >&2
fi
echo "Sample data: every stored job and resume is embedded ($ready rows)"
