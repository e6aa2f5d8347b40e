#!/usr/bin/env bash
# The portal in a real browser: builds the portal with a catalogc binary and runs the end-to-end and
# accessibility tests (portal.test.js) in Debian's Chromium through playwright-core.
#   tests/e2e/run.sh [CATALOGC]   (default: target/debug/catalogc, relative to the repository root)
# Installs what it needs, idempotently: Chromium and a Chinese font from Debian (never a browser
# download), and the npm packages pinned in package-lock.json. Exits non-zero when a test fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-target/debug/catalogc}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "run.sh: no catalogc binary at $bin (build it first: cargo build)" >&2
  exit 2
fi

# Chromium and a CJK font (without one, every Chinese character is an empty box in screenshots).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The npm packages, when node_modules is missing or older than the lock file.
cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi

# node's test runner prints its summary (# tests, # pass N, # fail N, ...) last.
CATALOGC_BIN="$bin" exec node --test --test-reporter=tap
