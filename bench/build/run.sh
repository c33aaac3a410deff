#!/usr/bin/env bash
# The build benchmark of issue 18: bench/build/Dockerfile (10 steps) on a context of
# 2 000 files, 100 MB, built cold, fully cached and after one file changed, by
# `dockling build`, `podman build` and docker 20.10's classic builder, all three in one
# hyperfine run per case. Prints the medians as a Markdown table and writes it, with
# the machine and its load, to bench/build/results.md. Run as root:
#   bench/build/run.sh BIN_DIR        (BIN_DIR: dockling's release executables)
# Every tool keeps its stores in one temporary folder, removed at the end (or on
# Ctrl-C); the machine's network, firewall and stores are checked to be as they were.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ] || [ ! -x "$1/dockling" ]; then
  echo "usage: $0 BIN_DIR   (the folder of dockling's release executables)" >&2; exit 2
fi
# docker.io is not installed for you: on a machine with systemd its package starts dockerd as a
# service, which makes a bridge and firewall rules on the machine's own network. Install it, then
# `systemctl disable --now docker.service docker.socket`; this script starts a dockerd of its own.
for tool in hyperfine podman runc dockerd /usr/bin/docker nft mkfs.ext4 python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install hyperfine podman docker.io nftables)" >&2; exit 2; }
done
if [ -e /run/containerd/containerd.sock ]; then  # dockerd would use it instead of a containerd of its own
  echo "$0: a containerd runs at /run/containerd; the benchmark's dockerd must not use the machine's" >&2; exit 2
fi
runs=${BENCH_BUILD_RUNS:-5}

# What nothing here may change: links, firewall rules, and the tools' default stores.
host_state() {
  ip -br link
  iptables -S; iptables -t nat -S
  echo "nft: $(nft list ruleset | wc -l) lines"
  for store in /var/lib/docker /var/lib/containerd /etc/docker /var/lib/containers /var/lib/dockling \
               /run/docker /run/containerd; do
    [ -e "$store" ] && echo "exists: $store"
  done
  return 0
}
before=$(host_state)
# dockerd and its containerd make these whatever their roots are: removed if they made them.
made=()
for dir in /run/docker /run/docker/plugins /run/containerd /run/containerd/s; do
  [ -e "$dir" ] || made=("$dir" "${made[@]}")
done

work=$(mktemp -d /tmp/dockling-bench-build.XXXXXX)
image=$work.ext4
bin=$work/bin
podman=(podman --root "$work/podman" --runroot "$work/podman-run" --tmpdir "$work/podman-tmp"
        --runtime runc --cgroup-manager=cgroupfs --events-backend none --network-config-dir "$work/podman-net")
export DOCKER_HOST=unix://$work/docker.sock DOCKER_BUILDKIT=0 DOCKER_CONFIG=$work/docker-config
docker=/usr/bin/docker   # Debian's 20.10 client, the daemon's own version
docker_cgroup=dockling-bench-build-$$
dockerd_pid=

