#!/usr/bin/env python3
"""Copies bench/results.md into README.md between the bench markers, one heading level
down, so that every number in the README comes from the last `make bench`."""
import re

START, END = "<!-- bench:start -->", "<!-- bench:end -->"

results = open("bench/results.md").read().split("\n", 2)[2]  # without the title line
results = re.sub(r"^## ", "### ", results, flags=re.M).strip()
readme = open("README.md").read()
before, rest = readme.split(START)
after = rest.split(END)[1]
open("README.md", "w").write(f"{before}{START}\n{results}\n{END}{after}")
