# Finds every dependency from Debian's packages. A missing one stops configuration
# with the apt-get line that installs it; nothing is downloaded at build time.
set(_aktkoll_missing "")

macro(aktkoll_require_config name package)
  find_package(${name} CONFIG QUIET)
  if(NOT ${name}_FOUND)
    list(APPEND _aktkoll_missing ${package})
  endif()
endmacro()

macro(aktkoll_require_pkgconfig prefix module package)
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
  if(NOT ${prefix}_FOUND)
    list(APPEND _aktkoll_missing ${package})
  endif()
endmacro()

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  list(APPEND _aktkoll_missing pkgconf)
endif()

aktkoll_require_config(CLI11 libcli11-dev)
aktkoll_require_config(fmt libfmt-dev)
aktkoll_require_config(nlohmann_json nlohmann-json3-dev)
aktkoll_require_config(valijson libvalijson-dev)
if(AKTKOLL_BUILD_TESTS)
  aktkoll_require_config(doctest doctest-dev)
endif()
if(AKTKOLL_BUILD_BENCH)
  aktkoll_require_config(benchmark libbenchmark-dev)
  # yaml-cpp only as a reference line in the benchmarks (bench/), never to read input.
  aktkoll_require_config(yaml-cpp libyaml-cpp-dev)
endif()
if(PkgConfig_FOUND)
  aktkoll_require_pkgconfig(RE2 re2 libre2-dev)
  aktkoll_require_pkgconfig(LIBFYAML libfyaml libfyaml-dev)
  aktkoll_require_pkgconfig(XLSXWRITER xlsxwriter libxlsxwriter-dev)
  aktkoll_require_pkgconfig(NETTLE nettle nettle-dev)
  if(AKTKOLL_USE_JEMALLOC)
    aktkoll_require_pkgconfig(JEMALLOC jemalloc libjemalloc-dev)
  endif()
endif()

if(_aktkoll_missing)
  list(REMOVE_DUPLICATES _aktkoll_missing)
  list(JOIN _aktkoll_missing " " _aktkoll_missing_str)
  message(FATAL_ERROR
    "aktkoll: missing build dependencies.\n"
    "Install them with:\n"
    "    sudo apt-get install -y ${_aktkoll_missing_str}\n"
    "or run scripts/setup.sh, which installs what is missing and builds.")
endif()
