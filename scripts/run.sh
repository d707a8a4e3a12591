#!/usr/bin/env bash
# Builds Waybill and starts it on its embedded Derby database with demo data.
#   ./scripts/run.sh            build, (re)install into ./run/waybill keeping its data, start
#   ./scripts/run.sh --no-build start the last build
#   ./scripts/run.sh --fresh    throw away ./run/waybill (database and users included) first
# Environment: WAYBILL_HTTP_PORT (default 8181), WAYBILL_SSH_PORT (default 8101),
#              WAYBILL_ADMIN_PASSWORD (first start only; generated and printed when unset),
#              WAYBILL_READY_TIMEOUT seconds to wait for the UI (default 180),
#              WAYBILL_INSTANCE instance folder (default ./run/waybill),
#              WAYBILL_DISTRIBUTION the distribution tar(.gz) to install (default: this build's).
# When the instance does not answer in time, run.sh stops it (kills its JVM if bin/stop does not end it within
# 15 s), prints the reason, the start-up thread's stack and the log tail, and exits 1: running it again works.
set -euo pipefail
[ -z "${WAYBILL_INSTANCE:-}" ] || WAYBILL_INSTANCE=$(realpath -m "$WAYBILL_INSTANCE")
[ -z "${WAYBILL_DISTRIBUTION:-}" ] || WAYBILL_DISTRIBUTION=$(realpath -m "$WAYBILL_DISTRIBUTION")
cd "$(dirname "$0")/.."
ROOT=$(pwd)
INSTANCE="${WAYBILL_INSTANCE:-$ROOT/run/waybill}"
export WAYBILL_INSTANCE="$INSTANCE"
HTTP_PORT="${WAYBILL_HTTP_PORT:-8181}"
SSH_PORT="${WAYBILL_SSH_PORT:-8101}"
READY_TIMEOUT="${WAYBILL_READY_TIMEOUT:-180}"
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --fresh) "$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true; rm -rf "$INSTANCE" ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

java -version 2>&1 | grep -q 'version "17' || echo "warning: Waybill is built and tested on Java 17 (Karaf 4.4 does not start on 25)" >&2
TARBALL="${WAYBILL_DISTRIBUTION:-$ROOT/karaf-features/distribution/target/waybill-distribution-0.1.0-SNAPSHOT.tar.gz}"
if [ "$BUILD" = 1 ]; then
  echo "Building Waybill (mvn install -DskipTests)..."
  mvn -B -q install -DskipTests
fi
[ -f "$TARBALL" ] || { echo "no distribution at $TARBALL: run without --no-build" >&2; exit 1; }

"$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true

# Labels draw each character with the first font that has it: DejaVu Sans (in the bundle) -> a TrueType CJK font
# -> Symbola (emoji, symbols, math letters); see print-bundle/README.md. Without the system fonts Waybill still
# starts: it prints what the installed fonts can draw and refuses the rest clearly (at import, and at print time).
for font in "fonts-droid-fallback:/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf /usr/share/fonts/truetype/wqy/*.tt?:Chinese/Japanese" \
            "fonts-symbola:/usr/share/fonts/truetype/ancient-scripts/Symbola*.ttf /usr/share/fonts/truetype/symbola/*.ttf:emoji and symbols"; do
  pkg="${font%%:*}"; rest="${font#*:}"; paths="${rest%%:*}"; what="${rest#*:}"
  found=""
  for f in $paths; do [ -f "$f" ] && found="$f"; done  # globs left unexpanded are no file
  if [ -z "$found" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing a label font for $what ($pkg)..."
      (apt-get install -y -qq "$pkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$pkg"; }) >/dev/null 2>&1 \
        || echo "note: could not install $pkg; names with $what characters will be refused at import" >&2
    else
      echo "note: no font for $what on labels; install $pkg, else orders with such names are refused at import" >&2
    fi
  fi
done

