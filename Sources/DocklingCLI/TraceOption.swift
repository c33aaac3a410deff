import ArgumentParser
import DocklingCore

/// `--trace[=human|json]`, shared by every dockling executable.
public struct TraceOption: ParsableArguments {
    @Option(name: .customLong("trace"),
            help: ArgumentHelp("Show every kernel call: --trace (for people) or --trace=json.",
                               valueName: "mode"))
    public var mode: String?

    public init() {}

    /// Installs the chosen sink; a bad mode is a usage error naming the flag.
    public func apply() throws {
        guard let mode else { return }
        guard let parsed = TraceMode(flagValue: mode) else {
            throw ValidationError("--trace takes human or json, not '\(mode)'")
        }
        Tracer.configure(flag: parsed)
    }

    /// ArgumentParser options need a value; a bare `--trace` means `--trace=human`.
    public static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var passthrough = false
        for arg in arguments {
            if arg == "--" { passthrough = true }
            out.append(!passthrough && arg == "--trace" ? "--trace=human" : arg)
        }
        return out
    }
}
