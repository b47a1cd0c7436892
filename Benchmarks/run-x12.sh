#!/usr/bin/env bash
# Runs the X12 measurements recorded in the README: generates 100 MB and 1 GB inputs
# (850 and 856), then times cat, tokenizing with envelope checks, full validation and
# writing, each in its own process so its peak RSS is its own.
# Usage: Benchmarks/run-x12.sh [DIR]   (DIR holds the generated files; default /tmp/porter-bench)
set -euo pipefail
cd "$(dirname "$0")"
dir="${1:-/tmp/porter-bench}"
mkdir -p "$dir"
swift build -c release >/dev/null
bench=.build/release/porter-bench
memory=.build/release/x12-memory
for spec in "850 100MB" "856 100MB" "850 1GB" "856 1GB"; do
    set -- $spec
    file="$dir/$1-$2.edi"
    [ -f "$file" ] || "$bench" generate "$1" --size "$2" -o "$file" >/dev/null
done
for file in "$dir/850-100MB.edi" "$dir/856-100MB.edi" "$dir/850-1GB.edi" "$dir/856-1GB.edi"; do
    "$bench" cat "$file"
    "$bench" tokenize "$file"
    "$bench" validate "$file" --runs 1
    "$memory" tokenize "$file"
    "$memory" validate "$file"
done
"$bench" write --template "$dir/850-100MB.edi" --size 100MB --mode bytes
"$bench" write --template "$dir/850-100MB.edi" --size 1GB --mode bytes
"$bench" write --template "$dir/850-100MB.edi" --size 1GB --mode strings
"$bench" write --template "$dir/850-100MB.edi" --size 1GB --mode values
