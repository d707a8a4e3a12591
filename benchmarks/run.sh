#!/usr/bin/env bash
# Runs a Waybill benchmark harness and prints its figures.
# Usage: benchmarks/run.sh [Harness] [args]   (Harness: a class of io.waybill.benchmarks with a main method,
#        default CaptureAllocateBenchmark; an unknown name lists them)
# Extra Maven options (e.g. offline with a private repo): WAYBILL_MVN_ARGS="-o -Dmaven.repo.local=/path" run.sh ...
# JVM options: BENCH_JAVA_OPTS (default -Xmx2g).
# Works from any directory. Paths handed to Maven are absolute: Maven 3.8 resolves a relative
# -Dmdep.outputFile against the module directory (benchmarks/benchmarks/target/...), 3.9 against the cwd.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLASSPATH_FILE="$ROOT/benchmarks/target/classpath.txt"
MVN_ARGS=(${WAYBILL_MVN_ARGS:-})
MAIN="${1:-CaptureAllocateBenchmark}"; shift || true
SRC="$ROOT/benchmarks/src/main/java/io/waybill/benchmarks"
if ! grep -qs 'public static void main' "$SRC/$MAIN.java"; then
  echo "Unknown harness '$MAIN'. Harnesses:" >&2
  grep -l 'public static void main' "$SRC"/*.java | xargs -n1 basename | sed 's/\.java$//; s/^/  /' >&2
  exit 2
fi
mvn -B -q "${MVN_ARGS[@]}" -f "$ROOT/pom.xml" install -DskipTests -pl benchmarks -am
mvn -B -q "${MVN_ARGS[@]}" -f "$ROOT/pom.xml" -pl benchmarks dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
CP=$(cat "$CLASSPATH_FILE")
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$ROOT/benchmarks/target/classes:$CP" "io.waybill.benchmarks.$MAIN" "$@"
