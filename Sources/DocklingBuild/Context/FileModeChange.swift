/// A `--chmod` value: octal (`755`, `0644`) or symbolic as chmod(1) writes it
/// (`u=rwX,go=rX`, `+x`, `a-w`, `u+s`), applied to every file and folder a COPY writes.
///
/// Symbolic modes need to know the file: `X` is execute only for folders and for files
/// that some class may already execute — that is how `go=rX` makes folders enterable
/// without making every text file executable.
struct FileModeChange: Sendable {
    private enum Form {
        case octal(UInt32)
        case symbolic([Clause])
    }

    /// `go=rX`: the classes, then one or more operations (`+`, `-`, `=`) with their letters.
    private struct Clause {
        /// Which permission bits the clause may touch: `u` is 0o4700, `g` 0o2070, `o` 0o1007.
        var who: UInt32
        var operations: [(op: Unicode.Scalar, letters: String)]
    }

    private let form: Form

    init(parsing text: String) throws(ContextError) {
        if !text.isEmpty, text.utf8.count <= 4, text.allSatisfy({ ("0"..."7").contains($0) }) {
            form = .octal(UInt32(text, radix: 8)!)
            return
        }
        var clauses: [Clause] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var scalars = part.unicodeScalars[...]
            var who: UInt32 = 0
            while let first = scalars.first, let bits = Self.classBits[first] {
                who |= bits
                scalars.removeFirst()
            }
            var clause = Clause(who: who == 0 ? 0o7777 : who, operations: [])
            while let op = scalars.first, "+-=".unicodeScalars.contains(op) {
                scalars.removeFirst()
                let letters = scalars.prefix { "rwxXst".unicodeScalars.contains($0) }
                scalars.removeFirst(letters.count)
                clause.operations.append((op, String(String.UnicodeScalarView(letters))))
            }
            guard !clause.operations.isEmpty, scalars.isEmpty else {
                throw ContextError("invalid chmod parameter: '\(text)'",
                                   hint: "use an octal mode such as 755, or chmod's symbolic form such as u=rwX,go=rX or +x")
            }
            clauses.append(clause)
        }
        form = .symbolic(clauses)
    }

    private static let classBits: [Unicode.Scalar: UInt32] = ["u": 0o4700, "g": 0o2070, "o": 0o1007, "a": 0o7777]

    /// The new permission bits (with setuid/setgid/sticky) of a file whose bits are `mode`.
    func applied(to mode: UInt32, isDirectory: Bool) -> UInt32 {
        switch form {
        case .octal(let value):
            return value
        case .symbolic(let clauses):
            var mode = mode & 0o7777
            for clause in clauses {
                for (op, letters) in clause.operations {
                    let bits = Self.bits(letters, who: clause.who, mode: mode, isDirectory: isDirectory)
                    switch op {
                    case "+": mode |= bits
                    case "-": mode &= ~bits
                    default: mode = mode & ~(clause.who & 0o7777) | bits
                    }
                }
            }
            return mode
        }
    }

    /// The bits `letters` stand for within the classes `who` covers.
    private static func bits(_ letters: String, who: UInt32, mode: UInt32, isDirectory: Bool) -> UInt32 {
        var bits: UInt32 = 0
        for letter in letters.unicodeScalars {
            switch letter {
            case "r": bits |= 0o444
            case "w": bits |= 0o222
            case "x": bits |= 0o111
            case "X": if isDirectory || mode & 0o111 != 0 { bits |= 0o111 }
            case "s": bits |= 0o6000
            default: bits |= 0o1000  // t
            }
        }
        return bits & who
    }
}
