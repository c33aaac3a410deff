extension String {
    /// The text followed by spaces up to `width` characters — at least one — for
    /// aligned columns.
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(1, width - count))
    }
}
