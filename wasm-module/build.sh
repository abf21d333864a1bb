#!/usr/bin/env bash
# Builds the textwasm core for wasm32-unknown-unknown, runs its native tests, or checks its tables.
# Maven calls this (wasm-module/pom.xml); it works the same by hand:
#
#   ./build.sh wasm OUT_DIR    build target/.../textwasm_core.wasm and copy it to OUT_DIR/textwasm.wasm
#   ./build.sh test            cargo test for the core and the table generator (native)
#   ./build.sh names OUT_DIR   the same module with its name section, for size attribution
#
# Toolchain: Rust 1.63+ with the wasm32-unknown-unknown standard library. Preferred is Debian's
# rustc 1.63 (the oldest version we promise, so CI builds with exactly it); a rustup toolchain
# with the target also works. On a fresh Debian/Ubuntu machine running as root the packages are
# installed; anywhere else the script stops with the command to run.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES="rustc cargo libstd-rust-dev-wasm32 lld wabt brotli"

has_wasm_std() { # $1 = rustc
  local sysroot
  sysroot=$("$1" --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]
}

find_toolchain() {
  if [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && has_wasm_std /usr/bin/rustc; then
    export RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo
    return 0
  fi
  if command -v rustc >/dev/null 2>&1 && command -v cargo >/dev/null 2>&1 && has_wasm_std "$(command -v rustc)"; then
    export RUSTC="$(command -v rustc)" CARGO="$(command -v cargo)"
    return 0
  fi
  return 1
}

install_toolchain() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && grep -qiE '^ID(_LIKE)?=.*(debian|ubuntu)' /etc/os-release 2>/dev/null; then
    echo "textwasm: installing the Rust wasm toolchain: apt-get install $APT_PACKAGES" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq $APT_PACKAGES >&2
    return 0
  fi
  return 1
}

require_toolchain() {
  if find_toolchain; then return 0; fi
  if install_toolchain && find_toolchain; then return 0; fi
  cat >&2 <<MSG
textwasm: no Rust toolchain with the wasm32-unknown-unknown target was found.
  On Debian or Ubuntu run:   sudo apt-get install $APT_PACKAGES
  With rustup run:           rustup target add wasm32-unknown-unknown   (and install wabt and brotli for the tests)
MSG
  exit 1
}

# Tools the test suites call (wasm-objdump, brotli) come from the same apt step.
require_test_tools() {
  if command -v wasm-objdump >/dev/null 2>&1 && command -v brotli >/dev/null 2>&1 && command -v wat2wasm >/dev/null 2>&1; then return 0; fi
  install_toolchain || true
  command -v wasm-objdump >/dev/null 2>&1 && command -v brotli >/dev/null 2>&1 || {
    echo "textwasm: the tests need wasm-objdump, wat2wasm and brotli: sudo apt-get install wabt brotli" >&2; exit 1; }
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

build_wasm() { # $1 = profile, $2 = out dir
  require_toolchain
  local profile=$1 out=$2
  "$CARGO" build --locked --quiet --profile "$profile" --target wasm32-unknown-unknown -p textwasm-core
  mkdir -p "$out"
  local wasm="target/wasm32-unknown-unknown/$profile/textwasm_core.wasm"
  local dest="$out/textwasm.wasm"
  [ "$profile" = release ] || dest="$out/textwasm-$profile.wasm"
  cp "$wasm" "$dest"
  echo "textwasm: $(basename "$dest"): $(stat -c %s "$dest") bytes, sha256 $(sha256 "$dest") ($("$RUSTC" --version))"
}

case "${1:-}" in
  wasm) build_wasm release "${2:?out dir}" ;;
  names) build_wasm release-names "${2:?out dir}" ;;
  test)
    require_toolchain
    require_test_tools
    "$CARGO" test --locked --workspace 2>&1
    ;;
  check-tables)
    require_toolchain
    "$CARGO" run --locked --quiet -p ucdgen --release -- --check
    ;;
  *) echo "usage: $0 wasm OUT_DIR | names OUT_DIR | test | check-tables" >&2; exit 2 ;;
esac
