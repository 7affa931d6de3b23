#!/usr/bin/env bash
# Unpacks the SARIF 2.1.0 JSON Schema from the pinned npm package @microsoft/jest-sarif
# (MIT) into DIR, once. Uses `npm pack`, so nothing is installed or run.
set -euo pipefail
dir=$1
schema=$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json
[ -f "$schema" ] && exit 0
mkdir -p "$dir"
cd "$dir"
tarball=$(npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0)
tar xzf "$tarball"
test -f "$schema"
echo "SARIF schema: $schema"
