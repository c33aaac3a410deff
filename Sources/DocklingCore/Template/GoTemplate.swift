/// A Go text/template of the kind `docker inspect -f` takes — `{{.State.Status}}`,
/// `{{json .Config}}`, `{{range .Mounts}}{{.Source}}{{end}}`,
/// `{{index .Config.Labels "k"}}` — parsed once, then run against each object's JSON.
///
/// Our own small evaluator, not Go's: fields, variables, pipelines, parentheses,
/// `if`/`else`/`with`/`range`, and the functions in `TemplateFunctions`. Messages are
/// Go's, so that they read as docker's.
public struct GoTemplate {
    private let nodes: [TemplateNode]

    public init(_ text: String) throws(TemplateError) {
        var parser = try TemplateParser(text)
        nodes = try parser.parse()
    }

    /// The template's output for `value` (Go's `Execute` with `missingkey=error`).
    public func render(_ value: TemplateValue) throws(TemplateError) -> String {
        var evaluator = TemplateEvaluator(root: value)
        try evaluator.run(nodes, dot: value)
        return evaluator.output
    }
}
