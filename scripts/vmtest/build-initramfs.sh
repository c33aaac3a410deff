#!/usr/bin/env bash
# Builds the VM's initramfs: one uncompressed cpio archive holding everything the guest
# runs (its one disk, run.sh's scratch /tmp, starts empty). The kernel unpacks it into its
# first, in-memory root; the guest's /init (scripts/vmtest/init) copies it into a tmpfs
# and switches to that.
#
#   build-initramfs.sh KERNEL-CACHE RELEASE-DIR DEBUG-DIR OUTPUT
#
# What goes in, at the same paths as on this machine (so that ld.so, the RUNPATH of the
# debug builds and the tests' own paths such as /bin/busybox all find what they expect):
#   /init, /vmtest/guest-checks.sh, /vmtest/suites   the scripts the guest runs
#   /vmtest/release/  the release executables (the checks run these, as a learner would)
#   /vmtest/debug/    the test bundle and the debug executables the tests run beside it
#   /bin/busybox      static busybox: the guest's shell and tools, and the tests' image
#   strace, setsid…   Debian's own tools where tests call them by their paths
#   shared libraries  the `ldd` closure of every ELF above, plus what dockling dlopens
#   /lib/modules/     the kernel modules dockling needs (overlay…) and their dependencies
set -euo pipefail
kernel=${1:?usage: build-initramfs.sh KERNEL-CACHE RELEASE-DIR DEBUG-DIR OUTPUT}
release_dir=${2:?}; debug_dir=${3:?}; output=${4:?}
here=$(cd "$(dirname "$0")" && pwd)
release=$(cat "$kernel/release")

# The modules the guest needs and the kernel does not build in: virtio_pci and virtio_blk
# for the scratch disk (run.sh), overlay (the container's union), loop; and for the
# network issues to come: veth, bridge, br_netfilter, nf_tables with the NAT and conntrack
# expressions. ext4, tmpfs, cgroups and namespaces are built in.
modules=(virtio_pci virtio_blk overlay loop veth bridge br_netfilter nf_tables nft_chain_nat nft_masq nft_ct nft_compat)

# The programs (the Makefile's TOOLS), each with its folder in the guest.
read -ra release_tools <<< "${VMTEST_TOOLS:?set VMTEST_TOOLS to the executables, as make vmtest does}"
# The libraries dockling loads with dlopen on first use (see Sources/C*/lazy.c): ldd of
# the executables cannot see them, so they are named here.
dlopened=(libarchive.so.13 libcrypto.so.3 libseccomp.so.2)

stage=$(mktemp -d /tmp/dockling-vmtest-initramfs.XXXXXX)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,run,root,newroot}
mkdir -p "$stage/vmtest/release" "$stage/vmtest/debug"
# The kernel gives PID 1 /dev/console as its stdin, stdout and stderr before any devtmpfs
# is mounted: the node must be in the archive.
mknod -m 600 "$stage/dev/console" c 5 1

# Copies one file to the same path inside the guest, following symbolic links.
put() { mkdir -p "$stage$(dirname "$2")"; cp -L "$1" "$stage$2"; }

# Copies an ELF file's shared libraries (its ldd closure) to their paths in the guest.
# ldd prints "libx.so => /path/libx.so (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)".
libraries_of() {
  ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
    while read -r lib; do [ -e "$stage$lib" ] || put "$lib" "$lib"; done
}

# The executables. Debug builds carry megabytes of DWARF that nothing in the VM reads:
# strip it from the copies (symbols stay, so a crash still names its functions).
for tool in "${release_tools[@]}"; do cp "$release_dir/$tool" "$stage/vmtest/release/"; done
for exe in "$debug_dir"/*.xctest "${release_tools[@]/#/$debug_dir/}"; do
  cp "$exe" "$stage/vmtest/debug/"
done
strip --strip-debug "$stage"/vmtest/debug/* "$stage"/vmtest/release/*

# busybox and its applets (sh, mount, insmod, switch_root, poweroff…) as symbolic links.
put /bin/busybox /bin/busybox
for applet in $(/bin/busybox --list-full); do   # bin/sh, sbin/switch_root, usr/bin/env…
  [ -e "$stage/$applet" ] || ln -s /bin/busybox "$stage/$applet"
done
# Debian's own tools where the tests rely on their behaviour rather than busybox's:
# strace (the trace-truth tests), util-linux's setsid -w and flock, coreutils' timeout
# (exit 124 when it ends the command: busybox's gives 143), GNU tar (its listing format).
# They go where the tests look for them, in place of busybox's links.
host_tools=(/usr/bin/strace /usr/bin/setsid /usr/bin/flock /usr/bin/timeout /bin/tar)
for tool in "${host_tools[@]}"; do rm -f "$stage$tool"; put "$tool" "$tool"; done

# Every ELF's libraries, then the dlopened ones and theirs.
for elf in "$stage"/vmtest/release/* "$stage"/vmtest/debug/* "${host_tools[@]/#/$stage}"; do
  libraries_of "$elf"
done
for soname in "${dlopened[@]}"; do
  # (awk reads to the end: leaving early would end ldconfig by SIGPIPE, a failure here)
  path=$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64/ && !found { print $NF; found = 1 }')
  [ -n "$path" ] || { echo "vmtest: $soname is not installed (make setup installs it)" >&2; exit 1; }
  put "$path" "$path"
  libraries_of "$path"
done

# The modules, each after the ones it depends on (modules.dep lists a module's needs).
moddir=lib/modules/$release
declare -A loaded=()
order=()
add_module() {   # $1: the module's path relative to $moddir, e.g. kernel/fs/overlayfs/overlay.ko
  [ -n "${loaded[$1]:-}" ] && return
  loaded[$1]=1
  local dep
  for dep in $(awk -v m="$1:" '$1 == m { $1 = ""; print }' "$kernel/$moddir/modules.dep"); do add_module "$dep"; done
  order+=("$1")
}
for name in "${modules[@]}"; do
  path=$(awk -F: -v n="/$name.ko" 'index($1, n) && substr($1, length($1) - length(n) + 1) == n { print $1; exit }' \
         "$kernel/$moddir/modules.dep")
  [ -n "$path" ] || { echo "vmtest: module $name is not in $release" >&2; exit 1; }
  add_module "$path"
done
for path in "${order[@]}"; do put "$kernel/$moddir/$path" "/$moddir/$path"; done
printf '/%s\n' "${order[@]/#/$moddir/}" > "$stage/vmtest/modules"

# A minimal /etc: root's entry for tools that look it up, and nobody for `--user nobody`.
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$stage/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$stage/etc/group"
echo vmtest > "$stage/etc/hostname"

# The guest's scripts and the test suites it runs.
install -m 755 "$here/init" "$stage/init"
install -m 755 "$here/guest-checks.sh" "$stage/vmtest/guest-checks.sh"
install -m 644 "${VMTEST_SUITES:-$here/suites}" "$stage/vmtest/suites"   # another list: VMTEST_SUITES=FILE

# newc is the cpio format the kernel reads; uncompressed, because decompressing hundreds of
# megabytes in an emulated CPU would cost more than qemu copying them into guest memory.
mkdir -p "$(dirname "$output")"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) > "$output.tmp"
mv "$output.tmp" "$output"
echo "vmtest: initramfs $output ($(du -h "$output" | cut -f1), kernel $release, modules: ${modules[*]})"
