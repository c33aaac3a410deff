import DocklingCore

/// A COPY or ADD that cannot be done: a source missing or kept out by `.dockerignore`, a
/// destination docker refuses, a user `--chown` names that the image does not have.
/// `what` keeps docker's own words where docker has some; `hint` says what a learner needs.
public struct ContextError: DocklingFailure, Equatable {
    public let step = "build context"
    public let what: String
    public let hint: String?
    /// Raised while writing the layer (`CopyOperation.apply`) rather than while choosing
    /// and hashing what a step reads (`select`, `contentKey`).
    public var duringCopy = false

    public init(_ what: String, hint: String? = nil) {
        self.what = what
        self.hint = hint
    }

    /// BuildKit's words before the message: "failed to copy files" for an error of the
    /// copy itself, "failed to compute cache key" for one met reading the sources.
    public var label: String { duringCopy ? "failed to copy files" : "failed to compute cache key" }

    /// A pattern Go's `filepath.Match` refuses (`.dockerignore` lines, COPY wildcards).
    static func badPattern(_ what: String) -> ContextError {
        ContextError(what, hint: "patterns use Go's filepath.Match syntax: `*`, `?`, `[a-z]`, and `\\` escapes one character")
    }
}
