#!/usr/bin/env bash
# Stops the Waybill instance started by scripts/run.sh and waits for its JVM to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCE="$(pwd)/run/waybill"
[ -x "$INSTANCE/bin/stop" ] || { echo "no instance at $INSTANCE"; exit 0; }
"$INSTANCE/bin/stop" 2>/dev/null || true
for _ in $(seq 1 60); do
  pgrep -f "karaf.base=$INSTANCE" >/dev/null || { echo "Waybill stopped."; exit 0; }
  sleep 0.5
done
echo "Waybill did not stop within 30 s; killing it." >&2
pkill -f "karaf.base=$INSTANCE" || true
