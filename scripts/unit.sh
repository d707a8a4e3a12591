#!/usr/bin/env bash
# Everyday work: every module's unit tests plus the architecture rules (ArchUnit: PluginImports in every plugin,
# UiImportsTest, CorePackageCyclesTest) and the formatter check (spotless). No integration tests, no distribution
# boot, no system packages. Offline-capable once the dependencies are in the local repository: add -o.
#   scripts/unit.sh                      # all modules
#   scripts/unit.sh -o                   # offline
#   scripts/unit.sh -o -pl core-bundle   # one module (Maven arguments pass through)
# Before a push, scripts/test.sh runs the whole suite (integration tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B "$@" test spotless:check -pl '!itests,!itests/workflow,!itests/screens'
