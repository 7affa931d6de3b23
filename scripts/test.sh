#!/usr/bin/env bash
# The second set-up command, and exactly what CI runs (.ci/run): installs what is missing,
# builds everything and runs the whole test suite:
#   1. the suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/);
#   2. each libFuzzer harness for a short run (build-fuzz/, scripts/fuzz.sh);
#   3. the suite on the normal build (build/), last, so its summary closes the output.
# AKTKOLL_QUICK=1 skips 1 and 2 (for a quick local loop; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
aktkoll_ensure_packages clang libclang-rt-14-dev
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"

if [ "${AKTKOLL_QUICK:-0}" != 1 ]; then
  echo "== ASan + UBSan: build-asan/"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAKTKOLL_SANITIZE=address,undefined \
    -DAKTKOLL_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  # Leaks inside libfyaml 0.7.12 itself are suppressed (fuzz/lsan-libfyaml.supp), not ours.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan-libfyaml.supp ctest --test-dir build-asan --output-on-failure -j"$jobs"

  echo "== libFuzzer: ${AKTKOLL_FUZZ_SECONDS:-60} s per harness"
  scripts/fuzz.sh "${AKTKOLL_FUZZ_SECONDS:-60}"
fi

echo "== test suite: build/"
ctest --test-dir build --output-on-failure -j"$jobs"

# The conformance counts (ctest above already failed on any miss): the YAML test suite and
# JSONTestSuite from ../shared/corpora, or a "skipped: ..." line where they are absent.
echo "== conformance: ../shared/corpora"
corpora=../shared/corpora
build/tests/conformance/input_conformance --yaml "$corpora/yaml-test-suite" \
  --json "$corpora/JSONTestSuite/test_parsing" || [ $? -eq 77 ]
