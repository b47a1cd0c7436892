#!/usr/bin/env bash
# Runs the `porter convert` measurements recorded in the README (issue 6): a generated .zip of 10,000 one-document
# X12 850 files converted to JSON and to cXML with --jobs 1 and --jobs 2 (output: a folder), and once to a .zip
# archive; each in its own process, so its peak RSS is its own.
# Usage: Benchmarks/run-convert.sh [DIR]   (DIR holds the archive and the outputs; default /tmp/porter-bench)
set -euo pipefail
cd "$(dirname "$0")"
dir="${1:-/tmp/porter-bench}"
mkdir -p "$dir"
swift build -c release >/dev/null
(cd .. && swift build -c release --product porter >/dev/null)
bench=.build/release/porter-bench
porter=../.build/release/porter
archive="$dir/convert-10000.zip"
[ -f "$archive" ] || "$bench" generate-zip 850 --documents 10000 -o "$archive"
echo "cores: $(nproc); archive: $(stat -c %s "$archive") bytes"
run() { # FORMAT JOBS OUT
    rm -rf "$3" "$dir/errors.json"
    status=0
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" \
        "$porter" convert "$archive" --to "$1" --out "$3" --jobs "$2" --json > "$dir/summary.json" || status=$?
    read -r seconds kilobytes < "$dir/time.txt"
    python3 - "$dir/summary.json" "$seconds" "$kilobytes" "$1" "$2" "$3" "$status" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
seconds, kilobytes = float(sys.argv[2]), int(sys.argv[3])
documents, converted = summary["total"]["documents"], summary["total"]["converted"]
megabytes = summary["inputBytes"] / 1e6
print(f"porter convert --to {sys.argv[4]} --jobs {sys.argv[5]} --out {sys.argv[6].rsplit('/', 1)[-1]}: "
      f"{converted:,}/{documents:,} documents, {megabytes:.1f} MB in {seconds:.2f} s = "
      f"{documents / seconds:,.0f} documents/s, {megabytes / seconds:.1f} MB/s; "
      f"peak RSS {kilobytes / 1024:.1f} MiB; exit {sys.argv[7]}")
PY
}
for to in json cxml; do
    for jobs in 1 2; do run "$to" "$jobs" "$dir/convert-$to-$jobs"; done
done
run json 2 "$dir/convert-json-2.zip"
