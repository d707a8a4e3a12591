#!/usr/bin/env bash
# Memory and start-up of the real distribution with 1,000,000 stored packages (issue 15, items 5 and 6, and the
# browser check of item 1). Not part of CI. Usage:
#   benchmarks/million.sh <1M Derby database directory> [restarts=2] [rounds=5]
# The database (e.g. one written by `run.sh PackageDataGenerator <dir> 1000000`) is COPIED, never opened in place.
#  1. unpacks the built distribution into benchmarks/target/million/waybill (its bin/setenv as shipped: the JVM
#     options under test; MILLION_SETENV=karaf replaces it with Karaf's own, no heap or GC options, for the "before"
#     figure), with NMT on (-XX:NativeMemoryTracking=summary through EXTRA_JAVA_OPTS);
#  2. cold start: the fresh distribution with its empty database (demo data loaded), bin/start -> HTTP 200 on /login
#     and -> the shell answering `waybill:plugin-list`, with the JVM's CPU time (utime + stime of its /proc stat) at
#     that moment, its JIT and GC time (jcmd PerfCounter.print) and the load average;
#  3. the copy of the 1M database replaces the empty one; first start on it, then <restarts> clean restarts (bin/stop
#     + bin/start), each timed the same way;
#  4. a day's work: MillionBrowserCheck (Chromium: every Delivery Management tab, the Waiting tab opened again
#     from another tab, a search by package no. on Waiting and by tracking no. on Shipped, click-to-rendered times,
#     limit 1 s), `waybill:allocate` of 10,000 waiting packages (one command, numbers from `package-list`) and
#     `waybill:print` of 1,000 tracked packages' labels into the print folder, each with wall and JVM CPU time;
#  5. VmRSS / VmHWM, `jcmd VM.native_memory summary`, `jcmd GC.class_histogram` (a full GC first: what is live),
#     with the lines of Waybill's own classes and of the per-package types (entities, rows), GC.heap_info.
# Everything is printed and kept under benchmarks/target/million/ (million-<time>.log, nmt.txt, histogram.txt,
# screenshots/); the instance is stopped at the end. Needs a build (mvn install -DskipTests), curl, Java 17 with jcmd,
# Chromium + chromedriver (scripts/install-test-deps.sh). MVN_ARGS go to Maven (e.g. "-o -Dmaven.repo.local=...");
# MILLION_REUSE=1 skips steps 1-3 and restarts the instance of an earlier run; MILLION_SKIP_BUILD=1 reuses benchmarks/target/classes and its classpath; MILLION_SKIP_COLD=1 skips step 2. Ports: WAYBILL_HTTP_PORT (18381),
# WAYBILL_SSH_PORT (18301).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SOURCE_DB="${1:?usage: $0 <1M Derby database directory> [restarts=2] [rounds=5]}"
RESTARTS="${2:-2}"
ROUNDS="${3:-5}"
TARBALL="$ROOT/karaf-features/distribution/target/waybill-distribution-0.1.0-SNAPSHOT.tar.gz"
WORK="$ROOT/benchmarks/target/million"
INSTANCE="$WORK/waybill"
HTTP_PORT="${WAYBILL_HTTP_PORT:-18381}"
SSH_PORT="${WAYBILL_SSH_PORT:-18301}"
PASSWORD_FILE="$WORK/admin-password"
LIMIT=900
HZ=$(getconf CLK_TCK)

[ -f "$SOURCE_DB/service.properties" ] || { echo "$SOURCE_DB is not a Derby database directory" >&2; exit 2; }
[ -f "$TARBALL" ] || { echo "no distribution at $TARBALL (mvn install -DskipTests first)" >&2; exit 1; }
mkdir -p "$WORK"
LOG="$WORK/million-$(date -u +%Y%m%dT%H%M%SZ).log"
exec > >(tee "$LOG") 2>&1

