#!/usr/bin/env bash
# The test suite built with AddressSanitizer (Porter's own unsafe-pointer code, and libxml2 and SQLite under it, checked
# on every fixture and through the crash test's killed and restarted `porter run`s). Opt-in: the instrumented build
# takes about 20 minutes on two cores and the tests run several times slower.
#
#   Benchmarks/asan.sh [FILTER]     (default: every suite; FILTER as `swift test --filter` takes it)
#
# Reports from the test process and from every `porter` it starts go to .build-asan/reports/; any report fails the
# run. LeakSanitizer is off (the Swift runtime's metadata caches read as leaks; libxml2's frees are checked with
# valgrind, see the README). The constant-memory test is skipped: AddressSanitizer's shadow memory is not Porter's.
set -euo pipefail
cd "$(dirname "$0")/.."
build=.build-asan
# SwiftPM refuses a second build in a custom build path with "unknown build description" unless these are rebuilt.
rm -f "$build/debug.yaml" "$build/x86_64-unknown-linux-gnu/debug/description.json"
swift build --build-tests --sanitize=address --build-path "$build"
reports="$PWD/$build/reports"
mkdir -p "$reports"
rm -f "$reports"/asan.*
status=0
ASAN_OPTIONS="detect_leaks=0:log_path=$reports/asan" "$build/debug/PorterPackageTests.xctest" \
    --testing-library swift-testing --skip aLargeFileIsTranslatedInConstantMemory ${1:+--filter "$1"} || status=$?
if compgen -G "$reports/asan.*" >/dev/null; then
    echo "AddressSanitizer reported (first lines of each report in $reports):"
    for report in "$reports"/asan.*; do head -20 "$report"; echo; done
    exit 1
fi
exit "$status"
