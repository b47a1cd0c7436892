#!/usr/bin/env bash
# Runs the cXML measurements of issue 5 on a generated 100 MB stream of OrderRequest documents
# (one complete document each, as an HTTP endpoint receives them): porter-bench cxml (parse with
# CXMLReader, decode to the canonical model, encode the model back to cXML), then
# `xmllint --stream` over the same documents in the same run, as the libxml2 baseline.
#
# xmllint cannot read the stream itself (each document has its own XML declaration and DOCTYPE),
# so the documents are split once into one file each (DIR/cxml-100MB.split/NNNNNN.xml) and ONE
# xmllint process reads them all (`xmllint --stream --noout --nonet FILE...`, through xargs), best
# of 3. It reads them from the page cache (warm after the first run) with an open and reads per
# document, where porter-bench reads from arrays in memory: that is not free (about 30 us a file
# here, some 0.15 s in 100 MB), so `cat` over the same files is timed too and xmllint is also
# printed without it. --stream is libxml2's xmlTextReader, the interface CXMLReader is built on;
# neither loads the DTD nor validates.
# Usage: Benchmarks/run-cxml.sh [DIR]   (DIR holds the generated files; default /tmp/porter-bench)
set -euo pipefail
cd "$(dirname "$0")"
dir="${1:-/tmp/porter-bench}"
mkdir -p "$dir"
swift build -c release >/dev/null
bench=.build/release/porter-bench
file="$dir/cxml-100MB.xml"
split="$dir/cxml-100MB.split"
if [ ! -f "$file" ] || [ ! -f "$file.offsets" ]; then
    "$bench" generate-cxml --size 100MB -o "$file"
    rm -rf "$split"
fi
if [ ! -f "$split/complete" ]; then
    rm -rf "$split"
    mkdir -p "$split"
    python3 - "$file" "$split" <<'PY'
import sys
stream, folder = sys.argv[1], sys.argv[2]
data = open(stream, "rb").read()
offsets = [int(line) for line in open(stream + ".offsets")]
for index, (start, end) in enumerate(zip(offsets, offsets[1:])):
    with open(f"{folder}/{index:06d}.xml", "wb") as out:
        out.write(data[start:end])
open(f"{folder}/complete", "w").close()
PY
fi

"$bench" cxml "$file" --runs 3

bytes=$(stat -c %s "$file")
documents=$(find "$split" -name '*.xml' | wc -l)
# best_of COMMAND...: the best wall-clock seconds of 3 runs of COMMAND over every split file.
best_of() {
    local best="" start end
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        printf '%s\0' "$split"/*.xml | xargs -0 "$@" > /dev/null
        end=$(date +%s.%N)
        best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; if (b == "" || t < b) b = t; print b }')
    done
    echo "$best"
}
xmllint_seconds=$(best_of xmllint --stream --noout --nonet)
# What opening and reading one file per document costs, in the same run: cat over the same files.
cat_seconds=$(best_of cat)
awk -v bytes="$bytes" -v docs="$documents" -v t="$xmllint_seconds" -v c="$cat_seconds" 'BEGIN {
    printf "xmllint --stream --noout --nonet, %d documents (one file each, one process): best of 3: %.3f s = %.0f MB/s, %d documents/s\n", docs, t, bytes / t / 1e6, docs / t
    printf "  reading the same files (cat, best of 3): %.3f s; xmllint without it: %.3f s = %.0f MB/s, %d documents/s\n", c, t - c, bytes / (t - c) / 1e6, docs / (t - c)
}'
