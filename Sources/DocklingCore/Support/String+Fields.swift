extension String {
    /// The non-empty fields between `separator`s, split as bytes: kernel files are ASCII
    /// with single-byte separators, and byte splitting skips Unicode's grapheme rules,
    /// whose tables cost a freshly started process more than the split itself.
    func fields(separatedBy separator: Unicode.Scalar) -> [String] {
        utf8.split(separator: UInt8(ascii: separator)).map { String(decoding: $0, as: UTF8.self) }
    }
}
