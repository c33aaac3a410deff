#!/usr/bin/env bash
# Fetches Debian 12's own cloud kernel (6.1, cgroup v2 only) into a cache folder, WITHOUT
# installing it on this machine: `apt-get download` fetches the .deb, `dpkg-deb -x`
# unpacks it into $1. The result, used by build-initramfs.sh and run.sh:
#   $1/vmlinuz               the kernel the VM boots
#   $1/lib/modules/<release>/ its modules (overlay, loop, veth, bridge, nf_tables…), with
#                            the modules.dep that `depmod` (busybox's) writes for them
#   $1/release               its `uname -r`
# A second run with the cache in place does nothing.
set -euo pipefail
cache=${1:?usage: fetch-kernel.sh CACHE-DIR}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
[ -s "$cache/vmlinuz" ] && [ -s "$cache/release" ] &&
  [ -s "$cache/lib/modules/$(cat "$cache/release")/modules.dep" ] && exit 0

# linux-image-cloud-amd64 is the meta package; its dependency names the exact kernel
# (linux-image-6.1.0-NN-cloud-amd64), which is what apt-get download wants.
kernel_package() {
  apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-6\.1/ && !p { print $2; p = 1 }'
}
package=$(kernel_package)
if [ -z "$package" ]; then
  apt-get update -qq
  package=$(kernel_package)
fi
[ -n "$package" ] || { echo "vmtest: no linux-image-6.1*-cloud-amd64 in apt's lists" >&2; exit 1; }
echo "vmtest: fetching $package (unpacked into $cache, not installed)"

work=$(mktemp -d /tmp/dockling-vmtest-kernel.XXXXXX)
trap 'rm -rf "$work"' EXIT
# apt-get download writes into the current folder; as root it drops privileges to _apt,
# which must be able to write there.
chmod 777 "$work"
(cd "$work" && apt-get download -q "$package" >/dev/null)
dpkg-deb -x "$work"/"$package"_*.deb "$work/root"

release=$(ls "$work/root/lib/modules")
rm -rf "$cache/lib"
mkdir -p "$cache/lib/modules"
mv "$work/root/lib/modules/$release" "$cache/lib/modules/$release"
# The .deb carries no modules.dep (the package's postinst makes it): build-initramfs.sh
# needs it to know that nf_tables needs nfnetlink first, bridge needs stp and llc…
busybox depmod -b "$cache" "$release"
cp "$work/root/boot/vmlinuz-$release" "$cache/vmlinuz"
echo "$release" > "$cache/release"
echo "vmtest: kernel $release cached in $cache"
