#!/usr/bin/env bash
# The cross-runtime comparison in one command (see benchmarks/README.md).
#
#   benchmarks/run.sh            full run, about an hour on an idle 2-core machine: writes benchmarks/results/RESULTS.md,
#                                benchmarks/results/throughput.svg and (not committed) benchmarks/results/raw/
#   benchmarks/run.sh --quick    smoke run, about a minute: every benchmark and contender once, no figure
#                                worth reading; writes benchmarks/target/results-quick/
#   benchmarks/run.sh --build    first rebuild and install the core and the Java host from this checkout
#                                (otherwise the textwasm jars installed in ~/.m2 are measured)
#
# Other arguments go to the harness (io.textwasm.bench.harness.Compare): --only jmh,node,native,graalwasm,
# redline,startup,memory,fidelity runs some stages; --jobs REGEX some JMH jobs (e.g. '^aot count'); --out DIR.
# Environment: TEXTWASM_NODE, TEXTWASM_CARGO, TEXTWASM_JDK25 point at a node, cargo or JDK 25 home elsewhere.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
cd "$repo"

args=()
build=false
for a in "$@"; do
  if [ "$a" = "--build" ]; then build=true; else args+=("$a"); fi
done

if $build; then
  echo "run.sh: building and installing the core and the host (mvn -B -q install -DskipTests -pl host-java -am)" >&2
  mvn -B -q install -DskipTests -pl host-java -am
fi
echo "run.sh: building the benchmarks (mvn -B -q -pl benchmarks package -DskipTests)" >&2
rm -rf "$here/target/lib" # the class path is target/lib/*: no jar from an earlier build may linger
mvn -B -q -pl benchmarks package -DskipTests

# The harness starts JMH forks, Node, the native binary and GraalWasm itself; nothing else should
# run on the machine meanwhile.
exec java -Xmx2g \
  -Dtextwasm.bench.dir="$here" \
  -Dtextwasm.repo="$repo" \
  -Dtextwasm.graalwasm.lib="$here/target/graalwasm-lib" \
  -cp "$here/target/classes:$here/target/lib/*" \
  io.textwasm.bench.harness.Compare ${args[@]+"${args[@]}"}
