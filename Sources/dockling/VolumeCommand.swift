import ArgumentParser

/// `dockling volume …`: named volumes, the folders under `volumes/<name>/_data` that
/// `run -v NAME:/path` mounts and that outlive their containers.
struct VolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume", abstract: "Manage volumes.",
        subcommands: [VolumeCreate.self, VolumeInspect.self, VolumeList.self, VolumePrune.self, VolumeRemove.self])
}
