/// docker's lists of kernel files a container must not read or change (moby
/// `oci/defaults.go`, MaskedPaths and ReadonlyPaths, as of docker 28). Each is a
/// window onto the host kernel that a PID or mount namespace does not close.
enum ProtectedPaths {
    /// Hidden: a file gets /dev/null bound over it, a directory an empty read-only tmpfs.
    static let masked = [
        "/proc/asound",            // the host's sound cards
        "/proc/acpi",              // ACPI tables and power buttons
        "/proc/interrupts",        // the host's interrupt counts: a side channel
        "/proc/kcore",             // the host's physical memory, as an ELF core file
        "/proc/keys",              // every kernel keyring key: keyrings are not namespaced
        "/proc/latency_stats",
        "/proc/timer_list",        // timers of every process on the host, with pids
        "/proc/timer_stats",
        "/proc/sched_debug",       // the scheduler's view of every host process
        "/proc/scsi",              // writable: add or remove the host's SCSI devices
        "/sys/firmware",           // firmware tables (ACPI, EFI variables)
        "/sys/devices/virtual/powercap", // energy counters: a side channel (PLATYPUS)
    ]

    /// Read-only: the kernel's settings for the whole host live here, and a write from
    /// inside the container would change them for everyone.
    static let readOnly = [
        "/proc/bus",               // PCI configuration space
        "/proc/fs",                // file system settings (NFS, …)
        "/proc/irq",               // which CPU serves which interrupt
        "/proc/sys",               // sysctls: most are not namespaced
        "/proc/sysrq-trigger",     // one write can reboot or crash the host
    ]
}
