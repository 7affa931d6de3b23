#!/usr/bin/env bash
# The man pages lint clean (`groff -man -ww -z` prints nothing), and the rule list in
# aktkoll.1 holds exactly the rules `aktkoll rules list` knows.
#   lint.sh AKTKOLL.1 AKTKOLL-RULES.5 AKTKOLL_BINARY
set -euo pipefail
status=0
for page in "$1" "$2"; do
  out=$(groff -man -ww -z "$page" 2>&1) || status=1
  if [ -n "$out" ]; then
    echo "FAIL: groff warnings in $page:"; echo "$out"; status=1
  fi
done
want=$("$3" rules list --format json | grep -oE '"id": *"[^"]+"' | sed -E 's/.*"([^"]+)"$/\1/' | sort)
have=$(grep -A1 '^\.TP' "$1" | grep -oE '^\.BR [A-Z]+(-[A-Z0-9]+)+' | awk '{print $2}' | sort)
if [ "$want" != "$have" ]; then
  echo "FAIL: the rule list in $1 differs from 'aktkoll rules list'"; diff <(echo "$want") <(echo "$have") || true
  status=1
fi
# Every command and every option the CLI defines is in aktkoll(1), so the page cannot
# drift from the definition. The commands are read from the help itself, recursively
# ("Kommandon:" of `aktkoll --help`, of `aktkoll rules --help`, ...).
binary=$3
commands() {  # commands [COMMAND...]: the subcommands `aktkoll COMMAND... --help` lists
  LC_ALL=C.UTF-8 "$binary" "$@" --help | sed -n '/^Kommandon:/,/^$/p' | awk 'NR>1 && NF {print $1}'
}
all=("")
queue=("")
while [ ${#queue[@]} -gt 0 ]; do
  cmd=${queue[0]}; queue=("${queue[@]:1}")
  for sub in $(commands $cmd); do
    all+=("${cmd:+$cmd }$sub"); queue+=("${cmd:+$cmd }$sub")
  done
done
synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$1")
for cmd in "${all[@]}"; do
  help=$(LC_ALL=C.UTF-8 "$binary" $cmd --help)
  for opt in $(echo "$help" | grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z-]*' | sed 's/^.*--/--/' | sort -u); do
    [ "$opt" = --help ] || [ "$opt" = --version ] && continue
    grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$1" || { echo "FAIL: aktkoll $cmd: $opt is not in $1"; status=1; }
  done
  [ -z "$cmd" ] && continue
  # Each command is described under COMMANDS (`rules` by its subcommands' entries), and
  # each one without subcommands has a line in SYNOPSIS.
  grep -qE "^\.B $cmd( |$)" "$1" || { echo "FAIL: the command $cmd is not under COMMANDS in $1"; status=1; }
  if [ -z "$(commands $cmd)" ]; then
    grep -qE "^\.B aktkoll $cmd( |$)" <<< "$synopsis" || { echo "FAIL: the command $cmd is not in the SYNOPSIS of $1"; status=1; }
  fi
done
if LC_ALL=C grep -nP '[^\x00-\x7F]' "$1" "$2"; then
  echo "FAIL: non-ASCII characters in the man pages (use groff named characters)"; status=1
fi
[ $status = 0 ] && echo "man pages lint clean; $(echo "$have" | wc -l) rules and $((${#all[@]} - 1)) commands listed"
exit $status
