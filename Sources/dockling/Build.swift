import ArgumentParser
import DocklingBuild
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling build`: a Dockerfile becomes an image, with docker's flags and BuildKit's
/// plain progress on standard error. The work is DocklingBuild's `Builder`; this only
/// hands the flags to `BuildRequest`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build an image from a Dockerfile.",
        usage: "dockling build [OPTIONS] PATH | -")

    @Option(name: [.short, .customLong("tag")], help: ArgumentHelp("Name the image (several -t give several names).",
                                                                   valueName: "name[:tag]"))
    var tags: [String] = []
    @Option(name: [.short, .customLong("file")], help: ArgumentHelp("The Dockerfile (default: PATH/Dockerfile).", valueName: "file"))
    var file: String?
    @Option(name: .customLong("build-arg"), help: ArgumentHelp("Set a build arg; K alone takes K's value from the environment.",
                                                               valueName: "k[=v]"))
    var buildArgs: [String] = []
    @Option(help: ArgumentHelp("Build this stage and the ones it needs; its image is the result.", valueName: "stage"))
    var target: String?
    @Flag(help: "Run every step, whatever the build cache holds.") var noCache = false
    @Option(help: ArgumentHelp("never: dockling builds from its own store, offline (no registry client yet).", valueName: "policy"))
    var pull = "never"
    @Option(help: ArgumentHelp("The RUN steps' network: none, host, or default (dockling's default, which is none until dockling has a bridge network).",
                               valueName: "mode"))
    var network = "default"
    @Option(name: .customLong("label"), help: ArgumentHelp("Set a label on the image.", valueName: "k=v"))
    var labels: [String] = []
    @Option(help: ArgumentHelp("Write the image id to this file.", valueName: "file")) var iidfile: String?
    @Flag(name: [.short, .customLong("quiet")], help: "Print only the image id.") var quiet = false
    @Option(help: ArgumentHelp("auto (tty on a terminal, else plain), plain or tty (the live view).", valueName: "type"))
    var progress = "auto"
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: ArgumentHelp("The build context: a folder, or - for a Dockerfile or a tar archive on standard input.",
                                 valueName: "path | -"))
    var context: String

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "build"
        guard pull == "never" || pull == "false" else {
            throw ValidationError("--pull=\(pull): dockling builds offline from its own store; only --pull=never")
        }
        let request = try BuildRequest(context: context, dockerfile: file, tags: tags, buildArgs: buildArgs, target: target,
                                       noCache: noCache, network: network, labels: labels, iidFile: iidfile, quiet: quiet)
        guard let mode = ProgressMode(rawValue: progress) else {
            throw ValidationError("--progress takes auto, plain or tty, not '\(progress)'")
        }
        let live = !quiet && (mode == .tty || (mode == .auto && isatty(2) == 1))
        let observer: BuildObserver = live ? TtyProgress() : PlainProgress(quiet: request.quiet)
        let image: StoredImage
        do {
            image = try Builder(request: request, root: store.root, observer: observer).build()
        } catch let failure as BuildFailure {
            throw ExitWith(failure.exitCode)  // already reported, in docker's words
        }
        if quiet { Output.line(image.id.description) }
    }

    /// `--progress`'s values, as BuildKit's.
    enum ProgressMode: String { case auto, plain, tty }
}
