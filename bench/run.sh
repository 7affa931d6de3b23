#!/usr/bin/env bash
# bench/run.sh: aktkoll's performance benchmark (docs/performance.md).
#
# Builds Release in build-bench/ (or reuses it), generates deterministic corpora with
# bench_corpus_gen, measures the parse-only floors, aktkoll's throughput with --jobs 1 and 2,
# peak RSS, single-file wall time and Spectral on the same corpus, and prints a table with
# pass/fail against each target. Every command it runs is printed, prefixed with '+'. The
# results also go to build-bench/results.md, the full log to build-bench/bench.log.
#
#   bench/run.sh [--count N] [--big-count N] [--spectral-count N] [--runs R] [--seed S]
#                [--build-dir DIR] [--no-build] [--testdata DIR] [--quick] [--strict]
#
#   --count N           documents in the throughput corpora (default 20000)
#   --big-count N       documents in the memory test (default 100000; 0 skips it)
#   --spectral-count N  documents Spectral lints, a prefix of the main corpus (default 2000;
#                       0 skips Spectral)
#   --runs R            hyperfine runs per throughput measurement (default 5, after 1 warm-up)
#   --build-dir DIR     build, corpora, Spectral and results live here (default build-bench)
#   --no-build          use the binaries already in --build-dir
#   --quick             --count 2000 --big-count 10000 --spectral-count 500 --runs 2
#   --strict            exit 1 if a target is missed (default: exit 0 once measured)
#
# Needs: cmake, a C++20 compiler, hyperfine, /usr/bin/time (Debian package `time`), and
# node + npm for Spectral (installed into build-bench/spectral from the npm registry).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=$ROOT/build-bench
TESTDATA=$ROOT/../shared/testdata
COUNT=20000
BIG_COUNT=100000
SPECTRAL_COUNT=2000
RUNS=5
SEED=1
BUILD=1
STRICT=0
AS_OF=2026-11-23                # the corpus generator's as-of date
SPECTRAL_VERSION=6.16.3         # @stoplight/spectral-cli, verified to install and run here
SINGLE_FILE=$ROOT/examples/barn-familjebehandling-kompliant.yaml
# A single file with findings: its messages' values are compiled and evaluated too.
SINGLE_FILE_FINDINGS=$ROOT/examples/barn-familjebehandling-brister-uppdrag-och-plan.yaml

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while (($#)); do
  case $1 in
    --count) COUNT=$2; shift 2 ;;
    --big-count) BIG_COUNT=$2; shift 2 ;;
    --spectral-count) SPECTRAL_COUNT=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --build-dir) BUILD_DIR=$(realpath -m "$2"); shift 2 ;;
    --testdata) TESTDATA=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --quick) COUNT=2000; BIG_COUNT=10000; SPECTRAL_COUNT=500; RUNS=2; shift ;;
    --strict) STRICT=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done
for n in "$COUNT" "$BIG_COUNT" "$SPECTRAL_COUNT" "$RUNS" "$SEED"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "run.sh: not a number: $n" >&2; exit 2; }
done
((COUNT > 0 && RUNS > 0)) || { echo "run.sh: --count and --runs must be > 0" >&2; exit 2; }
((SPECTRAL_COUNT <= COUNT)) || { echo "run.sh: --spectral-count must be <= --count" >&2; exit 2; }

mkdir -p "$BUILD_DIR"
OUT=$BUILD_DIR/results
CORPUS=$BUILD_DIR/corpus
LOG=$BUILD_DIR/bench.log
RESULTS_MD=$BUILD_DIR/results.md
mkdir -p "$OUT" "$CORPUS"
: > "$LOG"

