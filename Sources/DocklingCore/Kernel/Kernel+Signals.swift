import CLinux

extension Kernel {
    /// A descriptor that becomes readable when one of `signals` arrives, so a poll loop
    /// can handle signals in order with everything else. The signals are blocked first.
    /// The corresponding C functions are `rt_sigprocmask` and `signalfd4`.
    public static func signalDescriptor(_ signals: [Int32], note: String) throws(KernelError) -> Int32 {
        Int32(try traced("signalfd4", ["-1", "[" + signals.map(Signals.name).joined(separator: " ") + "]", "8",
                                       "SFD_CLOEXEC"], note: note) {
            Int(dl_signalfd(signals, Int32(signals.count)))
        })
    }
}
