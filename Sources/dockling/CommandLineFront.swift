import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// What the line asks for, read before ArgumentParser reads it, for the three answers
/// docker gives that ArgumentParser would word differently: a word that is no command
/// (`dockling: unknown command: dockling foo`), a docker command dockling has not built
/// yet, and help — `dockling help CMD` and `dockling CMD --help` print the same text.
enum CommandLineFront {
    enum Answer: Equatable {
        /// An ordinary line: ArgumentParser parses it.
        case proceed
        /// Print this command's help and exit 0.
        case help([String])
        /// Print this on standard error and exit 1, as docker does.
        case refuse(String)
    }

    /// Answers the line, then lets ArgumentParser have it if it is ordinary.
    static func handle(_ arguments: [String]) {
        switch answer(Array(arguments.dropFirst())) {
        case .proceed: return
        case .help(let path):
            Output.write(helpText(path) + "\n", to: 1)
            exit(0)
        case .refuse(let message):
            ToolMain.report(message)
            exit(1)
        }
    }

    /// The answer for a line without the program's name.
    static func answer(_ arguments: [String]) -> Answer {
        if arguments.first == "help" {
            let words = Array(arguments.dropFirst().prefix { !$0.hasPrefix("-") })
            guard walk(words).path.count == words.count else {
                return .refuse("unknown help topic: \(words.joined(separator: " "))")
            }
            return .help(words)
        }
        let (path, command, stopped) = walk(arguments)
        if let word = stopped {
            if let message = NotBuiltYet.message(for: word) {
                return .refuse(message + "\n\nRun 'dockling --help' for more information")
            }
            let group = (["dockling"] + path).joined(separator: " ")
            let usage = path.isEmpty ? "" : "Usage:  \(group)\n\n"
            return .refuse("dockling: unknown command: \(group) \(word)\n\n\(usage)Run '\(group) --help' for more information")
        }
        // `--help` where the command's own arguments start; for commands that do not
        // hand their arguments on to another program, anywhere before `--`.
        let rest = arguments.dropFirst(path.count)
        let own = command is any PassthroughCommand.Type ? Array(rest.prefix(1)) : Array(rest.prefix { $0 != "--" })
        return own.contains { $0 == "--help" || $0 == "-h" } ? .help(path) : .proceed
    }

    /// Follows the line's words down the command tree: the names matched, the command
    /// they lead to, and the first word that names no subcommand where one was expected.
    private static func walk(_ words: [String]) -> (path: [String], command: ParsableCommand.Type, stopped: String?) {
        var command: ParsableCommand.Type = Dockling.self
        var path: [String] = []
        for word in words {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { break }
            guard let next = subcommands.first(where: {
                $0.configuration.commandName == word || $0.configuration.aliases.contains(word)
            }) else {
                // The concept tools are one word away too (`dockling namespaces`).
                if path.isEmpty, ConceptTools.names.contains(word) { break }
                return (path, command, word)
            }
            command = next
            path.append(word)
        }
        return (path, command, nil)
    }

    /// The help of the command the path names, as ArgumentParser writes it from the root.
    static func helpText(_ path: [String]) -> String {
        let command = walk(path).command
        return command == Dockling.self ? Dockling.helpMessage() : Dockling.helpMessage(for: command)
    }
}