log() { printf '%s\n' "$*" | tee -a "$LOG"; }
# Prints the command (shell-quoted) and runs it; its output goes to the terminal and the log.
run() {
  log "+ $(printf '%q ' "$@")"
  "$@" 2>&1 | tee -a "$LOG"
}
# Same, with standard output into a file (standard error to the terminal and the log).
run_to() {
  local file=$1; shift
  log "+ $(printf '%q ' "$@") > $file"
  "$@" > "$file" 2> >(tee -a "$LOG" >&2)
}
need() { command -v "$1" > /dev/null || { log "run.sh: needs $1 ($2)"; exit 2; }; }
need cmake "apt-get install cmake"
need hyperfine "apt-get install hyperfine"
[[ -x /usr/bin/time ]] || { log "run.sh: needs /usr/bin/time (apt-get install time)"; exit 2; }

log "== aktkoll benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src rules schemas 2> /dev/null || echo ' + uncommitted changes in src/, rules/ or schemas/')"
log "checkout: commit $COMMIT"
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average at start: $LOAD_START (other work on the machine makes wall times noisy; CPU-time figures are given too)"

# --- build ---------------------------------------------------------------------------------
if ((BUILD)); then
  if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
    gen=()
    command -v ninja > /dev/null && gen=(-G Ninja)
    run cmake -S "$ROOT" -B "$BUILD_DIR" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release \
      -DAKTKOLL_BUILD_TESTS=OFF -DAKTKOLL_BUILD_BENCH=ON
  fi
  run cmake --build "$BUILD_DIR" -j "$(nproc)" --target aktkoll bench_corpus_gen bench_parse_floor bench_stages
fi
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt" 2> /dev/null || true)
[[ $BUILD_TYPE == Release ]] || log "WARNING: $BUILD_DIR is a '${BUILD_TYPE:-unknown}' build, not Release"
AKTKOLL=$BUILD_DIR/aktkoll
GEN=$BUILD_DIR/bench/bench_corpus_gen
FLOOR=$BUILD_DIR/bench/bench_parse_floor
for b in "$AKTKOLL" "$GEN" "$FLOOR"; do [[ -x $b ]] || { log "run.sh: $b missing (build first)"; exit 2; }; done

HAVE_JOBS=0
if "$AKTKOLL" check --help 2>&1 | grep -q -- '--jobs'; then HAVE_JOBS=1; fi
if ((HAVE_JOBS)); then JOB_COUNTS=(1 2); else JOB_COUNTS=(""); fi
log "aktkoll check --jobs: $( ((HAVE_JOBS)) && echo supported || echo 'not supported yet: runs without it')"

# --- corpora -------------------------------------------------------------------------------
# corpus NAME FORMAT COUNT: generates $CORPUS/NAME unless its stamp says it is already the
# output of this generator binary with these arguments.
corpus() {
  local format=$2 count=$3 dir=$CORPUS/$1
  local want
  want="$(sha256sum "$GEN" | cut -c1-16) --count $count --format $format --seed $SEED"
  if [[ -f $dir.stamp && $(< "$dir.stamp") == "$want" ]]; then
    log "corpus $dir: up to date"
    return
  fi
  rm -rf -- "$dir" "$dir.stamp"
  run_to "$dir.summary" "$GEN" --count "$count" --format "$format" --out "$dir" --seed "$SEED" --testdata "$TESTDATA"
  head -1 "$dir.summary" | tee -a "$LOG"
  printf '%s\n' "$want" > "$dir.stamp"
}
corpus "yaml-$COUNT" yaml "$COUNT"
corpus "json-$COUNT" json "$COUNT"
corpus "jsonl-$COUNT" jsonl "$COUNT"
((BIG_COUNT > 0)) && corpus "yaml-$BIG_COUNT" yaml "$BIG_COUNT"
((SPECTRAL_COUNT > 0)) && corpus "yaml-$SPECTRAL_COUNT" yaml "$SPECTRAL_COUNT"
Y=$CORPUS/yaml-$COUNT J=$CORPUS/json-$COUNT L=$CORPUS/jsonl-$COUNT/cases.jsonl
YAML_BYTES=$(find "$Y" -type f -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

# --- parse-only floors ---------------------------------------------------------------------
# Two timed passes (after a warm-up) are plenty for a single-threaded parse loop.
run_to "$OUT/floor.txt" "$FLOOR" --yaml "$Y" --json "$J" --jsonl "$L" --repeat "$((RUNS < 2 ? RUNS : 2))"
tee -a "$LOG" < "$OUT/floor.txt"
# floor NAME KEY: a value from bench_parse_floor's key=value lines.
floor() {
  awk -v n="$1" -v k="$2" '$1 == "floor" {
    delete v; for (i = 2; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] }
    if (v["name"] == n) print v[k] }' "$OUT/floor.txt"
}

