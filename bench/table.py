#!/usr/bin/env python3
"""Turns a hyperfine --export-json file into the Markdown table of bench/results.md:
median, min and max of each command, and its time as a multiple of the first row's
(dockling's): below 1 means that command was faster than dockling."""
import json
import statistics
import sys


def main(path):
    results = json.load(open(path))["results"]
    base = statistics.median(results[0]["times"])
    scale, unit, digits = (1000, "ms", 1) if base < 1 else (1, "s", 2)
    print(f"| Command | Median [{unit}] | Min [{unit}] | Max [{unit}] | × dockling |")
    print("|:---|---:|---:|---:|---:|")
    for result in results:
        times = result["times"]
        median = statistics.median(times)
        cells = [f"{value * scale:.{digits}f}" for value in (median, min(times), max(times))]
        print(f"| `{result['command']}` | {' | '.join(cells)} | {median / base:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
