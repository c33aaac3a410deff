#!/usr/bin/env python3
"""The build benchmark's table: one row per case (the hyperfine --export-json files of
the cold, cached and changed runs, in that order), one column per tool with its median,
then each other tool's median over dockling's, and whether issue 18's goals are met:
a cached rebuild at least 10x faster than podman's and faster than dockerd's, a cold
build at least 2x faster than both.

Usage: table.py COLD.json CACHED.json CHANGED.json"""
import json
import statistics
import sys

CASES = ["cold (busybox only in the store)", "fully cached", "one file changed"]
TOOLS = ["dockling", "podman", "dockerd"]
# The least each other tool's median over dockling's must be, per case (issue 18).
GOALS = {0: {"podman": 2, "dockerd": 2}, 1: {"podman": 10, "dockerd": 1}}


def medians(path):
    """Each tool's median in seconds, by the name hyperfine was given (-n)."""
    results = json.load(open(path))["results"]
    return {result["command"]: statistics.median(result["times"]) for result in results}


def seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def main(paths):
    print("| Case | dockling build | podman build | dockerd 20.10 | podman × | dockerd × | goal |")
    print("|:---|---:|---:|---:|---:|---:|:---|")
    for index, (case, path) in enumerate(zip(CASES, paths)):
        times = medians(path)
        ratios = {tool: times[tool] / times["dockling"] for tool in TOOLS[1:]}
        goal = GOALS.get(index)
        verdict = "—" if goal is None else ", ".join(
            f"{tool} ≥ {least}×: {'met' if ratios[tool] >= least else 'missed'}" for tool, least in goal.items())
        cells = [seconds(times[tool]) for tool in TOOLS] + [f"{ratios[tool]:.1f}" for tool in TOOLS[1:]]
        print(f"| {case} | {' | '.join(cells)} | {verdict} |")


if __name__ == "__main__":
    main(sys.argv[1:4])
