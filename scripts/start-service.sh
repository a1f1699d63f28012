#!/bin/sh
# Runs one service exactly as its package.json "start" script says (the memory flags that keep
# each service inside its budget live there), without keeping npm or pnpm around as a parent.
set -e
app="$1"
[ -n "$app" ] || { echo "usage: start-service.sh embedder|matcher|skill-gap" >&2; exit 2; }
cd "$(dirname "$0")/../apps/$app"
command=$(node -p "require('./package.json').scripts.start")
# `env` lets the script set variables (VAR=value node …) and still replace this shell.
exec sh -c "exec env $command"
