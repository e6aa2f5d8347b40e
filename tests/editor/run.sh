#!/usr/bin/env bash
# The editor schemas in yaml-language-server (VS Code's YAML engine), driven by a scripted LSP
# client (lsp.test.js). Installs the npm packages pinned in package-lock.json, idempotently.
#   tests/editor/run.sh [CATALOGC]   (default: target/debug/catalogc, relative to the repository root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-target/debug/catalogc}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "run.sh: no catalogc binary at $bin (build it first: cargo build)" >&2
  exit 2
fi
cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
CATALOGC_BIN="$bin" exec node --test --test-reporter=tap
