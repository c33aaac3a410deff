import ArgumentParser

/// `dockling image …`: the image commands grouped as `docker image` groups them.
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Manage images.",
        subcommands: [List.self, Import.self, Load.self, Save.self, Tag.self, History.self, Inspect.self])

    /// `dockling image ls`, the same as `dockling images`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List images.",
                                                        aliases: ["list"])

        @OptionGroup var options: ImageListOptions

        func run() throws { try options.run() }
    }
}
