import ArgumentParser
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// A process exit with a given code, thrown from deep inside a command.
public struct ExitWith: Error {
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
}

/// How every dockling executable starts: normalise `--trace`, parse, run, and turn
/// errors into docker's exit codes (125 for dockling's own failures).
public enum ToolMain {
    public static func run<Command: ParsableCommand>(_ type: Command.Type, name: String) -> Never {
        do {
            var command = try TraceOption.parse(type, Array(CommandLine.arguments.dropFirst()))
            try command.run()
            exit(0)
        } catch let exitWith as ExitWith {
            exit(exitWith.code)
        } catch let failure as DocklingFailure {
            report("\(name): \(failure)")
            exit(failure.exitCode)
        } catch let error as KernelError {
            report("\(name): \(error)")
            exit(125)
        } catch {
            let code = type.exitCode(for: error)
            if code == .success {
                type.exit(withError: error)
            }
            report(type.fullMessage(for: error))
            exit(125)
        }
    }

    public static func report(_ line: String) {
        Output.write(line.hasSuffix("\n") ? line : line + "\n", to: 2)
    }
}
