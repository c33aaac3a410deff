import ArgumentParser

/// Lesson 09: a build is run + commit, repeated — one container per RUN, its upper
/// directory frozen into a layer, metadata steps changing only the config.
struct BuildTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-build",
        abstract: "Build an image from a Dockerfile, showing each step's container, diff, layer and cache key.",
        subcommands: [BuildStepsCommand.self, ParseCommand.self],
        defaultSubcommand: BuildStepsCommand.self)
}