if [ -z "${MILLION_SKIP_BUILD:-}" ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} install -DskipTests -pl benchmarks -am
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/benchmarks/target/classpath.txt" >/dev/null
fi

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
pid() { cat "$INSTANCE/karaf.pid"; }
# CPU seconds (user + system) the Karaf JVM has used since it started
cpu() { awk -v hz="$HZ" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$(pid)/stat"; }
rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$(pid)/status"; }
shell() {
  "$INSTANCE/bin/client" -h 127.0.0.1 -a "$SSH_PORT" -u admin -p "$(cat "$PASSWORD_FILE")" -r 3 -b 2>/dev/null
}
# the JVM's CPU seconds by thread (numbers stripped from names: all C2 compiler threads add up), the largest first:
# a start-up profile that needs no agent (C1/C2 CompilerThread = JIT, VM Thread = Serial GC and safepoints,
# FelixStartLevel = bundle activation, the features resolver, Derby boot)
threads_cpu() {
  cat /proc/"$(pid)"/task/*/stat 2>/dev/null | awk -v hz="$HZ" '{ c = $0; sub(/^[0-9]+ \(/, "", c); sub(/\) .*/, "", c)
    r = $0; sub(/^.*\) /, "", r); split(r, f, " "); gsub(/[#0-9-]+$/, "", c); s[c] += (f[12] + f[13]) / hz }
    END { for (k in s) if (s[k] >= 0.1) printf "%.1f %s\n", s[k], k }' | sort -rn | head -6 | awk '{ v = $1; $1 = ""; printf "%s%s %s s", (NR > 1 ? ", " : ""), substr($0, 2), v }'
}

# starts the instance; prints "<login s> <shell s> <JVM CPU s at shell ready>"
timed_start() {
  local t0 login="" shell_s=""
  t0=$(now)
  WAYBILL_ADMIN_PASSWORD="$(cat "$PASSWORD_FILE")" EXTRA_JAVA_OPTS="-XX:NativeMemoryTracking=summary" \
    "$INSTANCE/bin/start" >/dev/null 2>&1
  while [ $(( ($(now) - t0) / 1000000000 )) -lt "$LIMIT" ]; do
    if [ -z "$login" ] && [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/login" || true)" = 200 ]; then
      login=$(secs $(( $(now) - t0 )))
    fi
    if [ -n "$login" ] && printf 'waybill:plugin-list\n' | shell 2>/dev/null | grep -q plugins; then
      shell_s=$(secs $(( $(now) - t0 )))
      break
    fi
    sleep 0.2
  done
  [ -n "$shell_s" ] || { echo "the instance did not come up within $LIMIT s" >&2; tail -40 "$INSTANCE/data/log/karaf.log" >&2; exit 1; }
  echo "$login $shell_s $(cpu)"
}

clean_stop() {
  local p; p=$(pid)
  timeout 120 "$INSTANCE/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 240); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done
  echo "Karaf JVM $p did not stop in 120 s: killing it" >&2
  kill -9 "$p" 2>/dev/null || true
}
trap '[ -f "$INSTANCE/karaf.pid" ] && kill -0 "$(pid)" 2>/dev/null && clean_stop' EXIT

report_start() { # <what> <login> <shell> <cpu>
  echo "$1: /login 200 after $2 s, shell ready after $3 s; JVM CPU $4 s (by thread: $(threads_cpu)); $(rss); load $(load)"
}

if [ -z "${MILLION_REUSE:-}" ]; then
# ---------------------------------------------------------------- 1. unpack
WAYBILL_INSTANCE="$INSTANCE" "$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true
rm -rf "$INSTANCE" && mkdir -p "$INSTANCE"
tar -xzf "$TARBALL" -C "$INSTANCE" --strip-components=1
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $HTTP_PORT/" "$INSTANCE/etc/org.apache.felix.http.cfg"
sed -i "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$INSTANCE/etc/org.apache.karaf.shell.cfg"
if [ "${MILLION_SETENV:-}" = karaf ]; then
  # Karaf's own bin/setenv sets nothing: the JVM picks its defaults (G1, a quarter of the RAM as max heap)
  printf '#!/bin/sh\n' > "$INSTANCE/bin/setenv"
  echo "bin/setenv: Karaf's (none of Waybill's JVM options)"
else
  echo "bin/setenv: Waybill's: $(grep -E '^ *EXTRA_JAVA_OPTS=' "$INSTANCE/bin/setenv" | tr -s ' ' | tr '\n' ' ')"
fi
LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 20 > "$PASSWORD_FILE" || true
echo "Instance $INSTANCE; $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load $(load)"

# ---------------------------------------------------------------- 2. cold start (empty database, demo data)
if [ -z "${MILLION_SKIP_COLD:-}" ]; then
  read -r l s c < <(timed_start)
  report_start "cold start (fresh unpack, empty database)" "$l" "$s" "$c"
  echo "  JVM: $(tr '\0' ' ' < "/proc/$(pid)/cmdline" | grep -oE -- '-X(ms|mx)[^ ]+|-XX:[^ ]+' | tr '\n' ' ')"
  clean_stop
else
  echo "cold start skipped (MILLION_SKIP_COLD): the first start below is then also Karaf's first (features resolved)"
fi

# ---------------------------------------------------------------- 3. the 1M database, first start and restarts
t0=$(now)
rm -rf "$INSTANCE/data/waybill/derby" && mkdir -p "$INSTANCE/data/waybill"
cp -r "$SOURCE_DB" "$INSTANCE/data/waybill/derby"
rm -f "$INSTANCE/data/waybill/derby/db.lck" "$INSTANCE/data/waybill/derby/dbex.lck"
echo "copied $(du -sh "$INSTANCE/data/waybill/derby" | cut -f1) of Derby in $(secs $(( $(now) - t0 ))) s"
read -r l s c < <(timed_start)
report_start "first start on the 1M copy (Derby opens it; migrations if the copy is older)" "$l" "$s" "$c"
RESTART=()
for i in $(seq 1 "$RESTARTS"); do
  clean_stop
  read -r l s c < <(timed_start)
  report_start "restart $i with 1M" "$l" "$s" "$c"
  RESTART+=("$s s / CPU $c s")
done
echo "packages: $(printf 'waybill:package-list -n 1\n' | shell | grep -E 'of [0-9]+ packages' | tail -1 || true)"
RSS_RESTART=$(rss)

else
  # MILLION_REUSE=1: the instance of an earlier run (1M database in place, Karaf's cache warm): one more restart
  [ -f "$PASSWORD_FILE" ] && [ -d "$INSTANCE/data/waybill/derby" ] || { echo "no earlier instance in $INSTANCE" >&2; exit 1; }
  read -r l s c < <(timed_start)
  report_start "restart with 1M (MILLION_REUSE)" "$l" "$s" "$c"
  RESTART=("$s s / CPU $c s")
  RSS_RESTART=$(rss)
fi
# ---------------------------------------------------------------- 4. a day's work
# search terms: a waiting package far from the first page, a shipped package's tracking number
wait_no=$(printf 'waybill:package-list --status waiting -n 1 -p 5000\n' | shell | grep -oE '^WB[0-9]+' | head -1 || true)
track_no=$(printf 'waybill:package-list --status shipped -n 1 -p 5000\n' | shell | grep -oE 'LX[0-9]{9}CN' | head -1 || true)
echo "browser check (search terms: waiting package $wait_no, shipped tracking no. $track_no) ..."
cpu0=$(cpu); t0=$(now)
java -Dscreenshots="$WORK/screenshots" -cp "$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")" \
  io.waybill.benchmarks.MillionBrowserCheck "http://127.0.0.1:$HTTP_PORT" admin "$PASSWORD_FILE" "$ROUNDS" \
  ${wait_no:+waiting:$wait_no} ${track_no:+shipped:$track_no} || echo "MillionBrowserCheck failed (exit $?)"
