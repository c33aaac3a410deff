import DocklingCore

extension Builder {
    /// Builds one stage: its `FROM`, the base image's ONBUILD triggers, then its steps.
    func buildStage(_ index: Int) throws -> StageState {
        let stage = graph.stages[index]
        try checkPlatform(stage)
        let label = graph.stages.count > 1 ? graph.displayName(index) : nil
        var image: StoredImage?
        var config = Self.emptyConfig
        var args = ArgScope(given: givenArgs, global: globalArgs)
        var total = StageState.vertexCount(stage.steps, fromImage: false)
        switch graph.bases[index] {
        case .scratch: break
        case .stage(let base):
            let parent = results[base]!
            (image, config) = (parent.image, parent.config)
            args = ArgScope(given: givenArgs, global: globalArgs, inheriting: parent.args)
        case .image(let name):
            image = try baseImage(name, line: stage.line)
            config = image!.config
            total += 1
        }
        let triggers = config.config?.onBuild ?? []
        var state = StageState(index: index, label: label, image: image, config: config, args: args,
                               vertexTotal: total + triggers.count)
        if case .stage(let base) = graph.bases[index], rebuiltStages.contains(base) {
            state.rebuilt = "stage \(graph.displayName(base))"
        }
        if case .image = graph.bases[index], let image {
            finish(begin(state.vertexName("FROM " + (image.names.first?.description ?? image.id.description))))
        }
        // BuildKit: "make sure that PATH is always set"; triggers run once, then are gone.
        if !(state.execution.env ?? []).contains(where: { $0.hasPrefix("PATH=") }) {
            state.execution.env = (state.execution.env ?? []) + [ImageStore.defaultPath]
        }
        state.execution.onBuild = nil
        for trigger in triggers {
            try perform(try Self.parseTrigger(trigger, stage: stage, file: input.dockerfileName), in: &state, trigger: true)
        }
        for step in stage.steps {
            try perform(step, in: &state, trigger: false)
        }
        if state.image == nil || state.image!.config != state.config {
            // Only what FROM changed (PATH, the triggers cleared): the same bytes every
            // time, so the same image id — no cache needed.
            state.image = try store.makeImage(parent: state.image, changes: nil, config: state.config, lease: lease)
            state.config = state.image!.config
        }
        return state
    }

    /// What `FROM scratch` starts from (BuildKit `emptyImage`): no layers, the working
    /// directory `/` and the default PATH.
    static var emptyConfig: ImageConfiguration {
        ImageConfiguration(created: nil, config: ExecutionConfig(env: [ImageStore.defaultPath], workingDir: "/"),
                           rootfs: RootFS(diffIDs: []), history: [])
    }

    /// The base image, from the local store only: dockling has no registry client yet.
    /// Looked up once a build, however many stages start from it.
    private func baseImage(_ name: String, line: Int) throws -> StoredImage {
        if let known = bases[name] { return known }
        let shown = (try? ImageReference(parsing: name))?.description ?? name
        let metadata = begin("[internal] load metadata for \(shown)")
        // Leased at once: a `rmi` of the base image meanwhile leaves this build its blobs.
        guard let image = try store.leasing(lease, { try store.resolve(name) }) else {
            throw BuildFailure.at(line, "failed to resolve source metadata for \(shown): no such image in dockling's store"
                + " — dockling builds offline: `dockling load -i FILE` brings an image saved by docker, podman or"
                + " dockling (`dockling pull` comes with the registry concept, issue 20)")
        }
        finish(metadata)
        bases[name] = image
        return image
    }

    /// dockling builds for the machine it runs on: `--platform` may only name that.
    private func checkPlatform(_ stage: Stage) throws {
        guard let written = stage.platform else { return }
        let globals = globalArgs
        let platform = try expander.expand(written) { globals[$0] }
        guard platform == ArgScope.platform["TARGETPLATFORM"] else {
            throw BuildFailure.at(stage.line, "dockling builds for \(ArgScope.platform["TARGETPLATFORM"]!) only,"
                + " not --platform=\(platform)")
        }
    }

    /// An ONBUILD trigger as the base image stores it (`RUN make`), parsed as a step of
    /// the stage's `FROM` line — where BuildKit reports its errors.
    private static func parseTrigger(_ text: String, stage: Stage, file: String) throws -> Step {
        let parsed: Dockerfile
        do {
            parsed = try Dockerfile.parse("FROM scratch\n" + text + "\n", file: file)
        } catch {
            throw BuildFailure.at(stage.line, "failed to parse ONBUILD trigger \"\(text)\": \(error.message)")
        }
        guard let step = parsed.stages.first?.steps.first, parsed.stages.first?.steps.count == 1 else {
            throw BuildFailure.at(stage.line, "onbuild trigger should be a single expression")
        }
        return Step(instruction: step.instruction, line: stage.line, endLine: stage.line, original: step.original)
    }
}
