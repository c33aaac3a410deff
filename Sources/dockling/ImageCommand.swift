import ArgumentParser

/// `dockling image …`: the image commands grouped as `docker image` groups them; each is
/// the very command of the short form (`image rm` is `rmi`, `image ls` is `images`).
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Manage images.",
        subcommands: [Build.self, History.self, Import.self, Inspect.self, Load.self, List.self, ImagePrune.self, Remove.self,
                      Save.self, Tag.self])

    /// `dockling image ls`, the same as `dockling images`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List images.",
                                                        aliases: ["list"])

        @OptionGroup var options: ImageListOptions

        func run() throws { try options.run() }
    }

    /// `dockling image rm`, the same as `dockling rmi`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove images.",
                                                        aliases: ["remove"])

        @OptionGroup var options: Rmi

        func run() throws { try options.run() }
    }
}
