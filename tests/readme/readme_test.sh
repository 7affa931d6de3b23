#!/usr/bin/env bash
# Every command in README.md is run, so the README cannot go stale:
#  - each line of a ```sh block is a command (a trailing '\' continues it);
#  - it runs from a scratch copy of the tree, with build/ pointing at the build under test,
#    and must exit 0, or 1 for `check` (findings are its business);
#  - a ```text block right after a one-command ```sh block is that command's exact stdout;
#  - scripts/setup.sh runs against the build under test (incremental); scripts/test.sh is
#    what CI runs: the test checks that .ci/run runs exactly it.
# AKTKOLL_UPDATE=1 rewrites the ```text blocks with the actual output.
#   readme_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
export LC_ALL=C.UTF-8  # aktkoll speaks English when the locale says so; the README shows Swedish
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/examples" "$src/docs" "$src/rules" "$src/scripts" "$src/schemas" "$work/"
ln -s "$build" "$work/build"
status=0

# Split README.md into commands and expected outputs (awk writes one file per item).
awk -v dir="$work/items" '
  BEGIN { n = 0; system("mkdir -p " dir) }
  /^```sh$/   { mode = "sh"; cmds = 0; cur = ""; next }
  /^```text$/ { if (last_single) { mode = "text"; out = dir "/" last_single ".expected"; printf "" > out } else mode = "skip"; next }
  /^```/ {
    if (mode == "sh") { last_single = (cmds == 1) ? n : "" ; pending = 1 }
    else { last_single = "" }
    mode = ""; next
  }
  mode == "sh" {
    line = $0
    if (line ~ /^[ \t]*(#|$)/) next
    if (cur != "") cur = cur "\n" line; else cur = line
    if (line ~ /\\$/) next
    n++; cmds++; f = dir "/" n ".cmd"; printf "%s\n", cur > f; close(f); cur = ""; next
  }
  mode == "text" { print >> out; next }
  NF { if (mode == "") last_single = "" }
' "$src/README.md"

count=0
for cmdfile in $(ls "$work/items"/*.cmd 2>/dev/null | sort -V); do
  cmd=$(cat "$cmdfile")
  count=$((count + 1))
  case "$cmd" in
    scripts/test.sh)
      grep -q 'scripts/test.sh' "$src/.ci/run" || { echo "FAIL: .ci/run does not run scripts/test.sh"; status=1; }
      continue ;;
    scripts/setup.sh)
      (cd "$src" && AKTKOLL_BUILD_DIR="$build" scripts/setup.sh) > "$work/out" 2>&1
      rc=$?
      [ $rc = 0 ] || { echo "FAIL ($rc): $cmd"; tail -20 "$work/out"; status=1; }
      grep -q '^Sammanfattning (granskningsdatum [0-9-]*): ' "$work/out" || { echo "FAIL: setup.sh showed no report"; status=1; }
      continue ;;
  esac
  (cd "$work" && bash -c "$cmd") > "$work/out" 2> "$work/err"
  rc=$?
  ok=0
  [ $rc = 0 ] && ok=1
  [ $rc = 1 ] && [[ $cmd == *" check "* ]] && ok=1
  if [ $ok = 0 ]; then
    echo "FAIL ($rc): $cmd"; head -20 "$work/err"; status=1; continue
  fi
  expected="${cmdfile%.cmd}.expected"
  if [ -f "$expected" ]; then
    if [ "${AKTKOLL_UPDATE:-0}" = 1 ]; then
      cp "$work/out" "$expected.actual"
    elif ! diff -u "$expected" "$work/out" > "$work/diff"; then
      echo "FAIL: the output of '$cmd' differs from the README:"; head -40 "$work/diff"; status=1
    fi
  fi
done

if [ "${AKTKOLL_UPDATE:-0}" = 1 ]; then
  # Refill the body of each ```text block that follows a one-command ```sh block.
  awk -v dir="$work/items" '
    /^```sh$/ { insh = 1; cmds = 0; print; next }
    insh && /^```$/ { insh = 0; last = (cmds == 1) ? n : ""; print; next }
    insh { if ($0 !~ /^[ \t]*(#|$)/ && $0 !~ /\\$/) { n++; cmds++ } print; next }
    /^```text$/ && last != "" {
      print; f = dir "/" last ".expected.actual"
      while ((getline l < f) > 0) print l
      close(f); skipping = 1; next
    }
    skipping && /^```$/ { skipping = 0; last = ""; print; next }
    skipping { next }
    NF { last = "" }
    { print }
  ' "$src/README.md" > "$work/README.new" && cp "$work/README.new" "$src/README.md"
  echo "README.md: outputs updated"
fi
[ $status = 0 ] && echo "all $count README commands ran as documented"
exit $status
