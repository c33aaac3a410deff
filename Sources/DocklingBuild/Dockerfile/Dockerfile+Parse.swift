extension Dockerfile {
    /// Parses `text`; `file` names it in errors. Fails with docker's message and the line:
    /// the line parser's errors, an instruction's (unknown, wrong arguments or flags), an
    /// instruction before the first `FROM` other than `ARG`, or no `FROM` at all.
    public static func parse(_ text: String, file: String) throws(DockerfileError) -> Dockerfile {
        let tree = try DockerfileSyntaxTree.parse(text, file: file)
        var globalArgs: [ArgDeclaration] = []
        var stages: [Stage] = []
        for node in tree.instructions {
            do throws(DockerfileError.Message) {
                if node.keyword.lowercased() == "from" {
                    stages.append(try stage(node, index: stages.count))
                    continue
                }
                let instruction = try InstructionParser.instruction(node)
                guard !stages.isEmpty else {
                    guard case .arg(let declarations) = instruction else {
                        throw DockerfileError.Message("no build stage in current context")
                    }
                    globalArgs += declarations
                    continue
                }
                stages[stages.count - 1].steps.append(Step(instruction: instruction, line: node.startLine, endLine: node.endLine,
                                                           original: String(node.original.trimmedSpace)))
            } catch {
                throw DockerfileError(file: file, line: node.startLine, message: error.text)
            }
        }
        // Only global ARGs: BuildKit's frontend refuses it before building anything.
        if stages.isEmpty { throw DockerfileError(file: file, line: nil, message: "dockerfile contains no stages to build") }
        return Dockerfile(file: file, directives: tree.directives, warnings: tree.warnings, globalArgs: globalArgs,
                          stages: stages, syntaxTree: tree)
    }

    /// `FROM [--platform=p] base [AS name]`: a stage name is lower-cased and must look like one.
    private static func stage(_ node: DockerfileNode, index: Int) throws(DockerfileError.Message) -> Stage {
        let words = node.words
        var name: String?
        if words.count == 3 && words[1].lowercased() == "as" {
            let lowered = words[2].lowercased()
            let scalars = Array(lowered.unicodeScalars)
            guard let first = scalars.first, ("a"..."z").contains(first),
                  scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }) else {
                throw .init("invalid name for build stage: \(GoQuote.string(words[2])), name can't start with a number or contain symbols")
            }
            name = lowered
        } else if words.count != 1 {
            throw .init("FROM requires either one or three arguments")
        }
        let flags = try InstructionFlags(node.flags, accepted: ["platform": .string])
        let platform = flags.string("platform").flatMap { $0.isEmpty ? nil : $0 }
        return Stage(index: index, name: name, base: words[0], platform: platform, line: node.startLine, steps: [])
    }
}
