// The one door to the kernel. Every call dockling makes goes through a function in
// this folder, which makes the call, turns -1 into a typed errno, and emits a trace
// event in strace's spelling with one line saying why.

#if canImport(Glibc)
import Glibc
#endif

public enum Kernel {
    /// Makes one traced call. `body` returns the raw result; -1 means failure with errno.
    /// EINTR is retried, since every call routed here is safe to repeat.
    @discardableResult
    static func traced(
        _ call: String,
        _ args: @autoclosure () -> [String],
        note: @autoclosure () -> String,
        _ body: () -> Int
    ) throws(KernelError) -> Int {
        let tracer = Tracer.shared
        // The moment the call is made, as strace stamps a call when it enters the kernel.
        let time = tracer.isOn ? TraceClock.now() : 0
        var result = body()
        while result == -1 && errno == EINTR { result = body() }
        let failure: Errno? = result == -1 ? .current : nil
        if tracer.isOn || failure != nil {
            let arguments = args()
            if tracer.isOn {
                tracer.noteCall(at: time)
                tracer.emit(TraceEvent(
                    pid: getpid(), step: tracer.step, call: call, args: arguments,
                    result: failure == nil ? result : -1, errno: failure?.name, note: note(), time: time))
            }
            if let failure {
                throw KernelError(call: "\(call)(\(arguments.joined(separator: ", ")))",
                                  errno: failure)
            }
        }
        return result
    }

    /// Emits the event of a call that does not return when it succeeds (execve),
    /// before making it: a result of nil says "no return".
    static func announce(_ call: String, _ args: [String], note: String) {
        let tracer = Tracer.shared
        guard tracer.isOn else { return }
        tracer.emit(TraceEvent(pid: getpid(), step: tracer.step, call: call, args: args,
                               result: nil, errno: nil, note: note))
    }
}

extension Kernel {
    /// Reports a call that a child made in the C trampoline, between fork and exec,
    /// where nothing can be traced. The parent reports it once the child's successful
    /// exec has proved the call succeeded, with the result that implies, and stamped
    /// with a time between the clone and the exec (see `ChildClocks`): report them in
    /// the order the child made them.
    public static func reportChildCall(pid: Int32, _ call: String, _ args: [String], result: Int, note: String) {
        let tracer = Tracer.shared
        guard tracer.isOn else { return }
        tracer.emit(TraceEvent(pid: pid, step: tracer.step, call: call, args: args, result: result, errno: nil,
                               note: note, time: tracer.childCallTime(pid)))
    }
}
