#!/usr/bin/env bash
# Renders the HTML report for examples/ in headless Chromium (Debian's package) and fails
# on any console message, failed resource load or network request. A negative control (a
# page that logs a console error and loads an external image) proves the check can fail.
# The screenshot of the report is kept as html-report.png.
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
<body><img src="http://192.0.2.1/x.png"><script>console.error("kontroll");</script></body></html>
HTML
if [ -z "$(render "$work/control.html")" ]; then
  echo "FAIL: the negative control raised nothing; this check cannot see console errors" >&2
  exit 1
fi

(cd "$root" && "$aktkoll" check examples --as-of 2026-11-23 --format "html:$work/report.html") || [ $? -eq 1 ]
problems=$(render "$work/report.html")
if [ -n "$problems" ]; then
  echo "FAIL: Chromium reported problems with the HTML report:" >&2
  echo "$problems" >&2
  exit 1
fi
test -s "$work/shot.png"
# The screenshot of this run is kept as a test artefact (in the test's working directory,
# the build folder, or in AKTKOLL_ARTIFACTS), to look at after the run.
artefacts=${AKTKOLL_ARTIFACTS:-$PWD}
mkdir -p "$artefacts" && cp "$work/shot.png" "$artefacts/html-report.png" && echo "screenshot: $artefacts/html-report.png"
echo "HTML report rendered in headless Chromium without console errors or network requests"
