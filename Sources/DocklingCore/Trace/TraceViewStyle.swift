/// How the view spells and styles its lines: a heading per step, an indented line per
/// event or fold, pids in brackets, the why after `#`.
struct TraceViewStyle {
    let fit: TraceLineFit
    let shortening: TraceShortening
    let color: Bool

    /// `cgroups — 18 calls; not shown: 5 × openat, 4 × write, close`
    func heading(_ step: String, calls: Int, left: [TraceEvent]) -> String {
        var text = "\(step) — \(calls) call\(calls == 1 ? "" : "s")"
        if !left.isEmpty {
            text += "; not shown: " + Self.counts(left)
        }
        return paint("1", fit.fit(text))
    }

    func line(_ item: TraceItem) -> String {
        switch item {
        case .event(let event) where event.isRemark:
            return paint("2", fit.fit(shortening.apply("  [\(event.pid)] # \(event.note)")))
        case .event(let event):
            let head = shortening.apply("  [\(event.pid)] \(event.callText)")
            let (call, note) = fit.fit(head: head, result: event.resultText, note: shortening.apply(event.note))
            return paint(event.errno == nil ? "36" : "31", call) + paint("2", note)
        case .fold(let events):
            let (foldHead, result, detail) = TraceItem.foldText(events)
            let head = shortening.apply("  [\(events[0].pid)] \(foldHead)")
            let why = shortening.apply("\(detail) — \(events[0].note)")
            let (call, note) = fit.fit(head: head, result: result, note: why)
            return paint("36", call) + paint("2", note)
        }
    }

    /// `5 × openat, 4 × write, close`: the calls left out, most frequent first.
    static func counts(_ events: [TraceEvent]) -> String {
        var order: [String] = []
        var count: [String: Int] = [:]
        for event in events {
            let name = event.isRemark ? "remark" : event.call
            if count[name] == nil { order.append(name) }
            count[name, default: 0] += 1
        }
        return order.sorted { count[$0]! != count[$1]! ? count[$0]! > count[$1]! : order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
            .map { count[$0]! == 1 ? $0 : "\(count[$0]!) × \($0)" }
            .joined(separator: ", ")
    }

    private func paint(_ code: String, _ text: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
