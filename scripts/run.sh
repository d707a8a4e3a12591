#!/usr/bin/env bash
# Builds Waybill and starts it on its embedded Derby database with demo data.
#   ./scripts/run.sh            build, (re)install into ./run/waybill keeping its data, start
#   ./scripts/run.sh --no-build start the last build
#   ./scripts/run.sh --fresh    throw away ./run/waybill (database and users included) first
# Environment: WAYBILL_HTTP_PORT (default 8181), WAYBILL_SSH_PORT (default 8101),
#              WAYBILL_ADMIN_PASSWORD (first start only; generated and printed when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
INSTANCE="$ROOT/run/waybill"
HTTP_PORT="${WAYBILL_HTTP_PORT:-8181}"
SSH_PORT="${WAYBILL_SSH_PORT:-8101}"
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --fresh) "$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true; rm -rf "$INSTANCE" ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

java -version 2>&1 | grep -q 'version "17' || echo "warning: Waybill is built and tested on Java 17 (Karaf 4.4 does not start on 25)" >&2
TARBALL="$ROOT/karaf-features/distribution/target/waybill-distribution-0.1.0-SNAPSHOT.tar.gz"
if [ "$BUILD" = 1 ]; then
  echo "Building Waybill (mvn install -DskipTests)..."
  mvn -B -q install -DskipTests
fi
[ -f "$TARBALL" ] || { echo "no distribution at $TARBALL: run without --no-build" >&2; exit 1; }

"$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true

# Labels with Chinese addresses need a TrueType CJK font on the machine (see print-bundle/README.md).
if ! ls /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf /usr/share/fonts/truetype/wqy/*.tt? >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing a CJK font for labels (fonts-droid-fallback)..."
    (apt-get install -y -qq fonts-droid-fallback >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq fonts-droid-fallback; }) >/dev/null 2>&1 || true
  else
    echo "note: no CJK font found; install fonts-droid-fallback to print labels with Chinese addresses" >&2
  fi
fi

# Install the new build, keeping the database, users and SSH host key of an existing instance.
STAGE="$ROOT/run/.stage"
rm -rf "$STAGE" && mkdir -p "$STAGE"
tar -xzf "$TARBALL" -C "$STAGE"
NEW="$STAGE/$(ls "$STAGE" | head -1)"
if [ -d "$INSTANCE" ]; then
  mkdir -p "$NEW/data"
  [ -d "$INSTANCE/data/waybill" ] && mv "$INSTANCE/data/waybill" "$NEW/data/waybill"
  for f in users.properties host.key; do [ -f "$INSTANCE/etc/$f" ] && cp -p "$INSTANCE/etc/$f" "$NEW/etc/$f"; done
  rm -rf "$INSTANCE"
fi
mkdir -p "$ROOT/run"
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
"$INSTANCE/bin/start"
for _ in $(seq 1 240); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/login" || true)
  [ "$code" = 200 ] && break
  sleep 0.5
done
if [ "$code" != 200 ]; then
  echo "Waybill did not answer on port $HTTP_PORT; last log lines:" >&2
  tail -40 "$INSTANCE/data/log/karaf.log" >&2 || true
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
