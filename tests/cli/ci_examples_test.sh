#!/usr/bin/env bash
# Runs the aktkoll command line of each CI integration in docs/ (docs/ci.md) on a copy of
# examples/ named akter/, as the examples name it: the pre-commit hook's entry on the
# YAML files, the GitHub Actions step and the GitLab CI script. Each must exit 0 or 1
# (findings are its business) and write what the CI service reads: SARIF that validates
# against the SARIF 2.1.0 schema, Markdown for the job summary, JUnit that validates
# against the Jenkins JUnit schema.
#   ci_examples_test.sh AKTKOLL_BINARY SOURCE_DIR JSON_SCHEMA_CHECK SARIF_SCHEMA JUNIT_SCHEMA
set -uo pipefail
aktkoll=$1
root=$2
schema_check=$3
sarif_schema=$4
junit_schema=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$aktkoll"):$PATH" LC_ALL=C.UTF-8
cp -r "$root/examples" "$work/akter"
cd "$work"
status=0
fail() { echo "FAIL: $*"; status=1; }
run() {  # run NAME COMMAND: exit 0 or 1
  echo "== $1: $2"
  bash -c "$2" > out.txt 2> err.txt
  local rc=$?
  [ "$rc" -le 1 ] || { fail "$1 exited $rc"; cat err.txt; }
}

# pre-commit: `entry` with the files that match `files`.
entry=$(sed -n 's/^  entry: //p' "$root/.pre-commit-hooks.yaml")
pattern=$(sed -n 's/^  files: //p' "$root/.pre-commit-hooks.yaml")
[ -n "$entry" ] && [ -n "$pattern" ] || fail "no entry or files in .pre-commit-hooks.yaml"
files=$(find akter -maxdepth 1 -type f | sort | grep -E "$pattern" | tr "\n" " ")
run pre-commit "$entry $files"
grep -q '^Sammanfattning (granskningsdatum ' out.txt || fail "pre-commit: no summary line"

# GitHub Actions: the `run:` step that calls aktkoll.
cmd=$(sed -n 's/^ *run: \(aktkoll .*\)$/\1/p' "$root/docs/ci/github-actions.yml")
[ -n "$cmd" ] || fail "no aktkoll step in docs/ci/github-actions.yml"
run github "$cmd"
grep -q 'sarif_file: aktkoll.sarif' "$root/docs/ci/github-actions.yml" || fail "github: upload-sarif does not read aktkoll.sarif"
"$schema_check" "$sarif_schema" aktkoll.sarif || fail "github: aktkoll.sarif does not validate"
grep -q '^# aktkoll' sammanfattning.md || fail "github: no Markdown summary"

# GitLab CI: the script line that calls aktkoll.
cmd=$(sed -n 's/^ *- \(aktkoll .*\)$/\1/p' "$root/docs/ci/gitlab-ci.yml")
[ -n "$cmd" ] || fail "no aktkoll script line in docs/ci/gitlab-ci.yml"
run gitlab "$cmd"
grep -q 'junit: aktkoll.xml' "$root/docs/ci/gitlab-ci.yml" || fail "gitlab: the JUnit report is not aktkoll.xml"
xmllint --noout --schema "$junit_schema" aktkoll.xml || fail "gitlab: aktkoll.xml does not validate"
grep -q '<testcase ' aktkoll.xml || fail "gitlab: no test cases"

[ "$status" -eq 0 ] && echo "the CI examples' command lines run and write what their services read"
exit "$status"
