#!/usr/bin/env bash
# Runs the whole Waybill test suite: unit tests of every module, then the integration tests that boot the real
# distribution and drive it through the Karaf shell, HTTP and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-test-deps.sh
mvn -B verify "$@"
