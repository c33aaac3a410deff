import DocklingCore

/// Why a build stopped, in docker's words: what failed (`process "/bin/sh -c false" did
/// not complete successfully: exit code: 1`), the step it failed in and its last output
/// lines, and the Dockerfile lines that asked for it. `docker build` exits with 1 then,
/// whatever the cause; so does this.
public struct BuildFailure: DocklingFailure {
    public let step = "build"
    /// The cause, as docker ≥ 23 words it after `failed to solve: `.
    public var message: String
    /// The step's name as progress showed it (`[2/3] RUN make`); nil before any step.
    public var vertex: String?
    /// The step's last lines of output.
    public var logTail: [String] = []
    /// The Dockerfile lines to blame; nil when none is (a bad `--target`).
    public var lines: ClosedRange<Int>?
    /// Those lines as docker shows them, once the builder has put the text to them.
    public var excerpt: DockerfileExcerpt?
    /// 1, as `docker build` exits on any failure; 128+N when signal N (Ctrl-C) stopped it.
    public var exitCode: Int32 = 1

    public init(_ message: String, vertex: String? = nil, lines: ClosedRange<Int>? = nil) {
        self.message = message
        self.vertex = vertex
        self.lines = lines
    }

    /// A failure that one Dockerfile line is to blame for.
    static func at(_ line: Int, _ message: String) -> BuildFailure {
        BuildFailure(message, lines: line...line)
    }

    public var what: String { "failed to solve: " + message }

    /// The block `docker build` prints on standard error when it fails: the step and
    /// its last output, the Dockerfile lines, then `ERROR: failed to solve: …`.
    public var report: [String] {
        var lines: [String] = []
        if let vertex {
            lines += ["------", " > \(vertex):"] + logTail + ["------"]
        }
        lines += excerpt?.rendered ?? []
        return lines + ["ERROR: " + what]
    }
}
