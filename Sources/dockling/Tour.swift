import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling tour`: runs the lessons, step by step, with every kernel call traced.
struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk through the lessons, running each step with tracing on.")

    func run() throws {}
}
