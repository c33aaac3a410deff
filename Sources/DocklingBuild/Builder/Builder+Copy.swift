import DocklingCore
import FoundationEssentials

extension Builder {
    /// COPY and ADD: the files are written into an empty folder — no container runs —
    /// and that folder is the new layer. The cache key holds what was read: the content
    /// key of the files copied, from the context or from a stage or image — so a stage
    /// rebuilt with the same files still gives a hit, as in BuildKit.
    func copy(_ copy: CopyInstruction, _ step: Step, in state: inout StageState, trigger: Bool) throws {
        // The context is read before the step starts, as BuildKit's `load build context`.
        let context = copy.from == nil ? try buildContext() : nil
        let vertex = begin(state.vertexName(stepName(step, state), trigger: trigger))
        let inline = Set(copy.heredocs.map(\.name))
        let files = copy.sources.filter { !inline.contains($0) }
        let source: CopySource
        var read: [String] = []
        var contentKey: ContentKey?
        let local = files.filter { !$0.hasPrefix("http://") && !$0.hasPrefix("https://") }
        if let context {
            if !local.isEmpty {
                contentKey = try context.contentKey(try context.select(local))
                read.append("context " + contentKey!.digest)
            }
            source = .context(context)
        } else {
            let image = try copySource(copy.from!)  // no context: there is a --from
            let tree = LayeredTree(layers: try store.layerDirectories(of: image))
            // Paths as the stage has them (`/out/app`): a miss names the file that changed there.
            contentKey = try tree.contentKey(try tree.selectCopied(local), ignore: .none, prefix: "/")
            read.append("files " + contentKey!.digest)
            source = .image(tree)
        }
        read += copy.heredocs.map { "heredoc \($0.name) " + Digest.of(Array($0.content.utf8)).description }
        var createdBy = copy.isAdd ? "ADD" : "COPY"
        if copy.parents { createdBy += " --parents" }
        if let chown = copy.chown { createdBy += " --chown=" + chown }
        if let chmod = copy.chmod { createdBy += " --chmod=" + chmod }
        createdBy += (files.map { " " + $0 } + copy.heredocs.map { " <<" + $0.name }).joined() + " " + copy.destination
        let workdir = state.execution.workingDir ?? "/"
        let below = try state.image.map(store.layerDirectories) ?? []
        try commit(step, in: &state, trigger: trigger, createdBy: createdBy + " # buildkit",
                   source: read.joined(separator: " + "), contentKey: contentKey, vertex: vertex) {
            let folder = try scratchFolder("copy")
            do {
                try CopyOperation(instruction: copy, workdir: workdir)
                    .apply(from: source, onto: LayeredTree(layers: below), into: folder)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
            return StepOutput(changes: folder, source: .tree)
        }
    }

    /// `--from=`: a stage of this build (by name or index), else an image in the store.
    private func copySource(_ from: String) throws -> StoredImage {
        if let index = StageGraph.stage(named: from, in: graph.stages) {
            guard let built = results[index]?.image else {
                throw BuildFailure("cannot copy from stage \"\(from)\", it needs to be defined before the current stage")
            }
            return built
        }
        guard let image = try store.leasing(lease, { try store.resolve(from) }) else {
            throw BuildFailure("COPY --from=\(from): no stage of that name, and no such image in dockling's store"
                + " — `dockling load -i FILE` brings one (dockling builds offline)")
        }
        return image
    }

    /// The context, read on first use. A folder's content hashes are remembered between
    /// builds beside the cache records (so `builder prune` forgets them too); a context
    /// from standard input is new every time, so there is nothing to remember.
    func buildContext() throws -> BuildContext {
        if let context { return context }
        let vertex = begin("[internal] load build context")
        try FileManager.default.createDirectory(atPath: root.buildCache, withIntermediateDirectories: true)
        let statCache = input.scratch != nil ? nil
            : root.buildCache + "/context-" + Digest.of(Array(input.contextDirectory.utf8)).hex + ".stat"
        let made = try BuildContext(directory: input.contextDirectory, ignore: input.ignore, statCache: statCache)
        try checkInterrupted()
        finish(vertex)
        context = made
        return made
    }

    /// An empty folder under the store's tmp/ for a step's layer, named as RUN's scratch is
    /// (ending in our pid: `system prune` knows it for a leftover if we are killed).
    func scratchFolder(_ kind: String) throws -> String {
        let folder = BuildContainer.scratchPath(root: root, kind: kind)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