# --- stage table ---------------------------------------------------------------------------
# µs per case of each stage (read, parse, schema, rules, report) over the first 1,000 cases of
# each corpus, beside the parse-only floor measured in the same process, CPU time.
STAGES=$BUILD_DIR/bench/bench_stages
if [[ -x $STAGES ]]; then
  head -1000 "$L" > "$OUT/stages.jsonl"
  for fmt in yaml json jsonl; do
    case $fmt in
      yaml) in=$Y/0000 ;;
      json) in=$J/0000 ;;
      jsonl) in=$OUT/stages.jsonl ;;
    esac
    run_to "$OUT/stages-$fmt.txt" "$STAGES" --repeat "$((RUNS < 3 ? RUNS : 3))" "$in"
    tee -a "$LOG" < "$OUT/stages-$fmt.txt"
  done
else
  log "run.sh: $STAGES missing: no stage table"
fi

# --- aktkoll throughput --------------------------------------------------------------------
# hf LABEL HYPERFINE-ARGS... -- COMMAND...: one hyperfine measurement, exported as CSV.
hf() {
  local label=$1; shift
  local opts=()
  while [[ $1 != -- ]]; do opts+=("$1"); shift; done
  shift
  local cmdstr
  cmdstr=$(printf '%q ' "$@")
  cmdstr=${cmdstr% }
  log "+ hyperfine --style basic -N -i ${opts[*]} --export-csv $OUT/hf-$label.csv --command-name $label '$cmdstr'"
  hyperfine --style basic -N -i "${opts[@]}" --export-csv "$OUT/hf-$label.csv" \
    --command-name "$label" "$cmdstr" 2>&1 | tee -a "$LOG"
}
# csv LABEL COLUMN: mean, median, min, user, system ... from a hyperfine CSV.
csv() {
  awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } { print $h[col] }' "$OUT/hf-$1.csv"
}
check_cmd() {  # check_cmd PATH LABEL [JOBS]
  local cmd=("$AKTKOLL" check "$1" --as-of "$AS_OF" --no-progress --format "json:$OUT/report-$2.json")
  [[ -n ${3:-} ]] && cmd+=(--jobs "$3")
  printf '%s\n' "${cmd[@]}"
}
declare -A DOCS_S CPU_DOCS_S CORES
for fmt in yaml json jsonl; do
  case $fmt in yaml) path=$Y ;; json) path=$J ;; jsonl) path=$L ;; esac
  for j in "${JOB_COUNTS[@]}"; do
    label=$fmt-j${j:-default}
    mapfile -t cmd < <(check_cmd "$path" "$label" "$j")
    hf "$label" --warmup 1 --runs "$RUNS" -- "${cmd[@]}"
    mean=$(csv "$label" mean) user=$(csv "$label" user) sys=$(csv "$label" system)
    DOCS_S[$label]=$(awk -v n="$COUNT" -v t="$mean" 'BEGIN { printf "%.0f", n / t }')
    CPU_DOCS_S[$label]=$(awk -v n="$COUNT" -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", n / (u + s) }')
    CORES[$label]=$(awk -v m="$mean" -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", (u + s) / m }')
  done
done
J1=${JOB_COUNTS[0]}
R_YAML=yaml-j${J1:-default} R_JSON=json-j${J1:-default} R_JSONL=jsonl-j${J1:-default}

# What the measured aktkoll actually did: its rule pack and how many rules ran per case.
PACK=$(sed -n '/"rule_pack"/,/}/ s/.*"name": *"\([^"]*\)".*/\1/p' "$OUT/report-$R_YAML.json" | head -1)
PACK_VERSION=$(sed -n '/"rule_pack"/,/}/ s/.*"version": *"\([^"]*\)".*/\1/p' "$OUT/report-$R_YAML.json" | head -1)
RULES_PER_CASE=$({ grep -o '"applied":\[[^]]*\]' "$OUT/report-$R_YAML.json" || true; } | awk -F, '{ if (NF > m) m = NF } END { print m + 0 }')
FINDINGS=$({ grep -o '"findings":{[^}]*}' "$OUT/report-$R_YAML.json" || true; } | tail -1)
log "measured: rule pack '${PACK:-none}' ${PACK_VERSION}; checks applied per case: up to $RULES_PER_CASE; $FINDINGS"

# Speed-up and identical output between job counts.
declare -A SPEEDUP IDENTICAL
for fmt in yaml json jsonl; do
  if ((HAVE_JOBS)); then
    SPEEDUP[$fmt]=$(awk -v a="$(csv "$fmt-j1" mean)" -v b="$(csv "$fmt-j2" mean)" 'BEGIN { printf "%.2f", a / b }')
    if run cmp "$OUT/report-$fmt-j1.json" "$OUT/report-$fmt-j2.json"; then IDENTICAL[$fmt]=yes; else IDENTICAL[$fmt]=NO; fi
  else
    SPEEDUP[$fmt]=n/a IDENTICAL[$fmt]=n/a
  fi
done

# --- peak RSS ------------------------------------------------------------------------------
# rss LABEL COMMAND...: peak RSS in MB from /usr/bin/time -v (exit status 1 = findings, fine).
rss() {
  local label=$1; shift
  log "+ $(printf '%q ' /usr/bin/time -v -o "$OUT/time-$label.txt" "$@") > /dev/null" >&2
  local rc=0
  /usr/bin/time -v -o "$OUT/time-$label.txt" "$@" > /dev/null 2>> "$LOG" || rc=$?
  ((rc <= 1)) || { log "run.sh: $label exited $rc" >&2; exit 1; }
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$OUT/time-$label.txt"
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$OUT/time-$1.txt"; }
JMAX=${JOB_COUNTS[-1]}
mapfile -t cmd < <(check_cmd "$Y" "rss-$COUNT" "$JMAX")
RSS_MAIN=$(rss "rss-$COUNT" "${cmd[@]}")
log "peak RSS, $COUNT documents: $RSS_MAIN MB"
RSS_BIG=n/a
if ((BIG_COUNT > 0)); then
  mapfile -t cmd < <(check_cmd "$CORPUS/yaml-$BIG_COUNT" "rss-$BIG_COUNT" "$JMAX")
  RSS_BIG=$(rss "rss-$BIG_COUNT" "${cmd[@]}")
  log "peak RSS, $BIG_COUNT documents: $RSS_BIG MB ($(wall "rss-$BIG_COUNT") s)"
fi

# --- single file ---------------------------------------------------------------------------
hf single --warmup 5 --runs 50 -- "$AKTKOLL" check "$SINGLE_FILE" --as-of "$AS_OF" --no-progress
SINGLE_MEAN=$(awk -v t="$(csv single mean)" 'BEGIN { printf "%.1f", t * 1000 }')
SINGLE_MIN=$(awk -v t="$(csv single min)" 'BEGIN { printf "%.1f", t * 1000 }')
hf single-findings --warmup 5 --runs 50 -- "$AKTKOLL" check "$SINGLE_FILE_FINDINGS" --as-of "$AS_OF" --no-progress
SINGLE2_MEAN=$(awk -v t="$(csv single-findings mean)" 'BEGIN { printf "%.1f", t * 1000 }')
SINGLE2_MIN=$(awk -v t="$(csv single-findings min)" 'BEGIN { printf "%.1f", t * 1000 }')
SINGLE_WORST=$(awk -v a="$SINGLE_MEAN" -v b="$SINGLE2_MEAN" 'BEGIN { print (a > b ? a : b) }')

# --- Spectral ------------------------------------------------------------------------------
SPECTRAL_STATUS=skipped
SP_DOCS_S=n/a SP_RSS=n/a SP_KB_PER_DOC=n/a SP_SINGLE=n/a AK_SUB_DOCS_S=n/a SP_RATIO=n/a
if ((SPECTRAL_COUNT > 0)); then
  SPECTRAL=$BUILD_DIR/spectral/node_modules/.bin/spectral
  if [[ ! -x $SPECTRAL || $("$SPECTRAL" --version 2> /dev/null) != "$SPECTRAL_VERSION" ]]; then
    if command -v npm > /dev/null && command -v node > /dev/null; then
      # --ignore-scripts: the only install script is a telemetry ping (@scarf/scarf).
      run npm install --prefix "$BUILD_DIR/spectral" --no-audit --no-fund --ignore-scripts \
        "@stoplight/spectral-cli@$SPECTRAL_VERSION" || true
    else
      log "node/npm missing (apt-get install nodejs npm): Spectral skipped"
    fi
  fi
  if [[ -x $SPECTRAL ]]; then
    SPECTRAL_STATUS="@stoplight/spectral-cli $("$SPECTRAL" --version), node $(node --version)"
    SUB=$CORPUS/yaml-$SPECTRAL_COUNT
    RULESET=$ROOT/bench/spectral/ruleset.yaml
    sp_cmd=("$SPECTRAL" lint -r "$RULESET" --ignore-unknown-format -q -f json)
    # One file: start-up cost (the issue's anchor: 0.56 s).
    hf spectral-single --warmup 1 --runs 5 -- "${sp_cmd[@]}" -o "$OUT/spectral-single.json" "$SINGLE_FILE"
    SP_SINGLE=$(awk -v t="$(csv spectral-single mean)" 'BEGIN { printf "%.2f", t }')
    # The subset, once (it is slow): throughput and peak RSS from /usr/bin/time; memory per
    # document is the growth over the one-file run.
    SP_RSS=$(rss spectral "${sp_cmd[@]}" -o "$OUT/spectral.json" "$SUB/**/*.yaml")
    SP_DOCS_S=$(awk -v n="$SPECTRAL_COUNT" -v t="$(wall spectral)" 'BEGIN { printf "%.0f", n / t }')
    SP_RSS1=$(rss spectral-one "${sp_cmd[@]}" -o "$OUT/spectral-single.json" "$SINGLE_FILE")
    SP_KB_PER_DOC=$(awk -v a="$SP_RSS" -v b="$SP_RSS1" -v n="$SPECTRAL_COUNT" 'BEGIN { printf "%.0f", (a - b) * 1024 / n }')
    SP_RESULTS=$({ grep -o '"code"' "$OUT/spectral.json" || true; } | wc -l)
    log "spectral: $SP_DOCS_S docs/s, $SP_RESULTS results, peak RSS $SP_RSS MB (~$SP_KB_PER_DOC KB/document)"
    # aktkoll on exactly the same files, for the ratio.
    mapfile -t cmd < <(check_cmd "$SUB" "subset" "$J1")
    hf subset --warmup 1 --runs "$RUNS" -- "${cmd[@]}"
    AK_SUB_DOCS_S=$(awk -v n="$SPECTRAL_COUNT" -v t="$(csv subset mean)" 'BEGIN { printf "%.0f", n / t }')
    SP_RATIO=$(awk -v a="$AK_SUB_DOCS_S" -v b="$SP_DOCS_S" 'BEGIN { printf "%.1f", a / b }')
  fi
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- results -------------------------------------------------------------------------------
verdict() {  # verdict 1|0|na: PASS, FAIL, or n/a when not measured
  case $1 in
    na) echo "n/a" ;;
    1) echo "PASS" ;;
    *) echo "FAIL" ;;
  esac
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || a == "") { print "na"; exit } print (a + 0 >= b + 0) ? 1 : 0 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || a == "") { print "na"; exit } print (a + 0 <= b + 0) ? 1 : 0 }'; }