# Install the new build, keeping the database, users and SSH host key of an existing instance.
STAGE="$(dirname "$INSTANCE")/.stage"
rm -rf "$STAGE" && mkdir -p "$STAGE"
tar -xf "$TARBALL" -C "$STAGE"
NEW="$STAGE/$(ls "$STAGE" | head -1)"
if [ -d "$INSTANCE" ]; then
  mkdir -p "$NEW/data"
  [ -d "$INSTANCE/data/waybill" ] && mv "$INSTANCE/data/waybill" "$NEW/data/waybill"
  for f in users.properties waybill.accounts.properties host.key; do [ -f "$INSTANCE/etc/$f" ] && cp -p "$INSTANCE/etc/$f" "$NEW/etc/$f"; done
  rm -rf "$INSTANCE"
fi
mkdir -p "$(dirname "$INSTANCE")"
mv "$NEW" "$INSTANCE"
rm -rf "$STAGE"
chmod +x "$INSTANCE"/bin/*
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $HTTP_PORT/" "$INSTANCE/etc/org.apache.felix.http.cfg"
sed -i "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$INSTANCE/etc/org.apache.karaf.shell.cfg"

FIRST_PASSWORD=""
if ! grep -qE '^[^#_!][^=]*=' "$INSTANCE/etc/users.properties"; then
  if [ -z "${WAYBILL_ADMIN_PASSWORD:-}" ]; then
    FIRST_PASSWORD=$(LC_ALL=C tr -dc 'A-HJ-NP-Za-km-z2-9' < /dev/urandom | head -c 20 || true)
    export WAYBILL_ADMIN_PASSWORD="$FIRST_PASSWORD"
  fi
fi

echo "Starting Waybill in $INSTANCE ..."
START=$(date +%s)
LOG="$INSTANCE/data/log/karaf.log"
"$INSTANCE/bin/start"
PID=""
code=""
reason=""
while :; do
  code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/login" || true)
  [ "$code" = 200 ] && break
  [ -n "$PID" ] || PID=$(cat "$INSTANCE/karaf.pid" 2>/dev/null || true)
  if [ -n "$PID" ] && ! kill -0 "$PID" 2>/dev/null; then
    reason="the Karaf JVM (pid $PID) exited during start-up"
    break
  fi
  if [ $(( $(date +%s) - START )) -ge "$READY_TIMEOUT" ]; then
    reason="no HTTP 200 on http://127.0.0.1:$HTTP_PORT/login within $READY_TIMEOUT s of bin/start (last answer: ${code:-none})"
    break
  fi
  sleep 0.5
done
if [ "$code" != 200 ]; then
  {
    echo "Waybill did not start: $reason."
    if grep -qE '\| (Stopping|Refreshing) bundles:' "$LOG" 2>/dev/null; then
      echo "The start stopped or refreshed bundles (karaf.log \"Stopping bundles\"/\"Refreshing bundles\"): a start that rewires framework bundles can deadlock (issue 19)."
    fi
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
      if command -v jstack >/dev/null; then
        echo "--- start-level thread of pid $PID (jstack) ---"
        timeout 20 jstack "$PID" 2>/dev/null | awk '/^"FelixStartLevel"/{p=1} p&&/^$/{exit} p' | head -40 || true
      fi
    fi
    echo "--- last 40 lines of $LOG ---"
    tail -40 "$LOG" 2>/dev/null || echo "(no log)"
    echo "--- end of karaf.log ---"
  } >&2
  WAYBILL_STOP_WAIT=15 "$ROOT/scripts/stop.sh" >&2 || true
  echo "Waybill was stopped; fix the cause above and run ./scripts/run.sh again." >&2
  exit 1
fi
cat <<MSG

Waybill is running (ready in $(( $(date +%s) - START )) s).
  Operator UI:  http://localhost:$HTTP_PORT/
  Admin shell:  $INSTANCE/bin/client -a $SSH_PORT -u admin     (SSH on 127.0.0.1:$SSH_PORT)
MSG
if [ -n "$FIRST_PASSWORD" ]; then
  cat <<MSG
  Log in as:    admin / $FIRST_PASSWORD
                (generated now and shown once; it is stored hashed in etc/users.properties)
MSG
elif [ -n "${WAYBILL_ADMIN_PASSWORD:-}" ]; then
  echo "  Log in as:    admin / the password in WAYBILL_ADMIN_PASSWORD"
else
  echo "  Log in as:    admin / the password shown at first start"
fi
echo "  Stop with:    ./scripts/stop.sh"
