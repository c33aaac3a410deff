import ArgumentParser

/// `dockling container …`: docker's management command for containers. Each subcommand
/// is the very command of the short form (`container rm` is `rm`), so both spellings
/// share one implementation and one help text.
struct ContainerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "container", abstract: "Manage containers.",
        subcommands: [Attach.self, CommitCommand.self, Create.self, Diff.self, Exec.self, Inspect.self, Kill.self,
                      Logs.self, ContainerList.self, ContainerPrune.self, Rm.self, Run.self, Start.self, Stop.self,
                      Top.self])

    /// `dockling container ls`, the same as `dockling ps`.
    struct ContainerList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List containers.",
                                                        aliases: ["list", "ps"])
        @OptionGroup var options: PS

        func run() throws { try options.run() }
    }
}
