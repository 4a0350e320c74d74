#!/usr/bin/env bash
# Runs an npm script with Node 24 on PATH (fetched when needed) and dependencies installed.
# Usage: bash scripts/dev.sh <npm-script> [args...]   e.g. bash scripts/dev.sh demo
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/use-node24.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi
script="${1:?usage: bash scripts/dev.sh <npm-script> [args...]}"
shift
exec npm run --silent "$script" -- "$@"
