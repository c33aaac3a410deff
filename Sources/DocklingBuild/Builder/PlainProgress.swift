import DocklingCore

/// BuildKit's `--progress=plain` output (buildx `progressui/printer.go`), on standard error
/// as docker writes it: each step a numbered group of lines, a blank line between groups.
///
///     #5 [build 2/3] RUN make
///     #5 cache miss: RUN make — parent changed (step 1 was rebuilt)
///     #5 0.215 cc -o hello hello.c
///     #5 DONE 0.3s
///
/// The `cache miss` line is dockling's own: BuildKit does not say why. `TtyProgress` is
/// the live view for terminals. With `quiet` only failures are printed.
public final class PlainProgress: BuildObserver {
    private let quiet: Bool
    private let fd: Int32
    private var current: Int?
    private var groups = 0
    /// The last lines each running step wrote, for the failure report.
    private var tails: [Int: [String]] = [:]

    public init(quiet: Bool = false, fd: Int32 = 2) {
        self.quiet = quiet
        self.fd = fd
    }

    public var wantsChanges: Bool { false }

    public func started(_ vertex: BuildVertex) {
        line(vertex.name, vertex)
    }

    public func note(_ text: String, in vertex: BuildVertex) { line(text, vertex) }

    public func output(_ text: String, in vertex: BuildVertex) {
        let stamped = format3(vertex.elapsed) + " " + text
        line(stamped, vertex)
        tails[vertex.number, default: []].append(stamped)
        if tails[vertex.number]!.count > Self.tailLength { tails[vertex.number]!.removeFirst() }
    }

    public func cacheMiss(_ reason: String, in vertex: BuildVertex) { line("cache miss: " + reason, vertex) }
    public func cached(_ vertex: BuildVertex) { line("CACHED", vertex) }
    public func done(_ vertex: BuildVertex) { line("DONE " + format1(vertex.elapsed) + "s", vertex) }
    public func stepFinished(_ report: StepReport) {}
    public func finished(_ image: StoredImage) {}

    public func failed(_ failure: BuildFailure, in vertex: BuildVertex?) {
        var failure = failure
        if let vertex {
            line("ERROR: " + failure.message, vertex)
            failure.logTail = tails[vertex.number] ?? []
        }
        Output.write((groups > 0 ? "\n" : "") + failure.report.joined(separator: "\n") + "\n", to: fd)
    }

    /// How many output lines of a failed step the report repeats.
    static let tailLength = 6

    /// `#N text`, with a blank line first when another step printed last.
    private func line(_ text: String, _ vertex: BuildVertex) {
        guard !quiet else { return }
        let gap = current != vertex.number && groups > 0 ? "\n" : ""
        if current != vertex.number { groups += 1 }
        current = vertex.number
        Output.write(gap + "#\(vertex.number) " + text + "\n", to: fd)
    }

    /// Seconds as Go's `%.1f` and `%.3f` print them.
    private func format1(_ seconds: Double) -> String { Self.fixed(seconds, 1) }
    private func format3(_ seconds: Double) -> String { Self.fixed(seconds, 3) }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        var fraction = String(scaled % Int64(scale))
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(scaled / Int64(scale)).\(fraction)"
    }
}
