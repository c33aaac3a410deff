import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling`: the docker-like CLI, and the tour that teaches what each step does.
struct Dockling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling",
        abstract: "Learn how containers work by running real ones, one kernel call at a time.",
        version: DocklingVersion.current,
        subcommands: [
            Tour.self,
        ]
    )
}
