#!/usr/bin/env bash
# Builds the example plugins for wasm32-unknown-unknown, or runs their native tests. Maven calls
# this (plugins/pom.xml); it works the same by hand:
#
#   ./build.sh wasm OUT_DIR    build every plugin and copy it to OUT_DIR/<name>.wasm
#   ./build.sh test            cargo test for the SDK and the plugins (native)
#
# Toolchain: the core's (wasm-module/toolchain.sh): Debian's rustc 1.63 when present.
set -euo pipefail
cd "$(dirname "$0")"

. ../wasm-module/toolchain.sh

# crate name -> file name
PLUGINS="textwasm_plugin_redact:redact textwasm_plugin_fold_width:fold-width"

# rustdoc must match rustc (doctests), and a rustup rustdoc may come first on PATH.
use_matching_rustdoc() { [ -x "$(dirname "$RUSTC")/rustdoc" ] && export RUSTDOC="$(dirname "$RUSTC")/rustdoc" || true; }

case "${1:-}" in
  wasm)
    require_toolchain
    out=${2:?out dir}
    "$CARGO" build --locked --quiet --release --target wasm32-unknown-unknown \
      -p textwasm-plugin-redact -p textwasm-plugin-fold-width
    mkdir -p "$out"
    for p in $PLUGINS; do
      src="target/wasm32-unknown-unknown/release/${p%%:*}.wasm" dest="$out/${p##*:}.wasm"
      cp "$src" "$dest"
      echo "textwasm: plugin $(basename "$dest"): $(stat -c %s "$dest") bytes, sha256 $(sha256sum "$dest" | cut -d' ' -f1)"
    done
    ;;
  test)
    require_toolchain
    use_matching_rustdoc
    "$CARGO" test --locked --workspace 2>&1
    ;;
  *) echo "usage: $0 wasm OUT_DIR | test" >&2; exit 2 ;;
esac
