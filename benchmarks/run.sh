#!/usr/bin/env bash
# Runs a Waybill benchmark harness and prints its figures.  Usage: benchmarks/run.sh [CaptureAllocateBenchmark] [args]
# Works from any directory. Paths handed to Maven are absolute: Maven 3.8 resolves a relative
# -Dmdep.outputFile against the module directory (benchmarks/benchmarks/target/...), 3.9 against the cwd.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLASSPATH_FILE="$ROOT/benchmarks/target/classpath.txt"
mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl benchmarks -am
mvn -B -q -f "$ROOT/pom.xml" -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
CP=$(cat "$CLASSPATH_FILE")
MAIN="${1:-CaptureAllocateBenchmark}"; shift || true
exec java -Xmx2g -cp "$ROOT/benchmarks/target/classes:$CP" "io.waybill.benchmarks.$MAIN" "$@"
