import CLinux

extension Kernel {
    /// Moves the calling process to SCHED_IDLE: from now on it runs only on a CPU that
    /// nothing else wants, for work nobody waits for.
    /// The corresponding C function is `sched_setscheduler`.
    public static func scheduleWhenIdle(note: String) throws(KernelError) {
        try traced("sched_setscheduler", ["0", "SCHED_IDLE", "[0]"], note: note) { Int(dl_sched_idle()) }
    }
}
