/// Fits one line of the view into the terminal's width. What goes first is the part
/// that explains least: the note is cut before the call, and a cut call keeps its result,
/// so a fitted line still says what was called and what came back.
struct TraceLineFit {
    let width: Int

    /// The shortest note worth keeping; a shorter room drops it.
    static let shortestNote = 16
    static let noteSeparator = "    # "

    /// `head` (indent, pid and call), `result` (` = 0`) and `note`, fitted: the call
    /// part and the note part, to be styled apart.
    func fit(head: String, result: String, note: String) -> (call: String, note: String) {
        let call = head + result
        guard !note.isEmpty else { return (cut(head, result: result), "") }
        if call.count + Self.noteSeparator.count + note.count <= width {
            return (call, Self.noteSeparator + note)
        }
        let room = width - call.count - Self.noteSeparator.count
        if room >= Self.shortestNote {
            return (call, Self.noteSeparator + note.prefix(room - 1) + "…")
        }
        return (cut(head, result: result), "")
    }

    /// A line with no result part (a heading, a remark), cut at the end.
    func fit(_ text: String) -> String {
        text.count <= width ? text : text.prefix(max(1, width - 1)) + "…"
    }

    private func cut(_ head: String, result: String) -> String {
        guard head.count + result.count > width else { return head + result }
        let keep = max(1, width - result.count - 2)
        return head.prefix(keep) + "…" + (head.hasSuffix(")") ? ")" : "") + result
    }
}
