#!/usr/bin/env bash
# Builds the textwasm core for wasm32-unknown-unknown, runs its native tests, or checks its tables.
# Maven calls this (wasm-module/pom.xml); it works the same by hand:
#
#   ./build.sh wasm OUT_DIR    build target/.../textwasm_core.wasm and copy it to OUT_DIR/textwasm.wasm
#   ./build.sh test            cargo test for the core and the table generator (native)
#   ./build.sh names OUT_DIR   the same module with its name section, for size attribution
#   ./build.sh check-tables    fail when the generated tables differ from what ucdgen writes now
#
# Toolchain: Rust 1.63+ with the wasm32-unknown-unknown standard library. Preferred is Debian's
# rustc 1.63 (the oldest version we promise, so CI builds with exactly it); a rustup toolchain
# with the target also works. On a fresh Debian/Ubuntu machine running as root the packages are
# installed; anywhere else the script stops with the command to run.
set -euo pipefail
cd "$(dirname "$0")"

. ./toolchain.sh

sha256() { sha256sum "$1" | cut -d' ' -f1; }

build_wasm() { # $1 = profile, $2 = out dir [, $3 = cargo target dir]
  require_toolchain
  local profile=$1 out=$2 target=${3:-target}
  CARGO_TARGET_DIR="$target" "$CARGO" build --locked --quiet --profile "$profile" --target wasm32-unknown-unknown -p textwasm-core
  mkdir -p "$out"
  local wasm="$target/wasm32-unknown-unknown/$profile/textwasm_core.wasm"
  local dest="$out/textwasm.wasm"
  [ "$profile" = release ] || dest="$out/textwasm-$profile.wasm"
  # Binaryen shrinks what LLVM leaves: -Oz with inlining switched off. Inlining is off because
  # -Oz/-Os inline every single-caller function into one 11 KB function, which HotSpot never
  # compiles (over its 8,000-byte huge-method limit). Its structured simplify-locals can also nest
  # a loop inside an expression, so that the loop is entered with values on the stack, which
  # blocks on-stack replacement; either made Chicory run the core in the JVM interpreter (10-20x
  # slower). host-java's LoopHeaderStackTest fails on such a loop; the one -Os made (a hash probe
  # in compose) is gone since that probe is not inlined. Against the hand-picked passes used
  # before: 1,326 bytes raw and 279 Brotli smaller (-Os alone: 1,233 and 159; -Oz's shrink level
  # adds 93 and 120, with no change in a plain harness's byte-API timings). Only the features
  # Chicory runs are enabled.
  local keep_names=""
  [ "$profile" = release ] || keep_names="-g"
  wasm-opt $keep_names --mvp-features --enable-bulk-memory --enable-mutable-globals \
    -Oz --always-inline-max-function-size 0 --one-caller-inline-max-function-size 0 \
    --flexible-inline-max-function-size 0 \
    "$wasm" -o "$dest"
  echo "textwasm: $(basename "$dest"): $(stat -c %s "$dest") bytes, sha256 $(sha256 "$dest") ($("$RUSTC" --version))"
}

case "${1:-}" in
  wasm) build_wasm release "${2:?out dir}" ;;
  names) build_wasm release-names "${2:?out dir}" ;;
  test)
    require_toolchain
    require_test_tools
    "$CARGO" test --locked --workspace 2>&1
    # Reproducibility: a second clean build in another directory must give identical bytes.
    a=$(mktemp -d) b=$(mktemp -d)
    build_wasm release "$a/out" "$a/target" >/dev/null
    build_wasm release "$b/out" "$b/target" >/dev/null
    if cmp -s "$a/out/textwasm.wasm" "$b/out/textwasm.wasm"; then
      echo "textwasm: reproducible: two clean builds are byte-identical ($(sha256 "$a/out/textwasm.wasm"))"
      rm -rf "$a" "$b"
    else
      echo "textwasm: NOT reproducible: $a/out/textwasm.wasm and $b/out/textwasm.wasm differ" >&2
      exit 1
    fi
    ;;
  check-tables)
    require_toolchain
    "$CARGO" run --locked --quiet -p ucdgen --release -- --check
    ;;
  *) echo "usage: $0 wasm OUT_DIR | names OUT_DIR | test | check-tables" >&2; exit 2 ;;
esac
