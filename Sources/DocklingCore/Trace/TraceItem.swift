/// One line of a step in the view: an event, or a run of alike events folded into one
/// line that says how many it stands for and shows the first and the last.
enum TraceItem: Equatable {
    case event(TraceEvent)
    case fold([TraceEvent])

    /// A run this long or longer of one process making one call, all succeeding, folds;
    /// a shorter one (three dup2 calls) reads better line by line.
    static let shortestFold = 4

    var events: [TraceEvent] {
        switch self {
        case .event(let event): return [event]
        case .fold(let events): return events
        }
    }

    /// Folds the runs of `events` (in the order they happened): the same process making
    /// the same call again and again, every time without failure. A failure is always
    /// shown on its own.
    static func folding(_ events: [TraceEvent]) -> [TraceItem] {
        var items: [TraceItem] = []
        var run: [TraceEvent] = []
        func flush() {
            if run.count >= shortestFold {
                items.append(.fold(run))
            } else {
                items += run.map(TraceItem.event)
            }
            run = []
        }
        for event in events {
            if let last = run.last, !(last.pid == event.pid && last.call == event.call && event.errno == nil) {
                flush()
            }
            if event.errno != nil || event.isRemark {
                flush()
                items.append(.event(event))
            } else {
                run.append(event)
            }
        }
        flush()
        return items
    }

    /// The fold's call with what every member shares: `prctl(PR_CAPBSET_DROP, …)`, and
    /// what the first and the last differ in.
    static func foldText(_ events: [TraceEvent]) -> (head: String, result: String, detail: String) {
        let first = events[0], last = events[events.count - 1]
        var shared = 0
        while events.allSatisfy({ $0.args.count > shared && $0.args[shared] == first.args[shared] }) { shared += 1 }
        let head = "\(events.count) × \(first.call)(" + (first.args.prefix(shared) + ["…"]).joined(separator: ", ") + ")"
        let results = Set(events.map(\.result))
        let result = results.count == 1 ? first.resultText : " = …"
        let detail = "first \(first.args.dropFirst(shared).joined(separator: ", ")), "
            + "last \(last.args.dropFirst(shared).joined(separator: ", "))"
        return (head, result, detail)
    }
}
