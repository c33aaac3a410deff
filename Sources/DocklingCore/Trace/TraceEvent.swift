// One kernel call as a learner sees it: what was asked, what came back, why, and when.

/// A single traced kernel interaction.
///
/// `args` are rendered as strace prints them (quoted strings, symbolic flags), so a
/// learner can hold a dockling trace next to `strace -f` output and find each line.
public struct TraceEvent: Codable, Sendable, Equatable {
    /// The calling process's pid, as the calling process sees itself.
    public var pid: Int32
    /// The concept step the call belongs to ("namespaces", "cgroups", "rootfs", …).
    public var step: String
    /// The system call's name, as strace names it; empty for a remark (a line of
    /// explanation between calls, whose text is the note).
    public var call: String
    /// The arguments, one string each, in strace's spelling.
    public var args: [String]
    /// The return value; nil for a call that does not return when it succeeds (execve).
    public var result: Int?
    /// The errno name when the call failed, such as "ENOENT".
    public var errno: String?
    /// One line saying why dockling makes this call.
    public var note: String
    /// When the call was made: CLOCK_MONOTONIC nanoseconds, one clock for every process
    /// of the machine, so that the events of several processes merge in true order.
    public var time: UInt64
    /// The emitting process's count of events so far: the order of two events stamped
    /// in the same nanosecond.
    public var seq: Int

    public init(pid: Int32, step: String, call: String, args: [String],
                result: Int?, errno: String?, note: String, time: UInt64 = 0, seq: Int = 0) {
        self.pid = pid
        self.step = step
        self.call = call
        self.args = args
        self.result = result
        self.errno = errno
        self.note = note
        self.time = time
        self.seq = seq
    }

    /// A line of explanation, for people, filed under `step` like the calls around it.
    public static func remark(_ text: String, pid: Int32, step: String) -> TraceEvent {
        TraceEvent(pid: pid, step: step, call: "", args: [], result: nil, errno: nil, note: text)
    }

    public var isRemark: Bool { call.isEmpty }

    /// The order events happened in: by time, then by the emitter's own count.
    public static func happenedBefore(_ a: TraceEvent, _ b: TraceEvent) -> Bool {
        (a.time, a.seq) < (b.time, b.seq)
    }
}
