#!/bin/sh
# Runs one service exactly as its package.json "start" script says (the memory flags that keep
# each service inside its budget live there), without keeping npm or pnpm around as a parent.
#   In the repository: scripts/start-service.sh embedder|matcher|skill-gap
#   In a deployed service folder (scripts/deploy-folders.sh, the images): ./start-service.sh
set -e
here="$(dirname "$0")"
if [ -f "$here/package.json" ] && [ -d "$here/dist" ]; then
  cd "$here"
else
  app="$1"
  [ -n "$app" ] || { echo "usage: start-service.sh embedder|matcher|skill-gap" >&2; exit 2; }
  cd "$here/../apps/$app"
fi
command=$(node -p "require('./package.json').scripts.start")
# `env` lets the script set variables (VAR=value node …) and still replace this shell.
exec sh -c "exec env $command"
