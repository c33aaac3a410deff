// The reference grammar of distribution/reference (docker's), in plain code:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [ domain "/" ] component ( "/" component )*
//   component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
//   tag       := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}

extension ImageReference {
    /// Parses and normalises a reference; a bare name gets the tag `latest`.
    public init(parsing text: String) throws(ImageError) {
        var rest = Substring(text)
        var digest: Digest?
        if let at = rest.firstIndex(of: "@") {
            digest = try Digest(parsing: String(rest[rest.index(after: at)...]))
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        if let tag, !Self.isTag(tag) {
            throw ImageError("invalid tag '\(tag)' in '\(text)'",
                             hint: "a tag is up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'")
        }
        var domain = Self.defaultDomain
        var path = String(rest)
        if let slash = rest.firstIndex(of: "/") {
            let first = rest[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                domain = first == "index.docker.io" ? Self.defaultDomain : String(first)
                path = String(rest[rest.index(after: slash)...])
            }
        }
        if domain == Self.defaultDomain && !path.contains("/") { path = "library/" + path }
        guard path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(Self.isComponent),
              Self.isDomain(domain), (domain + "/" + path).utf8.count <= 255 else {
            throw ImageError("invalid reference format: '\(text)'",
                             hint: "repository names are lowercase letters, digits and . _ - separated by /")
        }
        self.init(domain: domain, path: path, tag: tag ?? (digest == nil ? Self.defaultTag : nil),
                  digest: digest)
    }

    static func isTag(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.dropFirst().allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    static func isComponent(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last,
              isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        var index = 0
        while index < bytes.count {
            if isLowerAlphanumeric(bytes[index]) { index += 1; continue }
            // A separator: ".", "_", "__" or a run of "-", always between alphanumerics.
            let start = index
            while index < bytes.count && !isLowerAlphanumeric(bytes[index]) { index += 1 }
            let separator = bytes[start..<index]
            let dashes = separator.allSatisfy { $0 == UInt8(ascii: "-") }
            guard dashes || ["." , "_", "__"].contains(String(decoding: separator, as: UTF8.self)) else {
                return false
            }
        }
        return true
    }

    static func isDomain(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].utf8.allSatisfy(isDigit)) { return false }
        return parts[0].split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.utf8.first, let last = label.utf8.last else { return false }
            return isAlphanumeric(first) && isAlphanumeric(last)
                && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (97...122).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLowerAlphanumeric(byte) || (65...90).contains(byte) }
    private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
}
