#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) in build-fuzz/, seeds each
# corpus from examples/, the rule fixtures and tests/hostile/inputs/ (document_fuzz also
# from the YAML test suite's inputs, ../shared/corpora/yaml-test-suite/*/in.yaml), and runs every
# harness for SECONDS (default 60). A crash fails the script and leaves the input in
# build-fuzz/crashes/<harness>/; turn it into a regression test under tests/hostile/.
#   scripts/fuzz.sh            # about 60 s per harness (what CI runs)
#   scripts/fuzz.sh 1800       # the long run: 30 minutes per harness
#   JOBS=2 scripts/fuzz.sh 1800  # two harnesses at a time
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
source scripts/deps.sh
aktkoll_ensure_packages clang libclang-rt-14-dev

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAKTKOLL_FUZZ=ON -DAKTKOLL_BUILD_TESTS=OFF -DAKTKOLL_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target document_fuzz expr_fuzz rulepack_fuzz

seed() {  # seed HARNESS: fill build-fuzz/corpus/HARNESS
  local h=$1 dir=build-fuzz/corpus/$1
  mkdir -p "$dir"
  case $h in
    document_fuzz)
      # The first byte picks the format: 0 YAML, 1 JSON, 2 JSON Lines, 3 sniffed.
      find examples rules tests/hostile/inputs -type f 2>/dev/null | while read -r f; do
        local b
        case $f in *.json) b='\x01' ;; *.jsonl|*.ndjson) b='\x02' ;; *.yaml|*.yml) b='\x00' ;; *) b='\x03' ;; esac
        { printf "$b"; head -c 65536 "$f"; } > "$dir/$(echo "$f" | tr '/ ' '__')"
      done
      # The YAML test suite's inputs, valid and invalid: the parser's corner cases.
      local suite=../shared/corpora/yaml-test-suite
      if [ -d "$suite" ]; then
        local n=0
        while read -r f; do
          { printf '\x00'; cat "$f"; } > "$dir/yts_$(echo "${f#"$suite"/}" | tr '/' '_')"; n=$((n + 1))
        done < <(find "$suite" -name in.yaml | sort)
        echo "   document_fuzz: $n seeds from $suite"
      else
        echo "   skipped: YAML test suite seeds ($suite not found)"
      fi ;;
    expr_fuzz)
      # Every CEL expression in the rule packs and the conformance vectors.
      grep -rhoE '^\s*(when|assert|for_each|due|[a-z_]+): *".*"$' rules 2>/dev/null | sed -E 's/^[^:]*: *"(.*)"$/\1/' |
        head -2000 | nl -nln | while read -r n e; do printf '%s' "$e" > "$dir/rule_$n"; done
      if [ -d ../shared/conformance/cel ]; then
        grep -hoE '"expr": *"([^"\\]|\\.)*"' ../shared/conformance/cel/*.json | sed -E 's/^"expr": *"(.*)"$/\1/' |
          head -2000 | nl -nln | while read -r n e; do printf '%b' "$e" > "$dir/cel_$n"; done
      fi ;;
    rulepack_fuzz)
      # The first byte picks the file: even = the rule file, odd = the pack file.
      find rules -name 'rule.yaml' | head -500 | while read -r f; do
        { printf '\x00'; cat "$f"; } > "$dir/$(echo "$f" | tr '/' '_')"; done
      find rules -name 'pack.yaml' -o -name 'profile.yaml' | while read -r f; do
        { printf '\x01'; cat "$f"; } > "$dir/$(echo "$f" | tr '/' '_')"; done ;;
  esac
}

harnesses=()
for h in document_fuzz expr_fuzz rulepack_fuzz; do
  [ -x "build-fuzz/fuzz/$h" ] && harnesses+=("$h")
done
status=0
run() {
  local h=$1
  seed "$h"
  mkdir -p "build-fuzz/crashes/$h"
  echo "== $h: ${seconds}s"
  # Leaks inside libfyaml 0.7.12 itself are suppressed (fuzz/lsan-libfyaml.supp), not ours.
  if ! LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan-libfyaml.supp "build-fuzz/fuzz/$h" "build-fuzz/corpus/$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=262144 -artifact_prefix="build-fuzz/crashes/$h/" -print_final_stats=1 \
       > "build-fuzz/$h.log" 2>&1; then
    echo "== $h: CRASH — see build-fuzz/$h.log and build-fuzz/crashes/$h/"
    tail -40 "build-fuzz/$h.log"
    return 1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/$h.log" | sed "s/^/   $h /"
}
jobs=${JOBS:-1}
if [ "$jobs" -gt 1 ]; then
  pids=()
  for h in "${harnesses[@]}"; do
    run "$h" & pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
  done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
else
  for h in "${harnesses[@]}"; do run "$h" || status=1; done
fi
exit $status
