import DocklingCore
import FoundationEssentials

extension Builder {
    /// WORKDIR: the config's working directory, relative to the one before; BuildKit also
    /// makes the folder (owned by the current USER) as a layer of its own, unless it is `/`.
    func workdir(_ path: String, _ step: Step, in state: inout StageState, trigger: Bool) throws {
        let directory = Self.workingDirectory(path, after: state.execution.workingDir ?? "/")
        state.execution.workingDir = directory
        guard directory != "/" else {
            return try commit(step, in: &state, trigger: trigger, createdBy: "WORKDIR /")
        }
        let vertex = begin(state.vertexName(stepName(step, state), trigger: trigger))
        let tree = LayeredTree(layers: try state.image.map(store.layerDirectories) ?? [])
        let user = state.execution.user
        try commit(step, in: &state, trigger: trigger, createdBy: "WORKDIR " + directory, vertex: vertex) {
            let folder = try scratchFolder("workdir")
            do {
                // New folders belong to the current USER (root without one).
                try tree.makeFolder(directory, in: folder, owner: try user.map(tree.lookUpUser) ?? (uid: 0, gid: 0))
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
            return StepOutput(changes: folder, source: .tree)
        }
    }

    /// WORKDIR's path: relative to the one before, cleaned as Go's `path.Clean` does.
    static func workingDirectory(_ path: String, after cwd: String) -> String {
        GoPath.clean(Path.absolute(path, cwd: cwd))
    }
}
