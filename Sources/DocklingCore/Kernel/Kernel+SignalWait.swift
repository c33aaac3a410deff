#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Takes one of `signals` that came while held back (`Interrupts.hold`) — it is pending,
    /// and taking it means it no longer takes effect — without waiting; nil when none came.
    /// A long job that holds Ctrl-C back asks this between its parts, to stop cleanly.
    /// The corresponding C function is `sigtimedwait`, with a zero timeout.
    public static func takePendingSignal(_ signals: [Int32], note: String) throws(KernelError) -> Int32? {
        var set = signalSet(signals)
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        do throws(KernelError) {
            let taken = try traced("rt_sigtimedwait", ["[" + signals.map(Signals.name).joined(separator: " ") + "]",
                                                       "NULL", "{tv_sec=0, tv_nsec=0}", "8"], note: note) {
                Int(sigtimedwait(&set, nil, &zero))
            }
            return Int32(taken)
        } catch where error.errno.code == EAGAIN {
            return nil
        }
    }
}
