#!/usr/bin/env bash
# The action's setup, in three commands so that actions/cache can sit between
# them (action.yml):
#   setup.sh plan     a released ref (vX.Y.Z): install that release's .deb and
#                     print mode=installed; otherwise print mode=build, the
#                     cache key (a hash of the sources) and the directory to
#                     cache (to $GITHUB_OUTPUT)
#   setup.sh build    compile claimlint into that directory, with the shared
#                     libraries it needs beside it (so a cache hit needs no apt)
#   setup.sh path     put the directory on $GITHUB_PATH
# Environment: GITHUB_ACTION_PATH (the action's checkout), GITHUB_ACTION_REF,
# GITHUB_ACTION_REPOSITORY, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH;
# CLAIMLINT_RELEASE_BASE overrides where releases are downloaded from
# (default https://github.com/<repo>/releases/download); CLAIMLINT_BUILD_DIR
# builds in (and keeps) an existing build directory instead of a fresh one.
set -euo pipefail
src="${GITHUB_ACTION_PATH:?}"
cache_root="${RUNNER_TEMP:-/tmp}/claimlint-action"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

log() { echo "claimlint setup: $*" >&2; }

source_hash() {
  # Everything the binary is built from; the same sources give the same key.
  (cd "$src" && find CMakeLists.txt cmake lint rules -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-20)
}

install_release() {
  local ref="$1" version arch repo base deb
  version="${ref#v}"
  arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
  repo="${GITHUB_ACTION_REPOSITORY:-}"
  base="${CLAIMLINT_RELEASE_BASE:-https://github.com/$repo/releases/download}"
  deb="${cache_root}/claimlint_${version}_${arch}.deb"
  mkdir -p "$cache_root"
  if ! curl -fsSL --retry 3 -o "$deb" "$base/$ref/claimlint_${version}_${arch}.deb"; then
    log "no .deb for $ref at $base; building instead"
    return 1
  fi
  if ! command -v apt-get >/dev/null; then
    log "not a Debian/Ubuntu runner; building instead"
    return 1
  fi
  # apt-get resolves the package's Depends (re2, cmark-gfm, yaml-cpp).
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" ||
    { as_root apt-get update -qq &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb"; }
}

plan() {
  local ref="${GITHUB_ACTION_REF:-}"
  if [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] && install_release "$ref"; then
    echo "mode=installed" >>"$GITHUB_OUTPUT"
    log "installed the $ref release: $(claimlint --version)"
    return
  fi
  local os key
  os="$(. /etc/os-release 2>/dev/null && echo "${ID:-linux}-${VERSION_ID:-0}")"
  key="claimlint-${os}-$(uname -m)-$(source_hash)"
  {
    echo "mode=build"
    echo "key=$key"
    echo "dir=$cache_root/bin"
  } >>"$GITHUB_OUTPUT"
}

build() {
  local packages="build-essential cmake pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libre2-dev nlohmann-json3-dev libyaml-cpp-dev"
  local missing="" p
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    as_root apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
  local build="${CLAIMLINT_BUILD_DIR:-$cache_root/build}" dir="$cache_root/bin"
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCLAIMLINT_TESTS=OFF \
    -DCLAIMLINT_BENCH=OFF >/dev/null
  cmake --build "$build" --target claimlint -j"$(nproc)"
  rm -rf "$dir"
  mkdir -p "$dir/libexec" "$dir/lib"
  cp "$build/claimlint" "$dir/libexec/claimlint"
  strip "$dir/libexec/claimlint" 2>/dev/null || true
  # The libraries that are not part of every system (re2, cmark-gfm,
  # yaml-cpp and theirs), so that a runner restoring the cache runs the binary
  # without installing packages.
  ldd "$build/claimlint" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' |
    grep -Ev '/(libc|libm|libstdc\+\+|libgcc_s|ld-linux[^/]*|libpthread|libdl|librt)\.so' |
    while read -r lib; do cp -L "$lib" "$dir/lib/"; done
  cat >"$dir/claimlint" <<'WRAP'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/libexec/claimlint" "$@"
WRAP
  chmod +x "$dir/claimlint"
  "$dir/claimlint" --version >&2
  if [ -z "${CLAIMLINT_BUILD_DIR:-}" ]; then rm -rf "$build"; fi
}

case "${1:-}" in
  plan) plan ;;
  build) build ;;
  path) echo "$cache_root/bin" >>"$GITHUB_PATH" ;;
  *)
    echo "usage: setup.sh plan|build|path" >&2
    exit 2
    ;;
esac
