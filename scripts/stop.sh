#!/usr/bin/env bash
# Stops the Waybill instance started by scripts/run.sh and waits for its JVM to exit; kills the JVM when bin/stop
# does not end it in time (a start-up that hangs cannot be stopped by bin/stop).
# Environment: WAYBILL_INSTANCE (default ./run/waybill), WAYBILL_STOP_WAIT seconds to wait (default 30).
set -euo pipefail
[ -z "${WAYBILL_INSTANCE:-}" ] || WAYBILL_INSTANCE=$(realpath -m "$WAYBILL_INSTANCE")
cd "$(dirname "$0")/.."
INSTANCE="${WAYBILL_INSTANCE:-$(pwd)/run/waybill}"
WAIT="${WAYBILL_STOP_WAIT:-30}"
[ -x "$INSTANCE/bin/stop" ] || { echo "no instance at $INSTANCE"; exit 0; }
# the JVM of this instance: the pid Karaf wrote at start, if that process still runs Karaf for this folder
PID=$(cat "$INSTANCE/karaf.pid" 2>/dev/null || true)
if [ -n "$PID" ] && ! tr '\0' ' ' < "/proc/$PID/cmdline" 2>/dev/null | grep -qF -- "-Dkaraf.base=$INSTANCE "; then
  PID=""
fi
[ -n "$PID" ] || PID=$(pgrep -f -- "-Dkaraf.base=$INSTANCE .*org.apache.karaf.main.Main" | head -1 || true)
[ -n "$PID" ] || { echo "Waybill is not running."; exit 0; }
timeout 10 "$INSTANCE/bin/stop" >/dev/null 2>&1 || true
for _ in $(seq 1 $(( WAIT * 2 ))); do
  kill -0 "$PID" 2>/dev/null || { echo "Waybill stopped."; exit 0; }
  sleep 0.5
done
echo "Waybill (pid $PID) did not stop within $WAIT s of bin/stop; killing it." >&2
kill -9 "$PID" 2>/dev/null || true
for _ in $(seq 1 20); do
  kill -0 "$PID" 2>/dev/null || { echo "Waybill killed."; exit 0; }
  sleep 0.5
done
echo "Waybill (pid $PID) is still running after kill -9." >&2
exit 1
