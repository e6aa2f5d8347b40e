#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml with the real pre-commit (from PyPI), in a temporary git
# repository holding a copy of the sample catalog: the first commit (the whole sample) passes, a
# commit that breaks an entry is refused with the finding shown and leaves HEAD where it was, a
# commit that fixes it passes, and a commit that touches no catalog file skips the hook.
#   tests/precommit/run.sh PRE_COMMIT [CATALOGC] [HOOK]
# PRE_COMMIT is the pre-commit executable; HOOK is catalogc-check-system (default: uses CATALOGC,
# default target/debug/catalogc, put first on PATH) or catalogc-check (pre-commit builds catalogc
# from this repository with `cargo install`; several minutes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pre_commit=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=${2:-target/debug/catalogc}
hook=${3:-catalogc-check-system}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
[ -x "$bin" ] || { echo "run.sh: no catalogc binary at $bin (build it first: cargo build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" PATH="$(dirname "$bin"):$PATH"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.invalid
fail() { echo "FAILED: $*" >&2; exit 1; }

# The hook repository: pre-commit clones `repo` at `rev`, so the hooks must be committed. A local
# clone of this checkout at HEAD gets the working tree's .pre-commit-hooks.yaml committed on top.
git clone -q "$root" "$work/hooks"
cp "$root/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" -c commit.gpgsign=false commit -q --allow-empty -m "hooks under test"
rev=$(git -C "$work/hooks" rev-parse HEAD)

# The catalog repository, with the hook installed.
repo="$work/catalog-repo"
mkdir "$repo"
cp -R "$root/catalog" "$repo/catalog"
cd "$repo"
git init -q -b main
git config commit.gpgsign false
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: $hook
YAML
"$pre_commit" install >/dev/null
git add -A
git commit -q -m "the sample catalog" >"$work/log" 2>&1 || { cat "$work/log"; fail "the sample catalog was refused"; }
grep -q "catalogc check.*Passed" "$work/log" || { cat "$work/log"; fail "the hook did not run on the first commit"; }
echo "ok: the sample catalog is committed (the hook passed)"

entry=catalog/regions/440300/002000112001.yaml
[ -f "$entry" ] || fail "$entry is not in the sample"
before=$(git rev-parse HEAD)
cp "$entry" "$work/entry.yaml"
printf 'materails: []\n' >>"$entry"
git add "$entry"
if git commit -q -m "a typo" >"$work/log" 2>&1; then
  cat "$work/log"; fail "a commit with an unknown key was accepted"
fi
[ "$(git rev-parse HEAD)" = "$before" ] || fail "HEAD moved after a refused commit"
grep -q "CAT003" "$work/log" && grep -q "$entry" "$work/log" || { cat "$work/log"; fail "the refusal does not show the finding"; }
echo "ok: a commit with an unknown key is refused, with the finding (CAT003, $entry)"

cp "$work/entry.yaml" "$entry"
sed -i 's/^reviewed: .*/reviewed: 2026-11-30/' "$entry"
git add "$entry"
git commit -q -m "reviewed again" >"$work/log" 2>&1 || { cat "$work/log"; fail "a good commit was refused"; }
[ "$(git rev-parse HEAD)" != "$before" ] || fail "the good commit did not land"
echo "ok: the fixed entry is committed"

echo "notes" >NOTES.txt
git add NOTES.txt
git commit -q -m "notes" >"$work/log" 2>&1 || { cat "$work/log"; fail "a commit outside the catalog was refused"; }
grep -q "catalogc check.*Skipped" "$work/log" || { cat "$work/log"; fail "the hook ran on a commit outside the catalog"; }
echo "ok: a commit outside the catalog skips the hook"
