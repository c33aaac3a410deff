import ArgumentParser

/// A command whose last arguments are a command line for another program, captured
/// unparsed with `@Argument(parsing: .captureForPassthrough)`: `run IMAGE CMD…`,
/// `create IMAGE CMD…`, `exec CONTAINER CMD…`. ArgumentParser captures from the first
/// argument that is not one of the command's own options to the end of the line, so the
/// captured arguments are always the line's last ones.
public protocol PassthroughCommand: ParsableCommand {
    /// The captured arguments, in the order they were typed.
    var passthrough: [String] { get set }
}

extension PassthroughCommand {
    /// Answers `--help` (or `-h`) typed where the captured arguments start — after the
    /// command's own options, so ArgumentParser captured it — with this command's help.
    public func answerHelp() throws {
        if ["--help", "-h"].contains(passthrough.first) { throw CleanExit.helpRequest(self) }
    }
}
