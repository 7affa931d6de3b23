#!/usr/bin/env bash
# The examples show every rule: together, examples/ triggers each rule of the national pack
# and of every built-in profile (each profile's own rules under that profile) at least
# once, and every example named *-kompliant.* triggers none.
#   examples_coverage.sh AKTKOLL_BINARY SOURCE_DIR
set -uo pipefail
aktkoll=$1
cd "$2" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
ids() { grep -oE '"(rule|id)": *"[^"]+"' "$1" | sed -E 's/.*"([^"]+)"$/\1/' | sort -u; }

for pack in national kalix gotland stockholm; do
  opt=""; [ "$pack" != national ] && opt="--profile $pack"
  # shellcheck disable=SC2086
  "$aktkoll" rules list $opt --format json > "$work/rules.json" || { echo "FAIL: rules list $pack"; status=1; continue; }
  # The rules this pack itself defines.
  if [ "$pack" = national ]; then
    grep -oE '"id": *"[^"]+"' "$work/rules.json" | sed -E 's/.*"([^"]+)"$/\1/' | sort -u > "$work/want"
  else
    ls -d "rules/profiles/$pack"/*/ 2>/dev/null | xargs -n1 basename | grep -vx catalogues | sort -u > "$work/want"
  fi
  # shellcheck disable=SC2086
  "$aktkoll" check examples $opt --as-of 2026-11-23 --format "json:$work/report.json" > /dev/null
  grep -oE '"rule": *"[^"]+"' "$work/report.json" | sed -E 's/.*"([^"]+)"$/\1/' | sort -u > "$work/have"
  missing=$(comm -23 "$work/want" "$work/have")
  if [ -n "$missing" ]; then
    echo "FAIL: no example triggers these rules of '$pack':"; echo "$missing" | sed 's/^/  /'; status=1
  else
    echo "$pack: every one of its $(wc -l < "$work/want") rules is triggered by examples/"
  fi
  for f in examples/*-kompliant.*; do
    # shellcheck disable=SC2086
    n=$("$aktkoll" check "$f" $opt --as-of 2026-11-23 --format json | grep -c '"rule":' || true)
    [ "$n" = 0 ] || { echo "FAIL: $f has $n findings under '$pack'"; status=1; }
  done
done
exit $status
