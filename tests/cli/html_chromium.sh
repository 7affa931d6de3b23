#!/usr/bin/env bash
# Renders the HTML report for examples/ in headless Chromium (Debian's package) and fails
# on any console message, failed resource load or network request. A negative control (a
# page that logs a console error and loads a missing image) proves the check can fail.
# Then works the report's filter in Chromium (tests/cli/html_filter_harness.html): each
# severity and status box, each rule and each unit must display exactly the findings and
# cases it selects. The screenshot of the report is kept as html-report.png.
#   html_chromium.sh AKTKOLL_BINARY SOURCE_DIR
set -euo pipefail
aktkoll=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() {  # render FILE: prints Chromium's log lines that matter
  local profile
  profile=$(mktemp -d -p "$work")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --window-size=1200,1600 \
    --screenshot="$work/shot.png" "file://$1" > "$work/out" 2> "$work/err" || true
  grep -E "CONSOLE|Uncaught|net::ERR_|Failed to load resource" "$work/err" || true
}

cat > "$work/control.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>c</title></head>
<body><img src="file:///nonexistent/aktkoll-kontroll.png"><script>console.error("kontroll");</script></body></html>
HTML
if [ -z "$(render "$work/control.html")" ]; then
  echo "FAIL: the negative control raised nothing; this check cannot see console errors" >&2
  exit 1
fi

# With the example waivers, so the status filter has waived findings to hide.
(cd "$root" && "$aktkoll" check examples --as-of 2026-11-23 --waivers docs/exempel/undantag.yaml \
   --format "html:$work/report.html") || [ $? -eq 1 ]
problems=$(render "$work/report.html")
if [ -n "$problems" ]; then
  echo "FAIL: Chromium reported problems with the HTML report:" >&2
  echo "$problems" >&2
  exit 1
fi
test -s "$work/shot.png"

# The filter: the harness reads the report beside it in a frame (hence
# --allow-file-access-from-files, for this test page only) and writes its verdict into #out.
cp "$root/tests/cli/html_filter_harness.html" "$work/"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$(mktemp -d -p "$work")" --allow-file-access-from-files --virtual-time-budget=10000 \
  --dump-dom "file://$work/html_filter_harness.html" 2> "$work/filter-err" > "$work/filter-dom" || true
verdict=$(tr '\n' '\001' < "$work/filter-dom" | sed 's/.*<pre id="out">//; s/<\/pre>.*//' | tr '\001' '\n')
echo "filter: $(tail -1 <<< "$verdict")"
if ! grep -qE '^checks [0-9]+ hidden [1-9][0-9]*$' <<< "$verdict" || grep -q '^FAIL' <<< "$verdict"; then
  echo "FAIL: the HTML report's filter does not display what it selects:" >&2
  echo "$verdict" | head -40 >&2
  exit 1
fi
# The screenshot of this run is kept as a test artefact (in the test's working directory,
# the build folder, or in AKTKOLL_ARTIFACTS), to look at after the run.
artefacts=${AKTKOLL_ARTIFACTS:-$PWD}
mkdir -p "$artefacts" && cp "$work/shot.png" "$artefacts/html-report.png" && echo "screenshot: $artefacts/html-report.png"
echo "HTML report rendered in headless Chromium without console errors or network requests"