cleanup() {
  set +e
  if [ -n "$dockerd_pid" ]; then
    kill -TERM "$dockerd_pid"
    for _ in $(seq 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  for dir in "${made[@]}"; do [ -d "$dir" ] && rmdir "$dir"; done
  "${podman[@]}" system reset -f >/dev/null 2>&1
  [ -x "$bin/dockling" ] && "$bin/dockling" system prune -f --volumes --root "$work/dockling" >/dev/null 2>&1
  findmnt -rno TARGET | grep "^$work/" | sort -r | while read -r mount; do
    echo "left mounted, unmounting: $mount" >&2; umount -l "$mount"
  done
  if mountpoint -q "$work"; then umount "$work" || umount -l "$work"; fi
  rm -rf --one-file-system "$work" "$image"
  if [ -n "$(losetup -j "$image")" ]; then echo "$0: a loop device still holds $image" >&2; exit 1; fi
  find /sys/fs/cgroup -depth -type d -name "$docker_cgroup" -exec rmdir {} + 2>/dev/null
  after=$(host_state)
  if [ "$before" != "$after" ]; then
    echo "$0: the machine's network, firewall or stores changed:" >&2
    diff <(echo "$before") <(echo "$after") >&2
    exit 1
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The stores live on an ext4 file system of their own (mkfs's defaults, so with a
# journal), in a sparse file: without a journal (this machine's root), ext4 skips every
# inode freed in the last minute at each file it creates, so that build times there grow
# with whatever anyone on the machine deleted lately. BENCH_BUILD_LOOP=0: in /tmp itself.
if [ "${BENCH_BUILD_LOOP:-1}" = 1 ]; then
  truncate -s 40G "$image"
  mkfs.ext4 -q -F "$image"
  mount -o loop "$image" "$work"
fi
chmod 755 "$work"   # container root (an unprivileged host uid) must reach the rootfs
mkdir -p "$bin"
for tool in "$1"/dockling*; do
  if [ -f "$tool" ] && [ -x "$tool" ]; then install -m 755 "$tool" "$bin/"; fi
done
export PATH=$bin:$PATH DOCKLING_ROOT=$work/dockling
printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
export CONTAINERS_CONF=$work/containers.conf
mkdir -p "$DOCKER_CONFIG" && echo '{}' > "$DOCKER_CONFIG/config.json"  # podman reads it too

echo "== context: 2 000 files, 100 MB; busybox for the three tools" >&2
context=$work/context
python3 "$here/make-context.py" "$context"
changed=$context/src/d07/f0003   # read by step 7's RUN
dockling run --rm busybox true
dockling save -o "$work/busybox.tar" busybox >/dev/null
"${podman[@]}" load -q -i "$work/busybox.tar" >/dev/null

# Its identity key would go to /etc/docker unless the config file says where (no flag does).
printf '{"deprecated-key-path": "%s"}\n' "$work/docker-key.json" > "$work/daemon.json"
dockerd --config-file "$work/daemon.json" --data-root "$work/docker" --exec-root "$work/docker-exec" \
  -H "$DOCKER_HOST" --pidfile "$work/docker.pid" \
  --bridge=none --iptables=false --ip-masq=false --ip-forward=false --userland-proxy=false \
  --exec-opt native.cgroupdriver=cgroupfs --cgroup-parent "/$docker_cgroup" \
  --storage-driver overlay2 > "$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 150); do "$docker" version >/dev/null 2>&1 && break; sleep 0.2; done
"$docker" version >/dev/null || { cat "$work/dockerd.log" >&2; exit 1; }
"$docker" load -q -i "$work/busybox.tar" >/dev/null

build_dockling="dockling build --network none -t bench:latest $context"
build_podman="${podman[*]} build --layers --format docker --network none --pull=never -t bench:latest $context"
build_docker="$docker build --network none -t bench:latest $context"

hf() {  # case name, then hyperfine arguments
  local name=$1; shift
  hyperfine -N --style basic --export-json "$work/$name.json" "$@" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== cold: each store holds busybox only (every image and cache record of earlier runs removed)" >&2
hf cold --runs "$runs" \
  -n dockling --prepare "sh -c 'rm -rf --one-file-system $DOCKLING_ROOT && dockling load -i $work/busybox.tar'" \
    "$build_dockling" \
  -n podman --prepare "sh -c '${podman[*]} rmi -af >/dev/null && ${podman[*]} load -q -i $work/busybox.tar'" \
    "$build_podman" \
  -n dockerd --prepare "sh -c '$docker rmi -f bench:latest; $docker image prune -f'" \
    "$build_docker"

echo "== check: the three images print the same (file count, size, step 7's checksum)" >&2
outputs=$(dockling run --rm bench:latest; "${podman[@]}" run --rm --network none bench:latest
          "$docker" run --rm --network none bench:latest)
echo "$outputs" | sort | uniq -c >&2
[ "$(echo "$outputs" | sort -u | wc -l)" -eq 3 ] || { echo "$0: the three builds differ" >&2; exit 1; }

echo "== fully cached: the same context again" >&2
hf cached --warmup 1 --runs $((runs * 2)) \
  -n dockling "$build_dockling" -n podman "$build_podman" -n dockerd "$build_docker"

echo "== one file changed: $changed (read by step 7) gets new bytes before each build" >&2
stamp="sh -c 'date +%s%N | dd of=$changed conv=notrunc status=none'"
hf changed --runs "$runs" \
  -n dockling --prepare "$stamp" "$build_dockling" \
  -n podman --prepare "$stamp" "$build_podman" \
  -n dockerd --prepare "$stamp" "$build_docker"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

table=$(python3 "$here/table.py" "$work/cold.json" "$work/cached.json" "$work/changed.json")
{
  echo "# The build benchmark"
  echo
  echo "\`bench/build/run.sh\` (release build, hyperfine, $runs runs cold and after a change, $((runs * 2)) cached) on"
  echo "$(nproc) cores, Linux $(uname -r), $(date -u +%Y-%m-%d), load average $load_before at the start and"
  echo "$load_after at the end. $(podman --version), dockerd $(dockerd --version | cut -d' ' -f3 | tr -d ,) (classic builder)."
  echo "Medians; \"×\" is the other tool's median over dockling's. See bench/build/README.md for what each case does."
  echo
  echo "$table"
} > "$here/results.md"
echo "$table"
