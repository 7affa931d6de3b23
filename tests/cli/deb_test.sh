#!/usr/bin/env bash
# CPack builds a .deb whose dependencies are Debian runtime packages, with the copyright
# file and the Debian changelog of its version, that lintian passes without an error or a
# warning; unpacked into a temporary root with `dpkg -x`, its binary runs and checks the
# examples.
#   deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
libs=(libfyaml libfmt libre2 libxlsxwriter libnettle libc6 libstdc++6)
# YAML is read by libfyaml alone: neither yaml-cpp nor libyaml may be a dependency.
for lib in libyaml-cpp libyaml-0; do
  echo "$depends" | grep -q "$lib" && { echo "FAIL: Depends has $lib"; exit 1; }
done
# jemalloc is linked except in sanitizer builds, which bring their own allocator.
if readelf -d "$build/aktkoll" | grep -q 'libjemalloc'; then libs+=(libjemalloc); fi
for lib in "${libs[@]}"; do
  echo "$depends" | grep -q "$lib" || { echo "FAIL: Depends lacks $lib"; exit 1; }
done
listing=$(dpkg-deb -c "$deb")
grep -q './usr/bin/aktkoll$' <<< "$listing" || { echo "FAIL: no /usr/bin/aktkoll"; exit 1; }
for f in usr/share/man/man1/aktkoll.1.gz usr/share/man/man5/aktkoll-rules.5.gz \
         usr/share/bash-completion/completions/aktkoll usr/share/zsh/vendor-completions/_aktkoll \
         usr/share/fish/vendor_completions.d/aktkoll.fish usr/share/doc/aktkoll/copyright \
         usr/share/doc/aktkoll/changelog.Debian.gz; do
  grep -q "./$f" <<< "$listing" || { echo "FAIL: the package lacks /$f"; exit 1; }
done
dpkg -x "$deb" "$work/root"
# Every path under FILES in aktkoll(1) is in the package.
man=$(gzip -dc "$work/root/usr/share/man/man1/aktkoll.1.gz")
files=$(sed -n '/^\.SH FILES/,/^\.SH /p' <<< "$man" | sed -n 's/^\.I \(\/.*\)$/\1/p' | sed 's/\\-/-/g')
[ -n "$files" ] || { echo "FAIL: no paths under FILES in aktkoll(1)"; exit 1; }
for f in $files; do
  [ -e "$work/root$f" ] || { echo "FAIL: aktkoll(1) lists $f under FILES, which the package does not install"; exit 1; }
done
# The changelog's newest entry is the package's version.
version=$(dpkg-deb -f "$deb" Version)
gzip -dc "$work/root/usr/share/doc/aktkoll/changelog.Debian.gz" > "$work/changelog"
logged=$(dpkg-parsechangelog -l "$work/changelog" -S Version)
[ "$version" = "$logged" ] || { echo "FAIL: the package is $version, its changelog $logged"; exit 1; }
# lintian (Debian's package checker): no error and no warning (exit 2 on either); its
# notes are shown.
rc=0
lintian --fail-on error,warning --tag-display-limit 0 -I "$deb" > "$work/lintian.txt" 2>&1 || rc=$?
grep -v '^running with root' "$work/lintian.txt" || true
[ $rc = 0 ] || { echo "FAIL: lintian exited $rc: errors or warnings (above)"; exit 1; }
# SARIF names the installed README as the tool's documentation: the package has it.
(cd "$root" && "$work/root/usr/bin/aktkoll" check examples/barn-datakvalitet-brister.yaml --as-of 2026-11-23 \
   --format sarif:"$work/r.sarif") || true
uri=$(grep -o '"informationUri": *"[^"]*"' "$work/r.sarif" | sed 's/.*"file:\/\/\([^"]*\)"$/\1/')
[ -n "$uri" ] && [ -f "$work/root$uri" ] || { echo "FAIL: SARIF's informationUri ($uri) is not in the package"; exit 1; }
echo "the .deb unpacks with dpkg -x and its aktkoll checks examples/"
