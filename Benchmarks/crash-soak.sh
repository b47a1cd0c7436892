#!/usr/bin/env bash
# The long version of the gateway's crash test (Tests/PorterCLITests/GatewayCrashTests.swift): `porter run` is
# SIGKILLed at random moments while files are dropped, and restarted each time; afterwards every input must be
# archived, every expected output delivered exactly once, and the SQLite file must pass its integrity check.
#
#   Benchmarks/crash-soak.sh [FILES] [KILLS] [SEED]     (defaults: 10000 files, 100 kills, a random seed)
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-10000}"
kills="${2:-100}"
seed="${3:-$RANDOM$RANDOM}"
echo "crash soak: $files files, $kills kills, seed $seed"
swift build --build-tests
start=$(date +%s)
PORTER_CRASH_FILES="$files" PORTER_CRASH_KILLS="$kills" PORTER_CRASH_SEED="$seed" \
    swift test --skip-build --filter GatewayCrashTests
echo "crash soak passed in $(( $(date +%s) - start )) s: $files files, $kills kills, seed $seed"
