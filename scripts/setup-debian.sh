#!/usr/bin/env bash
# Installs the Debian packages dockling builds, runs and is tested with, when missing.
# Idempotent: on a machine that has them all it only checks.
set -euo pipefail

packages=(
  busybox-static   # the root filesystem learners stand in
  libarchive-dev   # layer tars (its header; the library is loaded on first use)
  libssl-dev       # SHA-256 (libcrypto) for digests
  libseccomp-dev   # the seccomp filter of docker's default profile
  libstdc++-12-dev # libstdc++.a, which release builds link in
  strace           # the trace-truth tests compare dockling's trace with strace's
  util-linux       # setsid, unshare (tests and benchmarks)
  iproute2 procps  # ip, ps on the host
  podman skopeo umoci runc bubblewrap  # the peers dockling interoperates and is compared with
  hyperfine        # benchmarks
)

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
