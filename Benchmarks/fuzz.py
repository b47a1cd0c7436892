#!/usr/bin/env python3
"""Mutation fuzzing of Porter's readers through the real `porter` binary (opt-in; not part of CI).

Takes the X12 and cXML documents under Fixtures/ and ../shared/fixtures/public/, mutates each at random (bytes
changed, ranges deleted or repeated, delimiters inserted, the file cut short), and runs `porter inspect`,
`porter validate` and `porter translate --to json` on the result. Exit codes 0, 1 and 2 are answers; a signal
(a crash) or running past the time limit (a hang) is a failure: the input is kept in the output folder and the
script exits 1.

Usage: python3 Benchmarks/fuzz.py [--iterations N] [--seed S] [--porter PATH] [--out DIR]
Build first: swift build -c release --product porter
"""

import argparse
import glob
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DELIMITERS = [b"*", b"~", b"^", b":", b">", b"|", b"\n", b"\r\n", b"\x1c", b"\x1d", b"<", b"&", b"]]>", b"\xe2\x80\xa6"]


def inputs():
    patterns = [
        "Fixtures/**/*.edi", "Fixtures/**/*.x12", "Fixtures/**/*.xml",
        "../shared/fixtures/public/x12/**/*", "../shared/fixtures/public/cxml/**/*",
    ]
    files = set()
    for pattern in patterns:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            if os.path.isfile(path) and os.path.getsize(path) < 2_000_000 and not path.endswith((".md", ".json", ".txt")):
                files.add(path)
    return sorted(files)


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        operation = rng.randrange(6)
        if operation == 0:
            data[at] = rng.randrange(256)
        elif operation == 1:
            del data[at:at + rng.randint(1, 64)]
        elif operation == 2:
            chunk = data[at:at + rng.randint(1, 200)]
            data[at:at] = chunk * rng.randint(1, 50)
        elif operation == 3:
            data[at:at] = rng.choice(DELIMITERS)
        elif operation == 4:
            del data[at:]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--porter", default=os.path.join(ROOT, ".build/release/porter"))
    parser.add_argument("--out", default="/tmp/porter-fuzz")
    parser.add_argument("--timeout", type=float, default=20)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)
    sources = inputs()
    failures = 0
    commands = [["inspect"], ["validate"], ["translate", "--to", "json"]]
    for iteration in range(arguments.iterations):
        source = rng.choice(sources)
        with open(source, "rb") as handle:
            mutated = mutate(handle.read(), rng)
        extension = os.path.splitext(source)[1] or ".edi"
        path = os.path.join(arguments.out, f"input-{arguments.seed}-{iteration}{extension}")
        with open(path, "wb") as handle:
            handle.write(mutated)
        kept = False
        for command in commands:
            try:
                result = subprocess.run(
                    [arguments.porter, *command, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    timeout=arguments.timeout)
                code = result.returncode
            except subprocess.TimeoutExpired:
                code = "timeout"
            if code not in (0, 1, 2):
                failures += 1
                kept = True
                print(f"FAIL {' '.join(command)} {path} (from {os.path.relpath(source, ROOT)}): exit {code}")
        if not kept:
            os.remove(path)
    print(f"{arguments.iterations} inputs x {len(commands)} commands, seed {arguments.seed}: {failures} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
