/// A template that does not parse, or fails while it runs, worded as Go's text/template
/// words it (`template: :1: unclosed action`), since `docker inspect -f` prints Go's
/// message after "template parsing error: ".
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The template itself is wrong: docker exits 64 before looking anything up.
        case parse
        /// The template is fine but does not fit the object: docker exits 1.
        case execution
    }

    public let kind: Kind
    public let description: String

    /// A parse error at byte `offset` of `source`: Go names the line.
    static func parse(_ message: String, at offset: Int, in source: [UInt8]) -> TemplateError {
        let line = 1 + source.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count
        return TemplateError(kind: .parse, description: "template: :\(line): \(message)")
    }

    /// An execution error, where Go names the line, the column and the node: `template:
    /// :1:8: executing "" at <.State.Foo>: map has no entry for key "Foo"`.
    static func execution(_ message: String, at node: TemplateNode.Location) -> TemplateError {
        TemplateError(kind: .execution,
                      description: "template: :\(node.line):\(node.column): executing \"\" at <\(node.text)>: \(message)")
    }
}
