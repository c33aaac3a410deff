#if canImport(Glibc)
import Glibc
#endif

/// One line of progress for one blob or layer, on standard error. On a terminal it is a
/// bar redrawn in place with bytes done and rate; otherwise (or while a trace is being
/// written there) a single plain line when the item is done.
final class TransferProgress {
    private let label: String
    private let total: Int64?
    private let enabled: Bool
    private let live: Bool
    private let started = Monotonic.seconds()
    private var lastDraw = 0.0
    private var done: Int64 = 0

    /// `total` is nil when the size is not known in advance (standard input).
    init(action: String, item: String, total: Int64?, enabled: Bool) {
        label = "\(action) \(item)"
        self.total = total
        self.enabled = enabled
        live = enabled && isatty(2) == 1 && !Tracer.shared.isOn
    }

    func update(_ bytes: Int64) {
        done = bytes
        let now = Monotonic.seconds()
        guard live, now - lastDraw >= 0.1 else { return }
        lastDraw = now
        Output.write("\r\u{1B}[K" + bar(now: now), to: 2)
    }

    func finish() {
        guard enabled else { return }
        let line = live ? "\r\u{1B}[K" + bar(now: Monotonic.seconds()) : "\(label) done  \(HumanUnits.size(done))"
        Output.write(line + "\n", to: 2)
    }

    private func bar(now: Double) -> String {
        let elapsed = max(now - started, 0.001)
        let rate = HumanUnits.size(Int64(Double(done) / elapsed)) + "/s"
        guard let total else { return "\(label) \(HumanUnits.size(done))  \(rate)" }
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * Double(width))
        let arrow = filled < width ? ">" : ""
        let body = String(repeating: "=", count: max(0, filled - arrow.count)) + arrow
            + String(repeating: " ", count: width - max(filled, arrow.count))
        return "\(label) [\(body)] \(HumanUnits.size(done))/\(HumanUnits.size(total))  \(rate)"
    }
}
