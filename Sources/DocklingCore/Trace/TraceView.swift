/// The trace as a person reads it: the events of every process merged in the order they
/// happened, grouped under one heading per step (launch, images, create, cgroups…, the
/// steps the lessons name), ids shortened, store paths relative, each line fitted to
/// the terminal.
///
/// The default view shows what a lesson talks about: under each heading the few most
/// telling calls of the step, runs of one call folded (`27 × prctl(PR_CAPBSET_DROP, …)`),
/// and the heading counts what is not shown, by call. The whole view (`--trace=all`)
/// shows every event. Either way every line is one true event, or a fold or a count
/// that says how many events it stands for: nothing is invented.
public enum TraceView {
    /// The lines a step's body gets in the default view when the screen has room (11
    /// steps, each a heading and 3 lines, fit a 45-line screen); never fewer than one.
    public static let stepLines = 3
    /// The screen height the default view fills when it is not told another.
    public static let screenLines = 45

    /// Renders the JSON lines of a trace file (other lines are skipped): the default
    /// view, or the whole one, fitted to `width` columns and, the default view, to
    /// `height` lines as far as `stepLines` a step allows. `storeRoot` names the store
    /// whose paths are shown as `<store>/…`; `color` adds terminal styles.
    public static func render(text: String, width: Int, whole: Bool, height: Int = screenLines,
                              storeRoot: String? = nil, color: Bool = false) -> [String] {
        render(events: events(in: text), width: width, whole: whole, height: height, storeRoot: storeRoot, color: color)
    }

    /// The events of a trace file's JSON lines, as written (other lines are skipped).
    public static func events(in text: String) -> [TraceEvent] {
        text.split(separator: "\n").compactMap(TraceEvent.parse(jsonLine:))
    }

    /// Renders events given in any order.
    public static func render(events: [TraceEvent], width: Int, whole: Bool, height: Int = screenLines,
                              storeRoot: String? = nil, color: Bool = false) -> [String] {
        let style = TraceViewStyle(fit: TraceLineFit(width: max(20, width)),
                                   shortening: TraceShortening(storeRoot: storeRoot), color: color)
        let steps = steps(of: events)
        let items = steps.map { whole ? $0.events.map(TraceItem.event) : TraceItem.folding($0.events) }
        let remarks = events.filter(\.isRemark).count
        let budgets = whole ? items.map(\.count)
            : budgets(needs: items.map { $0.filter { !$0.events[0].isRemark }.count },
                      room: height - steps.count - remarks)
        var lines: [String] = []
        for (index, step) in steps.enumerated() {
            let shown = pick(items[index], lines: budgets[index])
            let left = items[index].filter { !shown.contains($0) }.flatMap(\.events)
            lines.append(style.heading(step.step, calls: step.events.filter { !$0.isRemark }.count, left: left))
            lines += shown.map(style.line)
        }
        return lines
    }

    /// How many lines each step's calls get: all they need up to `stepLines` each (fewer
    /// when `room` is short, but at least one), then what is left of `room` shared out
    /// one line at a time.
    static func budgets(needs: [Int], room: Int) -> [Int] {
        let base = max(1, min(stepLines, room / max(1, needs.count)))
        var budgets = needs.map { min($0, base) }
        var spare = room - budgets.reduce(0, +)
        var grew = true
        while spare > 0 && grew {
            grew = false
            for index in needs.indices where budgets[index] < needs[index] && spare > 0 {
                budgets[index] += 1
                spare -= 1
                grew = true
            }
        }
        return budgets
    }

    /// The steps in the order they began, each with its events in the order they happened.
    static func steps(of events: [TraceEvent]) -> [(step: String, events: [TraceEvent])] {
        var order: [String] = []
        var byStep: [String: [TraceEvent]] = [:]
        for event in events.sorted(by: TraceEvent.happenedBefore) {
            if byStep[event.step] == nil { order.append(event.step) }
            byStep[event.step, default: []].append(event)
        }
        return order.map { ($0, byStep[$0]!) }
    }

    /// The default view's lines of one step: remarks always (they explain), and the
    /// `lines` most telling calls or folds, kept in the order they happened.
    static func pick(_ items: [TraceItem], lines: Int) -> [TraceItem] {
        let calls = items.enumerated().filter { !$0.element.events[0].isRemark }
        guard calls.count > lines else { return items }
        let chosen = Set(calls.sorted { a, b in
            let (sa, sb) = (TraceSignificance.score(a.element), TraceSignificance.score(b.element))
            return sa != sb ? sa > sb : a.offset < b.offset
        }.prefix(lines).map(\.offset))
        return items.enumerated().filter { chosen.contains($0.offset) || $0.element.events[0].isRemark }.map(\.element)
    }
}
