#!/usr/bin/env bash
# Runs the translation measurements recorded in the README (issue 4): on generated 850 files
# of 100 MB and 1 GB, tokenizing (the ceiling, same run), decoding to the canonical model,
# decoding + canonical JSON, encoding the model back to X12, and `porter translate --to json`
# end to end, each in its own process so its peak RSS is its own.
# Usage: Benchmarks/run-translate.sh [DIR]   (DIR holds the generated files; default /tmp/porter-bench)
set -euo pipefail
cd "$(dirname "$0")"
dir="${1:-/tmp/porter-bench}"
mkdir -p "$dir"
swift build -c release >/dev/null
(cd .. && swift build -c release --product porter >/dev/null)
bench=.build/release/porter-bench
porter=../.build/release/porter
for size in 100MB 1GB; do
    file="$dir/850-$size.edi"
    [ -f "$file" ] || "$bench" generate 850 --size "$size" -o "$file" >/dev/null
done
head -c 2000000 "$dir/850-100MB.edi" > "$dir/850-template.edi"
python3 - "$dir/850-template.edi" <<'PY'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
end = data.rfind(b"IEA*")
end = data.find(b"~", end) + 1
open(path, "wb").write(data[:end] + b"\n")
PY
for file in "$dir/850-100MB.edi" "$dir/850-1GB.edi"; do
    runs=3
    [[ "$file" == *1GB* ]] && runs=1
    "$bench" tokenize "$file" --runs "$runs"
    "$bench" decode "$file" --runs "$runs"
    "$bench" decode "$file" --runs "$runs" --json
    bytes=$(stat -c %s "$file")
    # Best of $runs like the rows above, each run its own process; the peak RSS is the largest of the runs.
    : > "$dir/time.txt"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -a -o "$dir/time.txt" "$porter" translate "$file" --to json > /dev/null
    done
    python3 - "$bytes" "$dir/time.txt" "$file" "$runs" <<'PY'
import sys
size, times, name, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [line.split() for line in open(times) if line.strip()]
best = min(float(row[0]) for row in rows)
peak = max(int(row[1]) for row in rows)
print(f"porter translate {name} --to json: {size:,} bytes; best of {runs}: {best:.2f} s = {size / best / 1e6:.0f} MB/s; "
      f"peak RSS {peak / 1024:.1f} MiB")
PY
done
"$bench" encode --template "$dir/850-template.edi" --size 100MB --runs 3
"$bench" encode --template "$dir/850-template.edi" --size 1GB --runs 1
