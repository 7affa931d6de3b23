#!/usr/bin/env bash
# The generated completions work in real shells: bash completes commands, options and
# option values; fish does the same; zsh accepts the script; and every option that
# `aktkoll <command> --help` shows is offered by all three.
#   completion_test.sh AKTKOLL_BINARY
set -euo pipefail
aktkoll=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in bash zsh fish; do "$aktkoll" completion $s > "$work/$s"; done
status=0
fail() { echo "FAIL: $*"; status=1; }
# offers GREP-ARGS -- COMMAND...: the command's whole output matches. The output is read
# completely first: `cmd | grep -q` would let grep stop early, the command die of SIGPIPE
# and pipefail fail the check at random.
offers() {
  local args=() out
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  out=$("$@")
  grep -q "${args[@]}" <<< "$out"
}

# bash: drive the completion function as bash does.
bash_complete() {  # words... (the last one is completed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _aktkoll; printf "%s\n" "${COMPREPLY[@]}"' _ "$work/bash" "$@"
}
offers -x check -- bash_complete aktkoll ch || fail "bash: 'aktkoll ch' does not complete to check"
offers -x -e --format -- bash_complete aktkoll check --fo || fail "bash: 'check --fo' does not offer --format"
offers -x sarif -- bash_complete aktkoll check --format "" || fail "bash: 'check --format' does not offer sarif"
offers -x coverage -- bash_complete aktkoll rules "" || fail "bash: 'rules' does not offer coverage"

# fish
fish -n "$work/fish" || fail "fish: syntax"
offers '^xlsx' -- fish -c "source $work/fish; complete -C 'aktkoll check --format '" || fail "fish: 'check --format' does not offer xlsx"
offers '^explain' -- fish -c "source $work/fish; complete -C 'aktkoll rules '" || fail "fish: 'rules' does not offer explain"

# zsh
zsh -n "$work/zsh" || fail "zsh: syntax"

# Every option in every command's --help is in all three scripts.
for cmd in "" check rules "rules list" "rules explain" "rules test" "rules coverage" completion $("$aktkoll" --help | awk '/^Subcommands:/{f=1;next} f&&!NF{exit} f{print $1}' | grep -vE '^(check|rules|completion)$' || true); do
  # shellcheck disable=SC2086
  for opt in $("$aktkoll" $cmd --help | grep -oE '^ +(-[a-zA-Z], *)?--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+'); do
    for s in bash zsh fish; do
      case $s in fish) pat="-l ${opt#--}" ;; *) pat="$opt" ;; esac
      grep -qF -- "$pat" "$work/$s" || fail "$s: '$opt' of 'aktkoll $cmd' is missing"
    done
  done
done
[ $status = 0 ] && echo "completions work in bash, fish and zsh and cover every option"
exit $status
