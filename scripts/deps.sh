# Sourced by setup.sh and test.sh: installs the Debian packages aktkoll needs, if missing.
# Every dependency comes from Debian's packages; nothing is downloaded at build time.
AKTKOLL_PACKAGES=(
  cmake ninja-build g++ pkgconf
  libcli11-dev libfyaml-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev doctest-dev libvalijson-dev
  libre2-dev libxlsxwriter-dev nettle-dev libjemalloc-dev libbenchmark-dev
  libxml2-utils unzip strace groff-base dpkg-dev lintian zsh fish chromium
)

aktkoll_ensure_packages() {
  local missing=()
  for p in "${AKTKOLL_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "aktkoll: installerar saknade paket: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
