#!/usr/bin/env bash
# Restart and crash-recovery times of the real distribution with 250,000 stored packages (issue 10, item 6).
#   benchmarks/recovery.sh [prepare|measure|all] [packages=250000] [crashes=3]
# prepare: unpacks the built distribution into benchmarks/target/recovery/waybill and fills its embedded Derby with
#          the packages through the real import path (RecoveryDataGenerator: CSV plugin parse -> validation ->
#          preview -> confirm, 50,000 orders per file, one waiting package per order; store, warehouses and SKUs by
#          batched inserts), before Karaf ever starts.
# measure: first start, then 2 clean restarts (bin/stop + bin/start) and N crash restarts: `waybill:allocate
#          <1,000 waiting packages>` runs and the JVM is killed with SIGKILL as soon as its first chunks are committed; each
#          start is timed to HTTP 200 on /login and to the shell answering `waybill:plugin-list`. Prints one line
#          per start and a summary; the instance stays for inspection (data/log/karaf.log, data/log/derby.log).
# Needs a build (mvn install -DskipTests), curl and Java 17. MVN_ARGS are passed to Maven (e.g. -o
# -Dmaven.repo.local=...). Port: WAYBILL_HTTP_PORT (default 18281), WAYBILL_SSH_PORT (default 18201).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PHASE="${1:-all}"
PACKAGES="${2:-250000}"
CRASHES="${3:-3}"
TARBALL="$ROOT/karaf-features/distribution/target/waybill-distribution-0.1.0-SNAPSHOT.tar.gz"
WORK="$ROOT/benchmarks/target/recovery"
INSTANCE="$WORK/waybill"
HTTP_PORT="${WAYBILL_HTTP_PORT:-18281}"
SSH_PORT="${WAYBILL_SSH_PORT:-18201}"
PASSWORD_FILE="$WORK/admin-password"
LIMIT=600

prepare() {
  [ -f "$TARBALL" ] || { echo "no distribution at $TARBALL (mvn install -DskipTests first)" >&2; exit 1; }
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} install -DskipTests -pl benchmarks -am
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/benchmarks/target/classpath.txt" >/dev/null
  WAYBILL_INSTANCE="$INSTANCE" "$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true
  rm -rf "$INSTANCE" && mkdir -p "$INSTANCE"
  tar -xzf "$TARBALL" -C "$INSTANCE" --strip-components=1
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $HTTP_PORT/" "$INSTANCE/etc/org.apache.felix.http.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$INSTANCE/etc/org.apache.karaf.shell.cfg"
  LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 20 > "$PASSWORD_FILE" || true
  echo "Generating $PACKAGES packages in $INSTANCE/data/waybill/derby (real import path) ..."
  java -Xmx2g -cp "$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")" \
    io.waybill.benchmarks.RecoveryDataGenerator "$INSTANCE/data/waybill/derby" "$PACKAGES"
}

shell() {
  "$INSTANCE/bin/client" -h 127.0.0.1 -a "$SSH_PORT" -u admin -p "$(cat "$PASSWORD_FILE")" -r 1 -b 2>/dev/null
}

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

# starts the instance; prints "<login seconds> <shell seconds>"
timed_start() {
  local t0 login="" shell_s=""
  t0=$(now)
  WAYBILL_ADMIN_PASSWORD="$(cat "$PASSWORD_FILE")" "$INSTANCE/bin/start" >/dev/null 2>&1
  while [ $(( ($(now) - t0) / 1000000000 )) -lt "$LIMIT" ]; do
    if [ -z "$login" ] && [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/login" || true)" = 200 ]; then
      login=$(secs $(( $(now) - t0 )))
    fi
    if [ -n "$login" ] && printf 'waybill:plugin-list\n' | shell 2>/dev/null | grep -q plugins; then
      shell_s=$(secs $(( $(now) - t0 )))
      break
    fi
    sleep 0.5
  done
  [ -n "$shell_s" ] || { echo "the instance did not come up within $LIMIT s" >&2; tail -40 "$INSTANCE/data/log/karaf.log" >&2; exit 1; }
  echo "$login $shell_s"
}

pid() { cat "$INSTANCE/karaf.pid"; }

clean_stop() {
  local p; p=$(pid)
  timeout 60 "$INSTANCE/bin/stop" >/dev/null 2>&1 || true
  while kill -0 "$p" 2>/dev/null; do sleep 0.5; done
}

waiting() { printf 'waybill:package-list --status waiting -n 1\n' | shell | sed -n 's/^\(.* of \)\{0,1\}\([0-9]*\) packages *$/\2/p' | tail -1; }

measure() {
  [ -f "$PASSWORD_FILE" ] || { echo "run '$0 prepare' first" >&2; exit 1; }
  echo "Instance $INSTANCE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  read -r l s < <(timed_start)
  echo "first start with the generated database: /login 200 after $l s, shell ready after $s s"
  echo "packages waiting: $(waiting)"
  CLEAN=(); CRASH=()
  for i in 1 2; do
    clean_stop
    read -r l s < <(timed_start)
    echo "clean restart $i: /login 200 after $l s, shell ready after $s s"
    CLEAN+=("$s")
  done
  for i in $(seq 1 "$CRASHES"); do
    # write load: one Allocate Inventory of 1,000 waiting packages (parallel reads, then parallel chunks of 200 each
    # committed on its own); the JVM is killed as soon as the first chunks are committed, while the others are written
    nos=$(printf 'waybill:package-list --status waiting -n 1000\n' | shell | grep -oE '^WB[0-9]+' | tr '\n' ' ')
    before=$(waiting)
    (printf 'waybill:allocate %s\n' "$nos" | shell >/dev/null 2>&1 || true) &
    load=$!
    t0=$(now)
    while [ "$(waiting)" = "$before" ] && [ $(( ($(now) - t0) / 1000000000 )) -lt 300 ]; do sleep 0.2; done
    killed_after=$(secs $(( $(now) - t0 )))
    kill -9 "$(pid)"
    wait "$load" 2>/dev/null || true
    read -r l s < <(timed_start)
    echo "crash restart $i (SIGKILL $killed_after s into an allocation of 1,000 packages): /login 200 after $l s, shell ready after $s s; waiting before $before, after $(waiting)"
    CRASH+=("$s")
  done
  clean_stop
  echo
  echo "SUMMARY ($PACKAGES packages): clean restarts ${CLEAN[*]} s; crash restarts ${CRASH[*]} s (bin/start -> shell ready); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

case "$PHASE" in
  prepare) prepare ;;
  measure) measure ;;
  all) prepare; measure ;;
  *) echo "usage: $0 [prepare|measure|all] [packages] [crashes]" >&2; exit 2 ;;
esac
