#!/usr/bin/env bash
# Installs the system packages the test suite uses (real Chromium + driver for browser tests, socat for serial
# pseudo-terminals, zbar/poppler for barcode and PDF checks, CJK fonts; fonts-droid-fallback is the TrueType CJK
# font the print bundle embeds subsets of: PDFBox cannot subset the CFF outlines of Noto Sans CJK; fonts-symbola is
# the last font of the label chain (monochrome emoji such as 👩‍👩‍👧 🚚, symbols, mathematical letters 𝕳𝖊𝖑𝖑𝖔); DejaVu is the
# browser's default sans-serif the browser tests see: installed explicitly, never assumed). Debian/Ubuntu; needs root or sudo.
set -euo pipefail
PKGS="chromium chromium-driver socat zbar-tools poppler-utils fonts-noto-cjk fonts-droid-fallback fonts-symbola fonts-dejavu-core postgresql"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
