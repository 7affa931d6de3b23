#!/usr/bin/env bash
# Runs the CI integrations in docs/ (docs/ci.md) as their files say, on a copy of examples/
# named akter/, as the examples name it. Everything is read from the files themselves:
#   pre-commit      .pre-commit-hooks.yaml: `entry` with the files that `files` matches and
#                   `exclude` does not, among the files of a repository holding akter/ and
#                   the hook file itself (which `exclude` must leave out), must report
#                   what `aktkoll check akter` reports;
#   GitHub Actions  docs/ci/github-actions.yml: every `run:` step but the install, in order,
#                   with GITHUB_STEP_SUMMARY set; then what `upload-sarif` reads
#                   (`sarif_file:`) validates against the SARIF 2.1.0 schema and the job
#                   summary is the Markdown report;
#   GitLab CI       docs/ci/gitlab-ci.yml: every `script:` line, in order; then every
#                   `artifacts: paths:` file exists and `reports: junit:` validates against
#                   the Jenkins JUnit schema.
# aktkoll may exit 0 or 1 (findings are its business), never 2 or more.
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
cp "$root/.pre-commit-hooks.yaml" "$work/"
cd "$work"
status=0
fail() { echo "FAIL: $*"; status=1; }
run() {  # run NAME COMMAND: exit 0 or 1
  echo "== $1: $2"
  bash -c "$2" > out.txt 2> err.txt
  local rc=$?
  [ "$rc" -le 1 ] || { fail "$1 exited $rc"; cat err.txt; }
}
# The value of `KEY:` (at any indentation, or as "- KEY:") in FILE, unquoted; one per line.
values() { sed -n -E "s/^ *(- )?$1: *//p" "$2" | sed -E 's/^"(.*)"$/\1/; s/ +#.*$//'; }

# pre-commit: the hook's entry with the matching files, as pre-commit passes them.
hooks=$root/.pre-commit-hooks.yaml
entry=$(values entry "$hooks")
files_re=$(values files "$hooks")
exclude_re=$(values exclude "$hooks")
[ -n "$entry" ] && [ -n "$files_re" ] || fail "no entry or files in .pre-commit-hooks.yaml"
[ "$(values language "$hooks")" = system ] || fail "pre-commit: the hook is not language: system"
files=$(find . -type f -not -name '*.txt' | sed 's|^\./||' | sort | grep -E "$files_re" | grep -vE "${exclude_re:-^$}")
grep -qx '.pre-commit-hooks.yaml' <<< "$files" && fail "pre-commit: the hook would check .pre-commit-hooks.yaml"
[ "$(wc -l <<< "$files")" -eq "$(find akter -type f | grep -cE "$files_re")" ] || fail "pre-commit: not every case file is checked"
run pre-commit "$entry --as-of 2026-11-23 $(tr '\n' ' ' <<< "$files")"
grep -q '^Sammanfattning (granskningsdatum ' out.txt || fail "pre-commit: no summary line"
# The hook, given each file, finds what a check of the folder finds (the exports that
# akter/exports/.aktkoll-ignore keeps out stay out).
mv out.txt hook.txt
run folder "aktkoll check --no-progress --as-of 2026-11-23 akter"
diff hook.txt out.txt > /dev/null || { fail "pre-commit: the hook's report differs from the folder's"; diff hook.txt out.txt | head; }

# GitHub Actions: the run: steps, then what upload-sarif reads.
workflow=$root/docs/ci/github-actions.yml
export GITHUB_STEP_SUMMARY=$work/step-summary.md
: > "$GITHUB_STEP_SUMMARY"
steps=0
while IFS= read -r cmd; do
  case $cmd in *apt-get*) continue ;; esac  # installing the .deb is the deb test's business
  run github "$cmd"
  steps=$((steps + 1))
done < <(values run "$workflow")
[ "$steps" -ge 2 ] || fail "github: expected an aktkoll step and a job-summary step, ran $steps"
grep -q 'uses: github/codeql-action/upload-sarif@' "$workflow" || fail "github: no upload-sarif step"
sarif=$(values sarif_file "$workflow")
[ -n "$sarif" ] && [ -f "$sarif" ] || fail "github: upload-sarif reads '$sarif', which no step wrote"
"$schema_check" "$sarif_schema" "$sarif" || fail "github: $sarif does not validate"
head -1 "$GITHUB_STEP_SUMMARY" | grep -q '^# aktkoll' || fail "github: the job summary is not the Markdown report"

# GitLab CI: the script lines, then the artifacts and the JUnit report.
job=$root/docs/ci/gitlab-ci.yml
lines=0
while IFS= read -r cmd; do
  run gitlab "$cmd"
  lines=$((lines + 1))
done < <(sed -n '/^  script:/,/^  [a-z_]*:/p' "$job" | sed -n 's/^    - //p')
[ "$lines" -ge 1 ] || fail "gitlab: no script lines"
for f in $(values paths "$job" | tr -d '[],'); do
  [ -f "$f" ] || fail "gitlab: the artifact $f was not written"
done
junit=$(values junit "$job")
[ -n "$junit" ] && [ -f "$junit" ] || fail "gitlab: the JUnit report '$junit' was not written"
xmllint --noout --schema "$junit_schema" "$junit" || fail "gitlab: $junit does not validate"
grep -q '<testcase ' "$junit" || fail "gitlab: no test cases"

[ "$status" -eq 0 ] && echo "the CI examples run as written and write what their services read"
exit "$status"
