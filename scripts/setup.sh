#!/usr/bin/env bash
# The first set-up command: installs what is missing, builds aktkoll with its man pages,
# shell completions and Debian changelog (all that `cmake --install` and cpack need), and
# checks the example case records in examples/, so a newcomer sees a real report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
aktkoll_ensure_packages

build=${AKTKOLL_BUILD_DIR:-build}
# Configure once; later runs rebuild incrementally (ninja re-runs cmake when needed).
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target aktkoll man completions debian_changelog

echo
echo "== $build/aktkoll check examples/ =="
status=0
"$build/aktkoll" check examples/ || status=$?
echo
case $status in
  0) echo "aktkoll: slutstatus 0 — inga anmärkningar." ;;
  1) echo "aktkoll: slutstatus 1 — exemplen innehåller brister med flit; rapporten ovan visar dem." ;;
  *) echo "aktkoll: slutstatus $status — något gick fel."; exit "$status" ;;
esac
