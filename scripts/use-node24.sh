# Sourced (not run) by scripts/dev.sh and .ci/run: puts a Node 24 first on PATH (fetched by
# node24.sh when `node` is older) and keeps the machine's npm configuration. npm takes its global
# npmrc from the prefix of the node it runs under: under the fetched node that would be .tools/,
# and a corporate CA, proxy or registry set in the machine's global npmrc would be lost.
if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ] && command -v npm >/dev/null 2>&1; then
  NPM_CONFIG_GLOBALCONFIG="$(npm config get globalconfig 2>/dev/null || true)"
  [ -n "$NPM_CONFIG_GLOBALCONFIG" ] && export NPM_CONFIG_GLOBALCONFIG
fi
PATH="$(bash "$(dirname "${BASH_SOURCE[0]}")/node24.sh"):$PATH"
export PATH
