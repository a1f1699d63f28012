#!/usr/bin/env bash
# Builds and installs pgvector from Debian's source package when the local
# PostgreSQL lacks the `vector` extension (bookworm ships no binary package).
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-$(ls /usr/lib/postgresql | sort -n | tail -1)}"
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
SHAREDIR="$("$PG_CONFIG" --sharedir 2>/dev/null || echo /usr/share/postgresql/${PG_MAJOR})"

if [ -f "${SHAREDIR}/extension/vector.control" ]; then
  echo "pgvector already installed for PostgreSQL ${PG_MAJOR}"
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

SRC_LIST=/etc/apt/sources.list.d/trixie-src.list
if [ ! -f "$SRC_LIST" ]; then
  echo "deb-src http://deb.debian.org/debian trixie main" | $SUDO tee "$SRC_LIST" >/dev/null
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc >/dev/null

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get source -qq --download-only pgvector >/dev/null 2>&1 || apt-get source -qq pgvector
[ -d pgvector-*/ ] || dpkg-source -x pgvector_*.dsc >/dev/null
cd pgvector-*/
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
$SUDO make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
echo "pgvector installed for PostgreSQL ${PG_MAJOR}"
