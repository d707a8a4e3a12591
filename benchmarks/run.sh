#!/usr/bin/env bash
# Runs a Waybill benchmark harness and prints its figures.  Usage: benchmarks/run.sh [CaptureAllocateBenchmark] [args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl benchmarks -am
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=benchmarks/target/classpath.txt >/dev/null
CP=$(cat benchmarks/target/classpath.txt)
MAIN="${1:-CaptureAllocateBenchmark}"; shift || true
exec java -Xmx2g -cp "benchmarks/target/classes:$CP" "io.waybill.benchmarks.$MAIN" "$@"
