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
            Images.self, ImageCommand.self, Import.self, Load.self, Save.self, Tag.self, Rmi.self,
            Inspect.self, History.self, CommitCommand.self, Diff.self, Build.self, BuilderCommand.self,
            Run.self, Create.self, Start.self, PS.self, ContainerCommand.self, Stop.self, Kill.self, Rm.self,
            Logs.self, Top.self, Info.self, SystemCommand.self, VolumeCommand.self, Attach.self, Exec.self,
        ]
    )
}
