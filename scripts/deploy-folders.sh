#!/usr/bin/env bash
# One self-contained folder per service with only its production dependencies (no benchmark or
# test packages, no onnxruntime in the APIs): `pnpm deploy --filter @jobmatch/<app> --prod`.
# The Dockerfile builds each image from one of these; without a Docker engine this shows the sizes.
#   bash scripts/deploy-folders.sh [out-dir (default .deploy)] [app… (default embedder matcher skill-gap cli)]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh >/dev/null
export ONNXRUNTIME_NODE_INSTALL=skip
out="${1:-.deploy}"
shift || true
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(embedder matcher skill-gap cli)
pnpm build >/dev/null
for app in "${apps[@]}"; do
  rm -rf "${out:?}/$app"
  # --ignore-scripts: nothing to build (dist is copied), and no onnxruntime CUDA download.
  pnpm --filter "@jobmatch/$app" deploy --prod --ignore-scripts "$out/$app" >/dev/null
  cp scripts/start-service.sh "$out/$app/start-service.sh"
  # onnxruntime-node ships its native library for every OS and CPU (≈ 290 MB); keep the target's.
  # DEPLOY_PLATFORM (e.g. linux/arm64) when the image runs on another platform than this machine.
  find "$out/$app/node_modules/.pnpm" -path '*/onnxruntime-node/bin/napi-v*/*/*' -maxdepth 7 -mindepth 7 -type d 2>/dev/null |
    grep -v "/${DEPLOY_PLATFORM:-$(node -p 'process.platform + "/" + process.arch')}\$" | xargs -r rm -rf
  printf '%-10s %s\n' "$app" "$(du -sh "$out/$app" | cut -f1)"
done
