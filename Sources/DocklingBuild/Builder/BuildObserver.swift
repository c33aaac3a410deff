import DocklingCore

/// One line of BuildKit's progress: a step (`[build 2/3] RUN make`) or a piece of the
/// build's own work (`[internal] load build context`, `exporting to image`), numbered in
/// the order they start.
public final class BuildVertex: Sendable {
    public let number: Int
    public let name: String
    /// When it started, for its output's timestamps and its `DONE 0.3s`.
    public let started: ContinuousClock.Instant

    init(number: Int, name: String) {
        self.number = number
        self.name = name
        started = ContinuousClock.now
    }

    /// Seconds since it started.
    public var elapsed: Double {
        let duration = ContinuousClock.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// What one step did, for a reader who wants to see the build as run + commit: the cache
/// key and why it hit or missed, the container a RUN ran in, the files it changed, the
/// layer and the config change. `dockling-build` prints these; `dockling build` does not.
public struct StepReport: Sendable {
    /// The Dockerfile line, and the instruction as written.
    public var line: Int
    public var instruction: String
    public var key: CacheKey
    /// Nil on a cache hit; else why the cache could not be used.
    public var missReason: String?
    /// The RUN container's command line.
    public var command: [String]?
    /// It as Go's `%q` prints a list: `["/bin/sh" "-c" "make all"]`.
    public var commandLine: String? { command.map(GoQuote.list) }
    /// The RUN container's short id (12 hex digits), to find it in a `--trace`.
    public var container: String?
    /// What the step changed, as `docker diff` says it (A, C, D); empty on a hit.
    public var changes: [UnionChange]
    /// The layer the step added; nil for a step that only changed the config.
    public var layer: Descriptor?
    /// `Env: + A=1`-style lines, one per config field that changed.
    public var configChanges: [String]
    public var image: StoredImage
}

/// Who hears about a build's progress: `PlainProgress` prints BuildKit's plain output,
/// `dockling-build` prints each step in full. Every call comes from the building thread.
public protocol BuildObserver: AnyObject {
    /// Whether `stepFinished` should get the changed files (reading them takes time).
    var wantsChanges: Bool { get }
    func started(_ vertex: BuildVertex)
    /// A line of the build's own (`transferring context: 2B done`, `writing image … done`).
    func note(_ text: String, in vertex: BuildVertex)
    /// A line the step's command wrote.
    func output(_ line: String, in vertex: BuildVertex)
    func cacheMiss(_ reason: String, in vertex: BuildVertex)
    func cached(_ vertex: BuildVertex)
    func done(_ vertex: BuildVertex)
    /// Every step, those BuildKit shows no line for (ENV, CMD…) too.
    func stepFinished(_ report: StepReport)
    /// The build stopped; nothing it made is named.
    func failed(_ failure: BuildFailure, in vertex: BuildVertex?)
    /// The build is done; `image` is its result, named as the request asked.
    func finished(_ image: StoredImage)
}
