# Sourced by build scripts (wasm-module/build.sh, plugins/build.sh): finds a Rust toolchain that
# can build for wasm32-unknown-unknown, installing Debian's packages when that is possible.
#
#   require_toolchain    exports RUSTC and CARGO, or exits with the command the user must run
#   require_test_tools   makes sure wasm-objdump, wat2wasm and brotli exist (the test suites call them)
#
# Preferred is Debian's rustc 1.63 (the oldest version we promise, so CI builds with exactly it);
# a rustup toolchain with the wasm32 target also works.

APT_PACKAGES="rustc cargo libstd-rust-dev-wasm32 lld binaryen wabt brotli nodejs"

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
  if find_toolchain && command -v wasm-opt >/dev/null 2>&1; then return 0; fi
  if install_toolchain && find_toolchain; then return 0; fi
  cat >&2 <<MSG
textwasm: no Rust toolchain with the wasm32-unknown-unknown target (plus binaryen's wasm-opt) was found.
  On Debian or Ubuntu run:   sudo apt-get install $APT_PACKAGES
  With rustup run:           rustup target add wasm32-unknown-unknown   (and install binaryen for wasm-opt,
                             wabt and brotli for the tests)
MSG
  exit 1
}

# Tools the test suites call come from the same apt step: wasm-objdump, wat2wasm and brotli (the
# size report's oracles, called first: size-report is the first module of the build) and node
# (the benchmarks' fidelity test runs the module under V8).
has_test_tools() {
  for tool in wasm-objdump wat2wasm brotli node; do
    command -v "$tool" >/dev/null 2>&1 || return 1
  done
}

require_test_tools() {
  if has_test_tools; then return 0; fi
  install_toolchain || true
  has_test_tools || {
    echo "textwasm: the tests need wasm-objdump, wat2wasm, brotli and node: sudo apt-get install wabt brotli nodejs" >&2; exit 1; }
}

