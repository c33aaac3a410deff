import DocklingCore

/// BuildKit's `--progress=tty` (what `auto` picks on a terminal): the steps as one list
/// redrawn in place, each with its time, a running RUN's last output lines under it, a
/// header counting the finished steps.
///
///     [+] Building 1.4s (7/9)
///      => [build 2/4] WORKDIR /src                                   0.0s
///      => CACHED [build 3/4] COPY greeting.txt .                     0.0s
///      => [build 4/4] RUN make                                       0.9s
///      => => # cc -o hello hello.c
///
/// The list is drawn again from the top (cursor up, clear to the end) after each event;
/// while it is taller than the window only its end is shown, and the last drawing shows
/// it all. A failure is then reported as in plain mode.
public final class TtyProgress: BuildObserver {
    private enum State { case running, done(Double), cached, failed(Double) }
    private struct Row {
        let vertex: BuildVertex
        var state = State.running
        var notes: [String] = []
        var output: [String] = []
    }

    private let fd: Int32
    private let started = ContinuousClock.now
    private var rows: [Row] = []
    private var drawnLines = 0
    private var lastDrawn: ContinuousClock.Instant?

    public init(fd: Int32 = 2) { self.fd = fd }

    public var wantsChanges: Bool { false }

    public func started(_ vertex: BuildVertex) {
        rows.append(Row(vertex: vertex))
        draw()
    }

    public func note(_ text: String, in vertex: BuildVertex) { update(vertex) { $0.notes.append(text) } }
    public func cacheMiss(_ reason: String, in vertex: BuildVertex) { update(vertex) { $0.notes.append("cache miss: " + reason) } }
    public func cached(_ vertex: BuildVertex) { update(vertex) { $0.state = .cached } }
    public func done(_ vertex: BuildVertex) { update(vertex) { $0.state = .done(vertex.elapsed); $0.output = [] } }
    public func stepFinished(_ report: StepReport) {}

    public func output(_ line: String, in vertex: BuildVertex) {
        guard let index = rows.lastIndex(where: { $0.vertex === vertex }) else { return }
        rows[index].output = Array((rows[index].output + [line]).suffix(PlainProgress.tailLength))
        // Output can come fast: a drawing at most every tenth of a second.
        if let lastDrawn, ContinuousClock.now - lastDrawn < .milliseconds(100) { return }
        draw()
    }

    public func failed(_ failure: BuildFailure, in vertex: BuildVertex?) {
        var failure = failure
        if let vertex {
            update(vertex, drawing: false) { $0.state = .failed(vertex.elapsed) }
            failure.logTail = rows.last { $0.vertex === vertex }?.output ?? []
        }
        draw(final: true)
        Output.write("\n" + failure.report.joined(separator: "\n") + "\n", to: fd)
    }

    public func finished(_ image: StoredImage) { draw(final: true) }

    private func update(_ vertex: BuildVertex, drawing: Bool = true, _ change: (inout Row) -> Void) {
        guard let index = rows.lastIndex(where: { $0.vertex === vertex }) else { return }
        change(&rows[index])
        if drawing { draw() }
    }

    /// The list again, over the last drawing.
    private func draw(final: Bool = false) {
        let window = Kernel.windowSize(fd).flatMap { $0.columns > 0 && $0.rows > 0 ? $0 : nil }
        let width = Int(window?.columns ?? 80), height = Int(window?.rows ?? 24)
        let finished = rows.filter { if case .running = $0.state { false } else { true } }.count
        var lines: [String] = []
        for row in rows {
            let (prefix, seconds): (String, Double) = switch row.state {
            case .running: ("", row.vertex.elapsed)
            case .done(let time): ("", time)
            case .cached: ("CACHED ", 0)
            case .failed(let time): ("ERROR ", time)
            }
            lines.append(fit(" => " + prefix + row.vertex.name, time: seconds, width: width))
            lines += row.notes.map { fit(" => => " + $0, time: nil, width: width) }
            lines += row.output.map { fit(" => => # " + $0, time: nil, width: width) }
        }
        let elapsed = ContinuousClock.now - started
        let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let header = "[+] Building \(PlainProgress.fixed(total, 1))s (\(finished)/\(rows.count))" + (final ? " FINISHED" : "")
        let shown = final ? lines : Array(lines.suffix(max(1, height - 2)))
        let up = drawnLines > 0 ? "\u{1B}[\(drawnLines)A\u{1B}[J" : ""
        Output.write(up + ([header] + shown).joined(separator: "\n") + "\n", to: fd)
        drawnLines = final ? 0 : shown.count + 1
        lastDrawn = ContinuousClock.now
    }

    /// The line cut to the window, the time at its right edge.
    private func fit(_ text: String, time: Double?, width: Int) -> String {
        let stamp = time.map { " " + PlainProgress.fixed($0, 1) + "s" } ?? ""
        let room = max(10, width - stamp.count - 1)
        let cut = text.count > room ? String(text.prefix(room - 1)) + "…" : text
        return time == nil ? cut : cut + String(repeating: " ", count: max(1, room - cut.count)) + stamp
    }
}
