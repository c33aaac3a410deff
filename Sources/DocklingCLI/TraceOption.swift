import ArgumentParser
import DocklingCore

/// `--trace[=human|all|json]`, shared by every dockling executable.
public struct TraceOption: ParsableArguments {
    @Option(name: .customLong("trace"),
            help: ArgumentHelp("Show the kernel calls: --trace (by step, the telling ones), --trace=all (every one) or --trace=json.",
                               valueName: "mode"))
    public var mode: String?

    public init() {}

    /// Installs the chosen sink; a bad mode is a usage error naming the flag.
    public func apply() throws {
        guard let mode else { return }
        guard let parsed = TraceMode(flagValue: mode) else {
            throw ValidationError("--trace takes human, all or json, not '\(mode)'")
        }
        Tracer.configure(flag: parsed)
    }

    /// Parses a command line (without the program's name), reading a bare `--trace` as
    /// `--trace=human`, since ArgumentParser options need a value.
    ///
    /// Only dockling's own `--trace` is rewritten, never one in a command dockling runs:
    /// nothing after `--` (the concept tools' `-- COMMAND`), and nothing a
    /// `PassthroughCommand` captured (`run IMAGE COMMAND`). ArgumentParser, which knows
    /// which options take a value (`run --name web busybox env --trace`), decides where
    /// the captured arguments start; they are the line's last, and the rewrite keeps the
    /// count, so they are put back from the line as typed.
    ///
    /// A line that starts with a subcommand's name is parsed by that subcommand alone
    /// first: ArgumentParser then reflects over one command's options rather than walking
    /// down from the root, a millisecond less for every `dockling run`. A line that does
    /// not parse that way (a mistake, `--help`) is parsed again from the root, so that
    /// errors and help read as they always do.
    public static func parse<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws -> ParsableCommand {
        if let first = arguments.first,
           let subcommand = type.configuration.subcommands.first(where: { $0.configuration.commandName == first }),
           let command = try? parse(fromRoot: subcommand, Array(arguments.dropFirst())) {
            return command
        }
        return try parse(fromRoot: type, arguments)
    }

    /// Parses the line with `type` as the root command.
    static func parse<Command: ParsableCommand>(fromRoot type: Command.Type, _ arguments: [String]) throws -> ParsableCommand {
        var command = try type.parseAsRoot(normalize(arguments))
        if var passing = command as? any PassthroughCommand {
            passing.passthrough = Array(arguments.suffix(passing.passthrough.count))
            command = passing
        }
        return command
    }

    private static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var passthrough = false
        for arg in arguments {
            if arg == "--" { passthrough = true }
            out.append(!passthrough && arg == "--trace" ? "--trace=human" : arg)
        }
        return out
    }
}
