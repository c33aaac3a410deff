import ArgumentParser
import DocklingBuild
import DocklingCore

/// `dockling-build parse [--format dump|json] FILE`: the Dockerfile as the parser reads it.
/// `dump` is the s-expression format of BuildKit's own parser tests (`Node.Dump()`), so the
/// output can be compared with docker's parser line by line; `json` is what the builder
/// works from: the typed instructions, stage by stage, with their lines.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Print a Dockerfile's instructions as read.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dump, json
    }

    @Option(help: "dump: BuildKit's parser test format; json: the typed instructions, stage by stage.")
    var format: Format = .dump
    @Argument(help: "The Dockerfile, or - to read it from standard input.") var file: String

    func run() throws {
        let text = try read()
        let name = file == "-" ? "Dockerfile" : file
        switch format {
        case .dump:
            // Only the line parser, as BuildKit's dumper: an unknown instruction still dumps.
            let tree = try DockerfileSyntaxTree.parse(text, file: name)
            report(tree.warnings, file: name)
            Output.write(tree.dump(), to: 1)
        case .json:
            let dockerfile = try Dockerfile.parse(text, file: name)
            report(dockerfile.warnings, file: name)
            Output.line(try JSONCoding.pretty(dockerfile))
        }
    }

    private func read() throws -> String {
        if file == "-" {
            guard let bytes = Kernel.readToEnd(0) else { throw UsageError(step: "parse", "cannot read standard input") }
            return String(decoding: bytes, as: UTF8.self)
        }
        do {
            return try Kernel.readFile(file)
        } catch {
            throw StepError(step: "parse", error, hint: "name a Dockerfile, or - to read one from standard input")
        }
    }

    private func report(_ warnings: [DockerfileWarning], file: String) {
        for warning in warnings { Output.errorLine("dockling-build: \(file):\(warning.line): warning: \(warning.message)") }
    }
}