F_YAML=$(floor yaml-cpp.LoadFile docs_per_s) F_YAML_CPU=$(floor yaml-cpp.LoadFile docs_per_cpu_s)
F_JSON=$(floor 'nlohmann.parse(file)' docs_per_s) F_JSON_CPU=$(floor 'nlohmann.parse(file)' docs_per_cpu_s)
F_JSONL=$(floor 'nlohmann.parse(jsonl-line)' docs_per_s) F_JSONL_CPU=$(floor 'nlohmann.parse(jsonl-line)' docs_per_cpu_s)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
YAML_RATIO=$(ratio "${DOCS_S[$R_YAML]}" "$F_YAML")
YAML_RATIO_CPU=$(ratio "${CPU_DOCS_S[$R_YAML]}" "$F_YAML_CPU")
MIN_SPEEDUP=n/a ALL_IDENTICAL=n/a
if ((HAVE_JOBS)); then
  MIN_SPEEDUP=$(printf '%s\n' "${SPEEDUP[@]}" | sort -g | head -1)
  ALL_IDENTICAL=yes
  for f in yaml json jsonl; do [[ ${IDENTICAL[$f]} == yes ]] || ALL_IDENTICAL=NO; done
fi
JOBS_OK=na
if ((HAVE_JOBS)); then
  [[ $(ge "$MIN_SPEEDUP" 1.8) == 1 && $ALL_IDENTICAL == yes ]] && JOBS_OK=1 || JOBS_OK=0
