#!/usr/bin/env python3
"""How does the core module compare with ICU's own data, and how far can general compressors go?

An experiment, not part of the build (SIZE.md quotes its result). It prints, at Brotli quality 11
and window 24 (the size gate's settings):

* the core module whole, and its code and data sections each compressed alone, with the sizes a
  stronger general-purpose compressor gets on the same bytes (xz -9e, and zpaq -m5, a
  context-mixing compressor, when the `zpaq` command is installed): if those do not beat Brotli by
  much, the bytes are close to what any general model can find in them;
* ICU4J 76.1's data files for the same work (Unicode 16.0), taken from the jar Maven fetched: the
  normalization data of each form, the case mappings and the character and word break rules.

    python3 wasm-module/experiments/reference_sizes.py [MODULE.wasm] [ICU4J.jar]

It needs Python's `brotli` module (Debian: apt-get install python3-brotli, then run it with
/usr/bin/python3). The defaults are the module `mvn package` builds and ICU4J 76.1 in ~/.m2.
"""
import lzma
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import brotli
except ImportError:
    sys.exit("reference_sizes.py needs Python's brotli module: apt-get install python3-brotli, "
             "then run it with /usr/bin/python3")

HERE = pathlib.Path(__file__).resolve().parent
MODULE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
    HERE.parent / "target" / "classes" / "io" / "textwasm" / "core" / "textwasm.wasm"
ICU4J = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
    pathlib.Path.home() / ".m2" / "repository" / "com" / "ibm" / "icu" / "icu4j" / "76.1" / "icu4j-76.1.jar"
ICU_DATA = "com/ibm/icu/impl/data/icudata/"
ICU_FILES = ["nfc.nrm", "nfkc.nrm", "nfkc_cf.nrm", "ucase.icu", "brkitr/char.brk", "brkitr/word.brk"]


def br(data):
    return len(brotli.compress(data, quality=11, lgwin=24))


def xz(data):
    return len(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))


def zpaq(data):
    """zpaq -m5's archive size, or None without the command (its header costs a few dozen bytes)."""
    if not shutil.which("zpaq"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "in"
        src.write_bytes(data)
        archive = pathlib.Path(tmp) / "out.zpaq"
        subprocess.run(["zpaq", "a", str(archive), str(src), "-m5"], capture_output=True, check=True)
        return archive.stat().st_size


def sections(wasm):
    """The payloads of the code (10) and data (11) sections."""
    def leb(i):
        value = shift = 0
        while True:
            byte = wasm[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, i
    out, i = {}, 8
    while i < len(wasm):
        section_id = wasm[i]
        size, i = leb(i + 1)
        out[section_id] = wasm[i:i + size]
        i += size
    return out[10], out[11]


def row(name, data, general=True):
    cells = [name, f"{len(data):,}", f"{br(data):,}"]
    if general:
        z = zpaq(data)
        cells += [f"{xz(data):,}", "-" if z is None else f"{z:,}"]
    print("| " + " | ".join(cells) + " |")


def main():
    wasm = MODULE.read_bytes()
    code, data = sections(wasm)
    print(f"core module {MODULE.name}\n")
    print("| bytes | raw | Brotli | xz -9e | zpaq -m5 |\n|---|---:|---:|---:|---:|")
    row("whole module", wasm)
    row("code section", code)
    row("data section", data)

    with zipfile.ZipFile(ICU4J) as jar:
        icu = {name: jar.read(ICU_DATA + name) for name in ICU_FILES}
    print(f"\nICU4J data files, from {ICU4J.name}\n")
    print("| file | raw | Brotli |\n|---|---:|---:|")
    for name, content in icu.items():
        row(name, content, general=False)
    # Concatenated, so Brotli can share what the files have in common.
    row("nfc.nrm + nfkc.nrm", icu["nfc.nrm"] + icu["nfkc.nrm"], general=False)
    row("nfc.nrm + nfkc.nrm + nfkc_cf.nrm", icu["nfc.nrm"] + icu["nfkc.nrm"] + icu["nfkc_cf.nrm"], general=False)
    row("char.brk + word.brk", icu["brkitr/char.brk"] + icu["brkitr/word.brk"], general=False)
    row("all six", b"".join(icu.values()), general=False)


if __name__ == "__main__":
    main()
