#!/bin/sh
# Builds the libFuzzer targets (Package.swift adds them when DOCKLING_FUZZ is set) and
# runs each for SECONDS (default 300) on a corpus kept under /tmp/dockling-fuzz, seeded
# from Fuzz/corpus (real documents and layers: the JSON decoder is not instrumented, so
# libFuzzer could not find JSON's shape on its own).
# lld links them: gold fails on libFuzzer's main beside the one SwiftPM renames.
set -eu
seconds=${1:-300}
cd "$(dirname "$0")/.."
export DOCKLING_FUZZ=1
for target in FuzzReference FuzzManifest FuzzLayerReader; do
    swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --product "$target"
    mkdir -p "/tmp/dockling-fuzz/$target"
    .build-fuzz/release/"$target" -max_total_time="$seconds" -artifact_prefix="/tmp/dockling-fuzz/$target-" \
        "/tmp/dockling-fuzz/$target" "Fuzz/corpus/$target"
done