fi

{
  echo "# aktkoll benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); checkout at start: commit $COMMIT$( ((BUILD)) || echo " (--no-build: binaries as last built in $BUILD_DIR, $(date -u -r "$AKTKOLL" +%Y-%m-%dT%H:%M:%SZ))")"
  echo "- machine: $(nproc) cores; load average $LOAD_START at start, $LOAD_END at end"
  echo "- aktkoll: rule pack '${PACK:-none (schema validation only)}' ${PACK_VERSION}, checks applied per case: up to $RULES_PER_CASE; \`--jobs\` $( ((HAVE_JOBS)) && echo supported || echo 'not supported (runs use the default)')"
  echo "- corpus: $COUNT documents per format (seed $SEED), YAML $((YAML_BYTES / COUNT)) bytes/document; as-of $AS_OF"
  echo "- Spectral: $SPECTRAL_STATUS"
  echo
  echo "## Throughput ($COUNT documents)"
  echo
  echo "| format | jobs | aktkoll docs/s | docs/CPU-s | cores used | parse-only floor docs/s (CPU) | ratio to floor | speed-up vs 1 job | output identical |"
  echo "|---|---|---:|---:|---:|---|---:|---:|---|"
  for fmt in yaml json jsonl; do
    case $fmt in
      yaml) fl="yaml-cpp LoadFile $F_YAML ($F_YAML_CPU)" fd=$F_YAML ;;
      json) fl="nlohmann parse $F_JSON ($F_JSON_CPU)" fd=$F_JSON ;;
      jsonl) fl="nlohmann parse/line $F_JSONL ($F_JSONL_CPU)" fd=$F_JSONL ;;
    esac
    for j in "${JOB_COUNTS[@]}"; do
      label=$fmt-j${j:-default}
      sp="" id=""
      [[ $j == 2 ]] && sp="${SPEEDUP[$fmt]}×" id=${IDENTICAL[$fmt]}
      echo "| $fmt | ${j:-default} | ${DOCS_S[$label]} | ${CPU_DOCS_S[$label]} | ${CORES[$label]} | $fl | $(ratio "${DOCS_S[$label]}" "$fd") | $sp | $id |"
    done
  done
  echo
  if [[ -f $OUT/stages-yaml.txt ]]; then
    echo "## Stages (µs per case, CPU time, one thread, first 1,000 cases)"
    echo
    for fmt in yaml json jsonl; do
      echo "### $fmt"
      echo
      sed -n '3,$p' "$OUT/stages-$fmt.txt" | grep -v '^stages '
    done
  fi
  echo "## Memory, single file, Spectral"
  echo
  echo "| measurement | value |"
  echo "|---|---:|"
  echo "| peak RSS, $COUNT documents (jobs ${JMAX:-default}) | $RSS_MAIN MB |"
  echo "| peak RSS, $BIG_COUNT documents (jobs ${JMAX:-default}) | $RSS_BIG MB |"
  echo "| \`aktkoll check $(basename "$SINGLE_FILE")\` wall, mean / min | $SINGLE_MEAN ms / $SINGLE_MIN ms |"
  echo "| \`aktkoll check $(basename "$SINGLE_FILE_FINDINGS")\` (findings) wall, mean / min | $SINGLE2_MEAN ms / $SINGLE2_MIN ms |"
  echo "| Spectral, $SPECTRAL_COUNT documents (one run) | $SP_DOCS_S docs/s, peak RSS $SP_RSS MB (~$SP_KB_PER_DOC KB/document) |"
  echo "| Spectral, one file | $SP_SINGLE s |"
  echo "| aktkoll, same $SPECTRAL_COUNT documents (jobs ${J1:-default}) | $AK_SUB_DOCS_S docs/s |"
  echo
  echo "## Targets"
  echo
  echo "| target | measured | result |"
  echo "|---|---|---|"
  echo "| YAML ≥ 0.8× yaml-cpp LoadFile parse-only, one core | ${YAML_RATIO}× (CPU-time basis ${YAML_RATIO_CPU}×) | $(verdict "$(ge "$YAML_RATIO" 0.8)") |"
  echo "| JSON ≥ 20,000 docs/s, one core | ${DOCS_S[$R_JSON]} docs/s | $(verdict "$(ge "${DOCS_S[$R_JSON]}" 20000)") |"
  echo "| JSONL ≥ 20,000 docs/s, one core | ${DOCS_S[$R_JSONL]} docs/s | $(verdict "$(ge "${DOCS_S[$R_JSONL]}" 20000)") |"
  echo "| \`--jobs 2\` ≥ 1.8× with byte-identical output | min ${MIN_SPEEDUP}×, identical: $ALL_IDENTICAL | $(verdict "$JOBS_OK") |"
  echo "| peak RSS ≤ 100 MB for 100,000 documents | $RSS_BIG MB ($BIG_COUNT documents) | $(verdict "$( ((BIG_COUNT == 100000)) && le "$RSS_BIG" 100 || echo na)") |"
  echo "| \`aktkoll check one.yaml\` ≤ 20 ms wall | mean $SINGLE_MEAN ms (compliant), $SINGLE2_MEAN ms (findings) | $(verdict "$(le "$SINGLE_WORST" 20)") |"
  echo "| ≥ 10× Spectral's throughput | ${SP_RATIO}× | $(verdict "$(ge "$SP_RATIO" 10)") |"
  echo
  if [[ -z $PACK ]]; then
    echo "**The rule pack was not active in this build: these are schema-validation-only figures, not the targets' measurement.**"
    echo
  fi
  echo "## Commands"
  echo
  echo '```sh'
  grep '^+ ' "$LOG" | sed 's/^+ //'
  echo '```'
} > "$RESULTS_MD.tmp"
mv "$RESULTS_MD.tmp" "$RESULTS_MD"
log ""
sed -n '/^# aktkoll benchmark results/,/^## Commands/p' "$RESULTS_MD" | sed '$d' | tee -a "$LOG"
log "results: $RESULTS_MD; log: $LOG"
if ((STRICT)) && grep -q '| FAIL |' "$RESULTS_MD"; then exit 1; fi
exit 0
