#!/usr/bin/env bash
# Runs the whole Waybill test suite: unit tests of every module, then the integration tests that boot the real
# distribution and drive it through the Karaf shell, HTTP and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-test-deps.sh
# -T 2: modules whose inputs are built go side by side (the plugins' tests beside the core's, and the two
# integration-test suites, each on a distribution of its own, at the end)
mvn -B -T 2 verify "$@"
