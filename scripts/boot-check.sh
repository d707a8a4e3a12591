#!/usr/bin/env bash
# Repeated first-start check (issue 19): unpacks the distribution fresh and starts it N times in a row (default 30),
# beside `stress-ng --cpu 2` so the machine is as busy as a loaded 2-core CI runner. Each start must answer HTTP 200
# on /login within the timeout, and its first boot's karaf.log must hold no "Stopping bundles" / "Refreshing bundles"
# (or update / uninstall) from Karaf's features service: a first boot that rewires the start-up bundles can deadlock.
# A start that does not answer is thread-dumped (kept in the work folder) and killed. Prints one line per start and a
# summary (count, boot time min / median / max); exits 1 when any start hung or refreshed.
#   ./scripts/boot-check.sh [starts] [--no-stress]
# Environment: WAYBILL_DISTRIBUTION (default: this build's tar.gz), WAYBILL_BOOT_TIMEOUT seconds (default 180),
#              WAYBILL_BOOT_CHECK_DIR work folder (default ./run/boot-check). Needs curl; stress-ng unless --no-stress
#              (apt-get install stress-ng). Not part of CI (it takes about half an hour); the IT suite checks one
#              first boot (ShellIT) and the restarts (RestartIT, CarrierRestartIT) for the same log lines.
set -euo pipefail
[ -z "${WAYBILL_DISTRIBUTION:-}" ] || WAYBILL_DISTRIBUTION=$(realpath -m "$WAYBILL_DISTRIBUTION")
[ -z "${WAYBILL_BOOT_CHECK_DIR:-}" ] || WAYBILL_BOOT_CHECK_DIR=$(realpath -m "$WAYBILL_BOOT_CHECK_DIR")
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STARTS=30
STRESS=1
for arg in "$@"; do
  case "$arg" in
    --no-stress) STRESS=0 ;;
    ''|*[!0-9]*) echo "usage: $0 [starts] [--no-stress]" >&2; exit 2 ;;
    *) STARTS="$arg" ;;
  esac
done
TARBALL="${WAYBILL_DISTRIBUTION:-$ROOT/karaf-features/distribution/target/waybill-distribution-0.1.0-SNAPSHOT.tar.gz}"
TIMEOUT="${WAYBILL_BOOT_TIMEOUT:-180}"
WORK="${WAYBILL_BOOT_CHECK_DIR:-$ROOT/run/boot-check}"
INSTANCE="$WORK/waybill"
[ -f "$TARBALL" ] || { echo "no distribution at $TARBALL (mvn install -DskipTests first)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
if [ "$STRESS" = 1 ]; then
  command -v stress-ng >/dev/null || { echo "stress-ng is needed (apt-get install stress-ng), or pass --no-stress" >&2; exit 1; }
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

STRESS_PID=""
KARAF_PID=""
cleanup() {
  [ -z "$KARAF_PID" ] || kill -9 "$KARAF_PID" 2>/dev/null || true
  [ -z "$STRESS_PID" ] || kill "$STRESS_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
: > "$RESULTS"
if [ "$STRESS" = 1 ]; then
  stress-ng --cpu 2 --quiet &
  STRESS_PID=$!
  echo "stress-ng --cpu 2 running (pid $STRESS_PID)"
fi
echo "Starting $TARBALL fresh $STARTS times (timeout $TIMEOUT s each); work folder $WORK"

hung=0; refreshed=0; answered=0
for i in $(seq 1 "$STARTS"); do
  rm -rf "$INSTANCE" && mkdir -p "$INSTANCE"
  tar -xzf "$TARBALL" -C "$INSTANCE" --strip-components=1
  http=$(free_port); ssh=$(free_port)
  while [ "$ssh" = "$http" ]; do ssh=$(free_port); done
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$INSTANCE/etc/org.apache.felix.http.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$INSTANCE/etc/org.apache.karaf.shell.cfg"
  t0=$(date +%s%N)
  WAYBILL_ADMIN_PASSWORD="$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 20 || true)" "$INSTANCE/bin/start" \
    >/dev/null 2>&1
  KARAF_PID=""
  status="hung"
  while [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt "$TIMEOUT" ]; do
    [ -n "$KARAF_PID" ] || KARAF_PID=$(cat "$INSTANCE/karaf.pid" 2>/dev/null || true)
    if [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/login" || true)" = 200 ]; then
      status="answered"; break
    fi
    if [ -n "$KARAF_PID" ] && ! kill -0 "$KARAF_PID" 2>/dev/null; then status="exited"; break; fi
    sleep 0.5
  done
  seconds=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  LOG="$INSTANCE/data/log/karaf.log"
  rewiring=$(grep -cE 'FeaturesServiceImpl .*\| (Stopping|Refreshing|Updating|Uninstalling) bundles:' "$LOG" 2>/dev/null || true)
  keep=""
  if [ "$status" != answered ]; then
    hung=$((hung + 1))
    keep="$WORK/start-$i"
    mkdir -p "$keep"
    [ -z "$KARAF_PID" ] || timeout 30 jstack "$KARAF_PID" > "$keep/threads.txt" 2>&1 || true
  else
    answered=$((answered + 1))
  fi
  if [ "${rewiring:-0}" != 0 ]; then
    refreshed=$((refreshed + 1))
    keep="$WORK/start-$i"
  fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp "$LOG" "$keep/karaf.log" 2>/dev/null || true
  fi
  echo "start $i/$STARTS: $status after $seconds s; stop/refresh lines in the first boot's log: ${rewiring:-0}${keep:+; kept in $keep}"
  [ "$status" != answered ] || echo "$seconds" >> "$RESULTS"
  # stop: bin/stop, then kill what does not end within 30 s
  if [ -n "$KARAF_PID" ] && kill -0 "$KARAF_PID" 2>/dev/null; then
    timeout 10 "$INSTANCE/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$KARAF_PID" 2>/dev/null; then
      echo "  (pid $KARAF_PID did not stop within 30 s: killed)"
      kill -9 "$KARAF_PID" 2>/dev/null || true
      while kill -0 "$KARAF_PID" 2>/dev/null; do sleep 0.2; done
    fi
  fi
  KARAF_PID=""
done
rm -rf "$INSTANCE"

summary=$(sort -n "$RESULTS" | awk '{ v[NR] = $1 } END {
  if (NR == 0) { print "no start answered"; exit }
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "boot time (bin/start -> HTTP 200 on /login) min %.1f s / median %.1f s / max %.1f s", v[1], m, v[NR] }')
echo
echo "SUMMARY: $STARTS fresh starts$([ "$STRESS" = 1 ] && echo " beside stress-ng --cpu 2"): $answered answered, $hung did not answer, $refreshed first boots stopped/refreshed bundles; $summary; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$hung" = 0 ] && [ "$refreshed" = 0 ]
