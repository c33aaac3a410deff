#!/usr/bin/env bash
# Installs the Debian packages one make target needs, when missing: `make tour` gets only
# what building and running the lessons takes; `make test`, `make bench` and `make vmtest`
# add their own. Idempotent: on a machine that has them all it only checks.
# Usage: scripts/setup-debian.sh [tour|test|bench|vmtest]
set -euo pipefail

tour=(
  busybox-static   # the root filesystem learners stand in
  libarchive-dev   # layer tars (its header; the library is loaded on first use)
  libssl-dev       # SHA-256 (libcrypto) for digests
  libseccomp-dev   # the seccomp filter of docker's default profile
  libstdc++-12-dev # the C++ runtime Swift links against (release builds link its archive in)
  util-linux       # setsid, unshare, script
)
case "${1:-tour}" in
  tour) packages=("${tour[@]}") ;;
  test) packages=("${tour[@]}"
    strace           # the trace-truth tests compare dockling's trace with strace's
    iproute2 procps  # ip, ps on the host
    podman skopeo umoci runc  # the peers dockling's images and commits interoperate with
  ) ;;
  bench) packages=("${tour[@]}"
    hyperfine        # the benchmarks' timer
    podman runc bubblewrap  # the peers dockling is compared with
    nftables e2fsprogs  # the build benchmark checks the firewall is untouched; its stores get an ext4 of their own
  ) ;;
  vmtest) packages=("${tour[@]}"
    qemu-system-x86  # the virtual machine (software emulation: -accel tcg, no KVM needed)
    cpio             # the initramfs is a cpio archive
    xz-utils zstd    # the kernel's modules are compressed
    strace           # the trace-truth assertions of the cgroup tests run under strace
  ) ;;
  *) echo "setup: unknown target $1 (tour, test, bench or vmtest)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: run as root (sudo make ...) so that they can be installed" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
