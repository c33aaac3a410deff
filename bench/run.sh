#!/usr/bin/env bash
# Side-by-side benchmarks against the tools a learner would pick instead; writes the
# Markdown tables to bench/results.md. Run by `make bench` (release build, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-20}
work=$(mktemp -d /tmp/dockling-bench.XXXXXX)
chmod 755 "$work"   # container root (an unprivileged host uid) must reach the rootfs
# The executables run as `make install` places them: copies. The linker's own output is
# slower to start while its freshly written pages sit in the page cache (about 0.25 ms
# and 13 more page faults for an empty dockling-init, `perf stat -r 200`).
bin=$work/bin
mkdir -p "$bin"
for tool in .build/release/dockling*; do
  if [ -f "$tool" ] && [ -x "$tool" ]; then install -m 755 "$tool" "$bin/"; fi
done
export DOCKLING_ROOT=$work/store PATH=$bin:$PATH
printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
export CONTAINERS_CONF=$work/containers.conf
podman=(podman --root "$work/podman" --runroot "$work/podman-run" --tmpdir "$work/podman-tmp"
        --cgroup-manager=cgroupfs --events-backend none --network-config-dir "$work/podman-net")
cleanup() {
  dockling system prune -f --volumes >/dev/null 2>&1 || true
  "${podman[@]}" rm -af >/dev/null 2>&1 || true
  "${podman[@]}" rmi -af >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

hf() {  # name, then hyperfine arguments
  local name=$1; shift
  hyperfine -N --style none --export-json "$work/$name.json" "$@" >/dev/null
  bench/table.py "$work/$name.json" > "$work/$name.md"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== preparing: busybox image and rootfs, a runc bundle, podman's copy"
dockling run --rm busybox true
mkdir -p "$work/bundle" && cp -a "$DOCKLING_ROOT/rootfs/busybox" "$work/bundle/rootfs"
(cd "$work/bundle" && runc spec && python3 -c '
import json; s = json.load(open("config.json"))
s["process"]["args"] = ["true"]; s["process"]["terminal"] = False
json.dump(s, open("config.json", "w"))')
dockling save -o "$work/busybox.tar" busybox >/dev/null
"${podman[@]}" load -q -i "$work/busybox.tar" >/dev/null

echo "== start a container and wait for true to exit"
hf start --warmup 3 --runs "$runs" \
  -n "dockling run --rm busybox true" "dockling run --rm busybox true" \
  -n "dockling-namespaces -- true" "dockling-namespaces -- true" \
  -n "runc run" "runc --root $work/runc run -b $work/bundle bench" \
  -n "bwrap --unshare-all" "bwrap --unshare-all --ro-bind $work/bundle/rootfs / --proc /proc --dev /dev true" \
  -n "unshare -fpmuin --mount-proc" "unshare -fpmuin --mount-proc true" \
  -n "podman run --rm" "${podman[*]} run --rm --network none busybox true"

echo "== 100 containers in a row, then 100 four at a time, each timed until all is cleaned up"
# sustained.py waits for whatever a run leaves working (dockling's monitors, podman's
# conmon) and until the cgroups, the mounts and the store are back to their start.
sustained_runs=${BENCH_SUSTAINED_RUNS:-3}
for jobs in 1 4; do
  sustained=(bench/sustained.py --runs 100 --jobs "$jobs" --under "$work")
  hf "sustained$jobs" --warmup 1 --runs "$sustained_runs" \
    -n "dockling run --rm busybox true" "${sustained[*]} --watch $DOCKLING_ROOT/containers -- dockling run --rm busybox true" \
    -n "runc run" "${sustained[*]} -- runc --root $work/runc run -b $work/bundle bench-%N" \
    -n "bwrap --unshare-all" "${sustained[*]} -- bwrap --unshare-all --ro-bind $work/bundle/rootfs / --proc /proc --dev /dev true" \
    -n "podman run --rm" "${sustained[*]} -- ${podman[*]} run --rm --network none busybox true"
done

echo "== save and load an image of about 200 MB (one 120 MB file, 2000 files of 40 kB)"
mkdir -p "$work/big/files"
head -c 120000000 /dev/urandom > "$work/big/blob"
for i in $(seq 2000); do head -c 40000 /dev/urandom > "$work/big/files/$i"; done
dockling-snapshot "$work/big" --tag big:1 >/dev/null
dockling save -o "$work/big.tar" big:1
"${podman[@]}" load -q -i "$work/big.tar" >/dev/null
hf save --warmup 1 --runs 5 \
  -n "dockling save" --prepare "rm -f $work/out.tar" "dockling save -o $work/out.tar big:1" \
  -n "podman save" --prepare "rm -f $work/out.tar" "${podman[*]} save -q -o $work/out.tar docker.io/library/big:1"
hf load --warmup 1 --runs 5 \
  -n "dockling load" --prepare "rm -rf $work/loadroot" "env DOCKLING_ROOT=$work/loadroot dockling load -i $work/big.tar" \
  -n "podman load" --prepare "${podman[*]} rmi -f docker.io/library/big:1" "${podman[*]} load -q -i $work/big.tar"

echo "== commit a container that changed 10 000 files"
script='mkdir /d && cd /d && i=0; while [ $i -lt 10000 ]; do echo $i > $i; i=$((i+1)); done'
dockling run --name changed busybox sh -c "$script"
"${podman[@]}" run --name changed --network none busybox sh -c "$script"
hf commit --warmup 1 --runs 5 \
  -n "dockling commit" --prepare "sh -c 'dockling rmi -f changed:1 >/dev/null 2>&1 || true'" "dockling commit changed changed:1" \
  -n "podman commit" --prepare "sh -c '${podman[*]} rmi -f changed:1 >/dev/null 2>&1 || true'" "${podman[*]} commit -q changed changed:1"

echo "== ps with 200 containers, images with 50 images"
for i in $(seq 200); do dockling create busybox true >/dev/null; done
for i in $(seq 49); do dockling tag busybox "many:$i"; done
hf list --warmup 3 --runs "$runs" -n "dockling ps -a (200 containers)" "dockling ps -a" \
  -n "dockling images (50 images)" "dockling images"

{
  echo "# dockling benchmarks"
  echo
  echo "Measured by \`make bench\` (release build, hyperfine) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "Linux $(uname -r), $(date -u +%Y-%m-%d), load average $load_before at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "(other work on the machine slows every row). Lower is better; \"× dockling\" is each median over dockling's (the first row)."
  for part in start sustained1 sustained4 save load commit list; do
    echo
    case $part in
      start) echo "## Start a container and wait for \`true\` to exit" ;;
      sustained1) echo "## 100 containers in a row (\`--rm … true\`), until every one is cleaned up"
        echo
        echo "The time of 100 containers, until what each left working (dockling's monitor, podman's"
        echo "conmon) has exited and the cgroups, mounts and store are as they were (\`bench/sustained.py\`)."
        echo "\`runc run\` deletes its container before it returns, as \`runc delete\` would." ;;
      sustained4) echo "## 100 containers, 4 at a time, until every one is cleaned up" ;;
      save) echo "## Save a 200 MB image" ;;
      load) echo "## Load a 200 MB image" ;;
      commit) echo "## Commit a container that changed 10 000 files" ;;
      list) echo "## List a busy store" ;;
    esac
    echo
    cat "$work/$part.md"
  done
  # The build benchmark (bench/build/run.sh, run by `make bench` just before) has a file of its own.
  if [ -f bench/build/results.md ]; then
    echo
    echo "## Build a Dockerfile (bench/build)"
    tail -n +2 bench/build/results.md
  fi
} > bench/results.md
bench/readme.py
cat bench/results.md
