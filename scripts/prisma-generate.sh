#!/usr/bin/env bash
# `prisma generate` needs no schema engine, but the Prisma 7 CLI still tries to download the
# native one at start-up, which fails offline. Pointing it at a placeholder skips the download;
# a real engine path set by the caller wins.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/false}"
exec ./node_modules/.bin/prisma generate --config prisma/prisma.config.ts "$@"