echo "browser check: $(secs $(( $(now) - t0 ))) s wall, server JVM CPU $(awk -v a="$cpu0" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }') s; $(rss); load $(load)"

nos=""
for p in $(seq 1 10); do
  nos="$nos $(printf 'waybill:package-list --status waiting -n 1000 -p %d\n' "$p" | shell | grep -oE '^WB[0-9]+' | tr '\n' ' ' || true)"
done
echo "allocating $(wc -w <<< "$nos") waiting packages in one waybill:allocate ..."
cpu0=$(cpu); t0=$(now)
printf 'waybill:allocate %s\n' "$nos" | shell | grep -E '^Allocate|done' | head -3 || true
echo "allocate 10,000: $(secs $(( $(now) - t0 ))) s wall, server JVM CPU $(awk -v a="$cpu0" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }') s; $(rss); load $(load)"

nos=$(printf 'waybill:package-list --status tracked -n 1000\n' | shell | grep -oE '^WB[0-9]+' | tr '\n' ' ' || true)
echo "printing the labels of $(wc -w <<< "$nos") tracked packages ..."
cpu0=$(cpu); t0=$(now)
printf 'waybill:print -o million-labels.pdf %s\n' "$nos" | shell | grep -E 'Wrote|refused|not' | head -3 || true
echo "print 1,000 labels: $(secs $(( $(now) - t0 ))) s wall, server JVM CPU $(awk -v a="$cpu0" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }') s; $(rss); load $(load)"

# ---------------------------------------------------------------- 5. memory after the day's work
P=$(pid)
RSS_DAY=$(rss)
echo "after the day's work: $RSS_DAY"
jcmd "$P" VM.native_memory summary > "$WORK/nmt.txt" 2>&1 || true
echo "NMT (committed, MB): $(awk '/^Total:/ || /^-  *[A-Z]/ { for (i = 1; i <= NF; i++) if ($i ~ /^committed=/) { v = $i; sub(/committed=/, "", v); sub(/KB,?\)?/, "", v); n = $0; sub(/^- */, "", n); sub(/ *\(.*/, "", n); printf "%s %d; ", n, v / 1024 } }' "$WORK/nmt.txt")"
jcmd "$P" GC.class_histogram > "$WORK/histogram.txt" 2>&1 || true
jcmd "$P" GC.heap_info > "$WORK/heap-info.txt" 2>&1 || true
echo "heap after a full GC (GC.class_histogram, live objects): $(awk '/^Total/ { printf "%d objects, %.1f MB", $2, $3 / 1048576 }' "$WORK/histogram.txt")"
echo "largest classes:"; sed -n '3,17p' "$WORK/histogram.txt"
echo "Waybill's classes with the most live instances (per-package objects would number in the thousands):"
grep -E ' io\.waybill\.' "$WORK/histogram.txt" | head -15
echo "heap: $(grep -E 'total|used' "$WORK/heap-info.txt" | tr -s ' ' | tr '\n' ' ')"
clean_stop
trap - EXIT

echo
echo "SUMMARY: cold start $(grep -m1 '^cold start' "$LOG" | sed 's/^[^:]*: //; s/; load.*//'); restarts with 1M ${RESTART[*]};"
echo "  RSS after a restart with 1M: $RSS_RESTART; after the day's work: $RSS_DAY; load $(load)"
echo "  log: $LOG"
