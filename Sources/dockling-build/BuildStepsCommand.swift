import ArgumentParser
import DocklingBuild
import DocklingCLI
import DocklingCore

/// `dockling-build CONTEXT`: the same builder as `dockling build`, telling for each step
/// what a build really is — the cache key and why it hit or missed, the container a RUN
/// ran, the files it changed (A, C, D), the layer, the config change, the new image.
struct BuildStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build, showing every step.")

    @Option(name: [.short, .customLong("tag")], help: ArgumentHelp("Name the image.", valueName: "name[:tag]"))
    var tags: [String] = []
    @Option(name: [.short, .customLong("file")], help: ArgumentHelp("The Dockerfile (default: CONTEXT/Dockerfile).", valueName: "file"))
    var file: String?
    @Option(name: .customLong("build-arg"), help: ArgumentHelp("Set a build arg.", valueName: "k[=v]"))
    var buildArgs: [String] = []
    @Option(help: ArgumentHelp("Build this stage and the ones it needs.", valueName: "stage")) var target: String?
    @Flag(help: "Run every step, whatever the build cache holds.") var noCache = false
    @Option(help: ArgumentHelp("The RUN steps' network: none, host or default (none).", valueName: "mode"))
    var network = "default"
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: ArgumentHelp("The build context: a folder, or - for standard input.", valueName: "context"))
    var context: String

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "build"
        let request = try BuildRequest(context: context, dockerfile: file, tags: tags, buildArgs: buildArgs,
                                       target: target, noCache: noCache, network: network)
        do {
            try Builder(request: request, root: store.root, observer: StepPrinter()).build()
        } catch let failure as BuildFailure {
            throw ExitWith(failure.exitCode)
        }
    }
}

/// Prints each step as run + commit: what the cache made of it, then what it made.
final class StepPrinter: BuildObserver {
    /// A progress line is open: the next step is its step (ENV, CMD… have none of their own).
    private var inVertex = false

    var wantsChanges: Bool { true }

    func started(_ vertex: BuildVertex) {
        print("\n#\(vertex.number) \(vertex.name)")
        inVertex = true
    }
    func note(_ text: String, in vertex: BuildVertex) { print("   \(text)") }
    func output(_ line: String, in vertex: BuildVertex) { print("   │ \(line)") }
    func cacheMiss(_ reason: String, in vertex: BuildVertex) {}
    func cached(_ vertex: BuildVertex) {}
    func done(_ vertex: BuildVertex) {}

    func stepFinished(_ report: StepReport) {
        if !inVertex { print("") }
        inVertex = false
        print("   step      Dockerfile:\(report.line)  \(report.instruction)")
        print("   cache key \(report.key.digest) = sha256 of")
        for part in report.key.parts { print("               \(part)") }
        print("   cache     " + (report.missReason.map { "miss — \($0)" } ?? "hit: the image this key made before"))
        if let command = report.commandLine, let container = report.container {
            print("   container \(container) of dockling's runtime, on the parent image, ran \(command), then was removed")
        }
        for change in report.changes { print("   diff      \(change)") }
        if let layer = report.layer {
            print("   layer     \(layer.digest) (\(HumanUnits.size(layer.size)))")
        } else {
            print("   layer     none: this step changes only the config")
        }
        for line in report.configChanges { print("   config    \(line)") }
        print("   image     \(report.image.id)")
    }

    func failed(_ failure: BuildFailure, in vertex: BuildVertex?) {
        ToolMain.report(failure.report.joined(separator: "\n"))
    }

    func finished(_ image: StoredImage) {
        let names = image.names.map(\.familiarDescription)
        print("\nbuilt \(image.id)" + (names.isEmpty ? "" : " as " + names.joined(separator: ", ")))
    }
}
