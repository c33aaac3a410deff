#!/usr/bin/env python3
"""Writes the build benchmark's context into FOLDER: the Dockerfile beside it and
src/ with 2 000 files in 20 folders, 100 MB (10^8 bytes) in all. The same bytes every
time (a seeded generator), so that every run and every machine builds the same thing.

Sizes are spread as a project's are (many small files, a few large ones): drawn from a
log-normal distribution, then scaled so that they add up to exactly 100 MB. The bytes
are random, so no tool gains from compressing them.

Usage: make-context.py FOLDER"""
import os
import random
import shutil
import sys

FILES, FOLDERS, TOTAL = 2000, 20, 100_000_000


def sizes(rng):
    """FILES sizes, at least 1 byte each, adding up to TOTAL."""
    raw = [rng.lognormvariate(0, 1.2) for _ in range(FILES)]
    scale = (TOTAL - FILES) / sum(raw)
    result = [1 + int(value * scale) for value in raw]
    result[0] += TOTAL - sum(result)  # the rounding's remainder
    return result


def main(folder):
    rng = random.Random(18)  # issue 18
    src = os.path.join(folder, "src")
    os.makedirs(src)
    for index, size in enumerate(sizes(rng)):
        sub = os.path.join(src, f"d{index % FOLDERS:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"f{index // FOLDERS:04d}"), "wb") as file:
            file.write(rng.randbytes(size))
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "Dockerfile"), folder)


if __name__ == "__main__":
    main(sys.argv[1])
