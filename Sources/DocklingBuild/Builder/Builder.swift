import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker build`: a Dockerfile becomes an image, step by step — and each step is one of
/// two things. A RUN, COPY, ADD or WORKDIR makes a layer: RUN by running the command in a
/// container made from the previous step's image and keeping its upper directory, as
/// `dockling commit` does; the others by writing files into an empty folder. Every other
/// instruction only edits the config. Either way the step's result is an image, kept by
/// the build cache under a key made of what the step depends on, so that the next build
/// of the same step on the same parent reuses it instead of running again.
///
/// `dockling build` and `dockling-build` both call this; only their observers differ.
public final class Builder {
    let request: BuildRequest
    let root: StoreRoot
    let store: ImageStore
    let cache: BuildCache
    /// What this build made or stands on, kept from every prune until it ends.
    let lease: BuildLease
    let observer: BuildObserver
    var vertices = 0
    /// The progress line open now, if any: a failure is reported under it.
    var current: BuildVertex?
    /// Set once the Dockerfile is read.
    var input: BuildInput!
    var dockerfile: Dockerfile!
    var graph: StageGraph!
    var expander: WordExpander!
    var globalArgs: [String: String] = [:]
    var givenArgs: [String: String] = [:]
    /// The context, read on the first COPY or ADD that needs it.
    var context: BuildContext?
    /// Each built stage's state at its end.
    var results: [Int: StageState] = [:]
    /// The base images found so far, by the name `FROM` gave.
    var bases: [String: StoredImage] = [:]
    /// Stages that ran at least one step in this build, for explaining misses after them.
    var rebuiltStages: Set<Int> = []
    /// The signal mask from before the build held Ctrl-C back; nil while it is not held.
    private var interruptMask: sigset_t?

    public init(request: BuildRequest, root: StoreRoot, observer: BuildObserver) {
        self.request = request
        self.root = root
        store = ImageStore(root: root)
        cache = BuildCache(root: root)
        lease = BuildLease(root: root)
        self.observer = observer
    }

    /// Builds, names the result as the request asks, and returns it. A failure is reported
    /// to the observer before it is thrown (always a `BuildFailure`): nothing it made is named.
    ///
    /// Ctrl-C (SIGTERM, SIGHUP, SIGQUIT) is held back for the whole build: a RUN's
    /// container takes it at once, any other work finishes its part and the build stops at
    /// the next `checkInterrupted` — its scratch, its standard input's copy and its lease
    /// removed, exit 130. Then the mask is given back. Only a Dockerfile typed on the
    /// terminal is read with Ctrl-C free: its reader may give up typing.
    @discardableResult
    public func build() throws -> StoredImage {
        defer { if let interruptMask { Interrupts.release(interruptMask, note: "the build is over: let Ctrl-C in") } }
        if request.context != .standardInput || isatty(0) != 1 { try holdInterrupts() }
        do {
            defer {
                lease.end()
                input?.remove()
            }
            try load()
            let target = try graph.target(request.target)
            for index in try graph.order(for: target) {
                try checkInterrupted()
                results[index] = try buildStage(index)
            }
            try checkInterrupted()
            let image = try export(results[target]!)
            observer.finished(image)
            return image
        } catch {
            let failure = describe(error)
            observer.failed(failure, in: current)
            throw failure
        }
    }

    /// Starts a progress line.
    func begin(_ name: String) -> BuildVertex {
        vertices += 1
        let vertex = BuildVertex(number: vertices, name: name)
        observer.started(vertex)
        current = vertex
        return vertex
    }

    /// Ends a progress line: `DONE 0.3s`, or `CACHED` when the cache had the step.
    func finish(_ vertex: BuildVertex, cached: Bool = false) {
        if cached { observer.cached(vertex) } else { observer.done(vertex) }
        current = nil
    }

    /// Holds Ctrl-C back until `build` ends; `checkInterrupted` looks whether it came.
    private func holdInterrupts() throws {
        interruptMask = try Interrupts.hold(note: "from now on the build ends cleaned up whenever Ctrl-C comes")
    }

    /// Stops the build if Ctrl-C (or SIGTERM…) came while it was held back.
    func checkInterrupted() throws {
        if let signal = try Kernel.takePendingSignal(Interrupts.signals, note: "did Ctrl-C come? then the build stops here") {
            throw BuildInterrupted(signal: signal)
        }
    }

    /// Reads and parses the Dockerfile, the build args and the stage graph.
    private func load() throws {
        let named = request.dockerfile.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "Dockerfile"
        let definition = begin("[internal] load build definition from \(named)")
        input = try BuildInput(request, root: root)
        if interruptMask == nil { try holdInterrupts() }
        observer.note("transferring dockerfile: \(HumanUnits.size(Int64(input.dockerfileText.utf8.count))) done", in: definition)
        dockerfile = try Dockerfile.parse(input.dockerfileText, file: input.dockerfileName)
        for warning in dockerfile.warnings {
            observer.note("WARN: \(input.dockerfileName):\(warning.line): \(warning.message)", in: definition)
        }
        finish(definition)
        expander = WordExpander(escape: dockerfile.escape)
        givenArgs = request.buildArgs.reduce(into: [:]) { given, argument in
            given[argument.name] = argument.defaultValue ?? ProcessEnvironment.value(argument.name)
        }
        let expander = expander!
        globalArgs = try ArgScope.globals(dockerfile.globalArgs, given: givenArgs) { word, scope in
            try expander.expand(word) { scope[$0] }
        }
        let globals = globalArgs
        graph = try StageGraph(dockerfile) { try expander.expand($0) { globals[$0] } }
        let ignore = begin("[internal] load .dockerignore")
        observer.note("transferring context: \(HumanUnits.size(Int64(input.ignoreSize))) done", in: ignore)
        finish(ignore)
    }

    /// The whole failure as docker shows it: docker's words and the Dockerfile lines.
    private func describe(_ error: Error) -> BuildFailure {
        var failure: BuildFailure
        switch error {
        case let known as BuildFailure: failure = known
        case let parse as DockerfileError:
            failure = BuildFailure((parse.line.map { "dockerfile parse error on line \($0): " } ?? "") + parse.message,
                                   lines: parse.line.map { $0...$0 })
        case let interrupted as BuildInterrupted:
            failure = BuildFailure("Canceled: context canceled")
            failure.exitCode = interrupted.exitCode
        case let other as DocklingFailure: failure = BuildFailure(other.what + (other.hint.map { " — " + $0 } ?? ""))
        default: failure = BuildFailure("\(error)")
        }
        if let lines = failure.lines, let input, failure.excerpt == nil {
            failure.excerpt = DockerfileExcerpt(file: input.dockerfileName, text: input.dockerfileText, lines: lines)
        }
        return failure
    }
}
