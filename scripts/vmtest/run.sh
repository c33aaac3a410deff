#!/usr/bin/env bash
# Boots the VM and turns what it printed into an exit status.
#
#   run.sh KERNEL-CACHE INITRAMFS LOG
#
# qemu emulates the CPU in software (-accel tcg: no KVM needed), with 2 CPUs, 4 GiB, one
# scratch disk made here and no network device: the guest cannot reach this machine's
# network, store, mounts or cgroups. Its serial console is qemu's stdout, shown here and kept in LOG.
# The guest ends with "VMTEST-RESULT: PASS" or "…: FAIL" and powers off; a guest that
# panics (panic=-1 reboots, -no-reboot makes that an exit) or hangs (the host's timeout)
# never prints PASS, so it fails too.
set -uo pipefail
kernel=${1:?usage: run.sh KERNEL-CACHE INITRAMFS LOG}
initramfs=${2:?}; log=${3:?}
limit=${VMTEST_TIMEOUT:-1500}   # seconds for the whole VM, boot to power-off

# The kernel's command line:
#   console=ttyS0        the serial port, which qemu connects to its stdout
#   cgroup_no_v1=all     cgroup v2 only, as Debian 12, Ubuntu and Fedora boot
#   panic=-1 oops=panic  a kernel failure ends the VM at once instead of hanging
#   loglevel=1           only emergencies on the console (not each OOM kill's report);
#                        the guest prints the kernel's complaints itself on failure
#   edd=off              no probing of BIOS disk data (nothing to find, one line less)
#   rdinit=/init         the initramfs's own PID 1 (scripts/vmtest/init)
cmdline="console=ttyS0 cgroup_no_v1=all panic=-1 oops=panic loglevel=1 edd=off rdinit=/init"

# The guest's /tmp: an empty ext4 disk, sparse (it takes only what the tests write) and
# removed afterwards. -snapshot is not needed: nothing on it outlives the run.
disk=$(mktemp "$(dirname "$log")/scratch.XXXXXX.img")
trap 'rm -f "$disk"' EXIT
trap 'exit 130' INT TERM   # Ctrl-C: end here, and the EXIT trap removes the disk
truncate -s 8G "$disk"
mkfs.ext4 -q -F "$disk"

started=$(date +%s)
timeout --foreground -k 10 "$limit" \
  qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 4G \
    -kernel "$kernel/vmlinuz" -initrd "$initramfs" -append "$cmdline" \
    -drive "file=$disk,if=virtio,format=raw,cache=unsafe" \
    -nographic -monitor none -serial stdio -nic none -no-reboot < /dev/null |
  sed -u 's/\r$//; s/\x1b\[[0-9;?]*[a-zA-Z]//g' | tee "$log"   # no CRs, no firmware escapes
status=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - started ))

# The summary: the kernel, its controllers, and one line per suite and per check — also
# when the VM had to be stopped, so that the last suite shown is the one that hung.
echo "vmtest: ---- summary"
grep -E '^vmtest: (kernel|cgroup.controllers|suite .*: (PASS|FAIL)|check .*: (PASS|FAIL)|guest time|=== suite)' "$log"
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "vmtest: FAIL: the VM did not finish within ${limit}s (raise VMTEST_TIMEOUT to wait longer)"
  exit 1
fi
if grep -q '^VMTEST-RESULT: PASS$' "$log"; then
  echo "vmtest: PASS (VM ran ${elapsed}s; console log in $log)"
  exit 0
fi
echo "vmtest: FAIL (qemu exit status $status after ${elapsed}s; console log in $log)"
exit 1
