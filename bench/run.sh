#!/usr/bin/env bash
# Side-by-side start-up benchmarks, written to bench/results.md. Run by `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
root=$(mktemp -d /tmp/dockling-bench.XXXXXX)
chmod 755 "$root"   # container root (an unprivileged host uid) must reach the rootfs
trap 'rm -rf "$root"' EXIT
export DOCKLING_ROOT=$root
"$bin/dockling-namespaces" -- true 2>/dev/null   # build the busybox rootfs once

hyperfine --warmup 5 --runs 50 -N --export-markdown "$root/ns.md" \
  -n "dockling-namespaces -- /bin/true" "$bin/dockling-namespaces -- /bin/true" \
  -n "unshare -fpmuin --mount-proc /bin/true" "unshare -fpmuin --mount-proc /bin/true" \
  2>/dev/null

{
  echo "# dockling benchmarks"
  echo
  echo "Measured by \`make bench\` on $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%d)."
  echo "dockling-namespaces makes all seven namespaces and pivots into the busybox rootfs;"
  echo "unshare makes six (no user namespace) and stays on the host's root."
  echo
  echo "## Start a process in new namespaces and wait for it to exit"
  echo
  cat "$root/ns.md"
} > bench/results.md
cat bench/results.md
