/// The parsed template: text, actions and the control structures Go's text/template
/// offers, in the small set `docker inspect -f` users write.
indirect enum TemplateNode {
    /// Where a node came from, for execution errors (Go reports line:column and the node).
    struct Location: Equatable {
        let line: Int
        let column: Int
        let text: String
    }

    /// One value in a command: `.A.B`, `$x.C`, `"text"`, `12`, `true`, a function's name,
    /// or `( pipeline )` with an optional chain of fields after it.
    enum Argument {
        case field([String], Location)
        case variable(String, [String], Location)
        case string(String)
        case number(TemplateValue)
        case bool(Bool)
        case null
        case function(String, Location)
        case parenthesized(Pipeline, [String], Location)
    }

    /// `f a b` or `.A`: a function and its arguments, or one value.
    struct Command {
        let arguments: [Argument]
    }

    /// `$v := cmd | cmd`: each command's result becomes the next one's last argument.
    struct Pipeline {
        let variables: [String]
        let commands: [Command]
    }

    case text(String)
    case action(Pipeline)
    /// `if`, `with` and `range`, each with an optional `else` part.
    case branch(Keyword, Pipeline, [TemplateNode], [TemplateNode])

    enum Keyword: String {
        case `if`, with, range
    }
}
