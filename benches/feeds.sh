#!/usr/bin/env bash
# The cost of the Atom feeds in a rebuild (issue 18: "feeds must not recompile past revisions").
#
#   bash benches/feeds.sh [SIZE]      # SIZE: 10k (default) or 50k, the sizes of benches/run.sh
#
# Generates a catalog under $WORK, commits it, then makes 21 more commits that each change one
# entry (its phone number), so the feed (the last 20 commits) is full. Then, each step timed with
# /usr/bin/time (wall, user CPU, peak RSS), with the parse cache warm in every step:
#   1. build, history store empty: every commit of the feed compiled (as every build did before);
#   2. one more commit, build again with the store kept: only the new commit is compiled;
#   3. the same build with the store emptied first: what step 2 cost before the store.
# Results go to benches/results/feeds-<size>.jsonl and stdout.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/bench-target}
BIN=$CARGO_TARGET_DIR/release
WORK=${WORK:-/tmp/catalogc-bench}
SIZE=${1:-10k}
AS_OF=2026-11-29
case "$SIZE" in
    10k) ARGS="--provinces 1 --cities 9 --items 1050" ;;
    50k) ARGS="--provinces 2 --cities 15 --items 1640" ;;
    *) echo "usage: $0 [10k|50k]" >&2; exit 2 ;;
esac
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
(cd "$REPO" && cargo build --release --locked --quiet -p catalogc -p catalogc-bench)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD)
root=$WORK/feeds-$SIZE
out=$WORK/feeds-out-$SIZE
rm -rf "$root" "$out" "$out".*
mkdir -p "$WORK" "$HERE/results"
# shellcheck disable=SC2086
"$BIN/gen-catalog" $ARGS --out "$root" >/dev/null
git() { command git -C "$root" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }
git init -q && git add -A && git commit -q -m "generated catalog"
mapfile -t entries < <(find "$root/catalog/regions" -path '*/local' -prune -o -name '0*.yaml' -print | sort | head -n 22)
change() { # change the phone of entry $1 and commit
    sed -i -E "s/^(  phone: \"?[0-9-]*)([0-9])(\"?)/\1$(( $2 % 10 ))\3/; t; s/(phone: \"[0-9-]*)[0-9]\"/\1$(( $2 % 10 ))\"/" "$1"
    git commit -q -a -m "change $2" --allow-empty
}
for i in $(seq 1 21); do change "${entries[$i]}" "$i"; done
"$BIN/catalogc" check --as-of $AS_OF --root "$root" >/dev/null 2>&1 || true # the parse cache, warm
results=$HERE/results/feeds-$SIZE.jsonl
: >"$results"
step() { # name, then the command
    local name=$1; shift
    /usr/bin/time -f "%e %U %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt" >&2; exit 1; }
    read -r wall user rss <"$WORK/time.txt"
    local compiled
    compiled=$(ls "$root/.catalogc-cache/history" 2>/dev/null | wc -l)
    printf '%-58s %7.2f s wall %7.2f s user %6d MiB  (%s commits in the store)\n' "$name" "$wall" "$user" $((rss / 1024)) "$compiled"
    echo "{\"size\": \"$SIZE\", \"step\": \"$name\", \"commit\": \"$COMMIT\", \"wall_s\": $wall, \"user_s\": $user, \"peak_rss_kib\": $rss}" >>"$results"
}
# The build, as one command line (/usr/bin/time runs programs, not shell functions).
build=(bash -c 'rm -rf "$2" "$2".*; exec "$1" build --as-of 2026-11-29 --root "$3" --out "$2"' build "$BIN/catalogc" "$out" "$root")
rm -rf "$root/.catalogc-cache/history"
step "build, 21 commits, history store empty" "${build[@]}"
change "${entries[0]}" 22
step "one more commit: build, store kept" "${build[@]}"
rm -rf "$root/.catalogc-cache/history"
step "the same build, store emptied first (as before the store)" "${build[@]}"
rm -rf "$out" "$out".*
