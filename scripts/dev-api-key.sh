#!/usr/bin/env bash
# Prints a local development API key for the matcher and skill-gap APIs (tenant `default`, where
# the sample data set lives; every scope but admin), creating it the first time for this database
# and keeping its token in .run/dev-api-key.<database> (git-ignored, mode 600). Prints nothing when
# this build has no API keys yet (`pnpm cli keys`). Used by scripts/up.sh; needs DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm --silent cli keys --help 2>/dev/null | grep -qE '^  create( |$)' || exit 0
database="$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "${DATABASE_URL:?DATABASE_URL is needed}")"
file=".run/dev-api-key.$database"
if [ ! -s "$file" ]; then
  mkdir -p .run
  umask 077
  pnpm --silent cli keys create --tenant default --name "local development (scripts/up.sh)" \
    --scopes jobs:read,jobs:write,resumes:read,resumes:write,skills:read --json |
    node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).token))' >"$file.tmp"
  mv "$file.tmp" "$file"
fi
cat "$file"
