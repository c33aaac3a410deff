import DocklingCore
import FoundationEssentials

extension Builder {
    /// One instruction of a stage (or an ONBUILD trigger run after its `FROM`).
    func perform(_ step: Step, in state: inout StageState, trigger: Bool) throws {
        try checkInterrupted()
        do {
            if case .arg(let declarations) = step.instruction {
                // ARG defaults are expanded one by one: `ARG A=1 B=$A` sees A.
                var words: [String] = []
                for declaration in declarations {
                    let snapshot = state
                    let value = try state.args.resolve(declaration) { try self.expander.expand($0, snapshot.lookup) }
                    state.args.declare(declaration.name, value)
                    words.append(declaration.name + (value.map { "=" + $0 } ?? ""))
                }
                return try commit(step, in: &state, trigger: trigger, createdBy: "ARG " + words.joined(separator: " "))
            }
            let snapshot = state
            switch try step.instruction.expanded(expander, snapshot.lookup) {
            case .run(let run): try self.run(run, step, in: &state, trigger: trigger)
            case .copy(let copy): try self.copy(copy, step, in: &state, trigger: trigger)
            case .workdir(let path): try workdir(path, step, in: &state, trigger: trigger)
            case let instruction:
                let createdBy = try applyMetadata(instruction, to: &state)
                try commit(step, in: &state, trigger: trigger, createdBy: createdBy,
                           instruction: createdBy ?? "ONBUILD " + step.original)
            }
        } catch let error as DockerfileError {
            throw BuildFailure(error.message, vertex: current?.name, lines: step.line...step.endLine)
        } catch var failure as BuildFailure {
            failure.lines = failure.lines ?? step.line...step.endLine
            failure.vertex = failure.vertex ?? current?.name
            throw failure
        } catch let interrupted as BuildInterrupted {
            throw interrupted
        } catch let failure as ContextError {
            // A COPY source that is not there, a user --chown cannot find, a copy that
            // failed…: docker's words for each.
            let message = failure.label + ": " + failure.what + (failure.hint.map { " — " + $0 } ?? "")
            throw BuildFailure(message, vertex: current?.name, lines: step.line...step.endLine)
        } catch let failure as DocklingFailure {
            let message = failure.what + (failure.hint.map { " — " + $0 } ?? "")
            throw BuildFailure(message, vertex: current?.name, lines: step.line...step.endLine)
        }
    }

    /// What a step leaves: its layer folder (nil for a config-only step) and how to read it.
    struct StepOutput {
        var changes: String?
        var source: LayerSource = .overlayUpper
        var command: [String]?
        /// The RUN container's short id.
        var container: String?
    }

    /// The cache decides: the image the same key made before, or `make` runs and its
    /// result becomes a new image (and a new cache record). `createdBy` is the history
    /// entry (nil: none, as for ONBUILD), `instruction` the key's text when it differs.
    /// The step's progress line, if it has one, ends here: `CACHED`, or `DONE` after the work.
    func commit(_ step: Step, in state: inout StageState, trigger: Bool, createdBy: String?,
                instruction: String? = nil, settings: [String] = [], source: String? = nil,
                contentKey: ContentKey? = nil, vertex: BuildVertex? = nil,
                make: () throws -> StepOutput = { StepOutput() }) throws {
        let key = CacheKey(parent: state.parentID, instruction: instruction ?? createdBy ?? step.original,
                           settings: settings, source: source)
        let identity = [input.identity, state.label ?? "",
                        (trigger ? "ONBUILD " : "") + step.original].joined(separator: "\n")
        let before = state.image?.config ?? Self.emptyConfig
        let layersBefore = state.image?.manifest.layers.count ?? 0
        if !request.noCache, let image = try store.leasing(lease, { cache.lookUp(key.digest.hex).flatMap(cache.image) }) {
            if let vertex { finish(vertex, cached: true) }
            state.image = image
            state.config = image.config
            report(step, state: state, key: key, missReason: nil, output: StepOutput(), before: before,
                   layersBefore: layersBefore, changes: [])
            return
        }
        let reason = missReason(key, identity: identity, contentKey: contentKey, state: state, checksHistory: createdBy != nil)
        if let vertex { observer.cacheMiss((trigger ? "ONBUILD " : "") + step.original + " — " + reason, in: vertex) }
        let parent = state.image, config = state.config
        var changes: [UnionChange] = []
        // Ctrl-C is held back for the whole build (see `build`): a RUN's container answers
        // it itself, any other step's scratch folder becomes its layer first.
        let output = try make()
        if observer.wantsChanges, let upper = output.changes {
            do {
                changes = try UnionDiff.changes(upper: upper, layers: parent.map(store.layerDirectories) ?? [])
            } catch {
                try? FileManager.default.removeItem(atPath: upper)
                throw error
            }
        }
        let image = try makeImage(on: parent, output, config: config, createdBy: createdBy)
        try cache.store(BuildCacheRecord(image: image, step: identity, contentKey: contentKey, parentImageID: key.parent),
                        for: key.digest.hex)
        state.image = image
        state.config = image.config
        state.rebuilt = vertex != nil ? "step \(state.vertexIndex)" : "\(step.original) on line \(step.line)"
        rebuiltStages.insert(state.index)
        if let vertex { finish(vertex) }
        report(step, state: state, key: key, missReason: reason, output: output, before: before,
               layersBefore: layersBefore, changes: changes)
    }

    /// The step's image: the parent plus the step's layer (if any), its config stamped
    /// now and one history entry longer — BuildKit's, `empty_layer` for a config-only step.
    private func makeImage(on parent: StoredImage?, _ output: StepOutput, config: ImageConfiguration,
                           createdBy: String?) throws -> StoredImage {
        var config = config
        let now = Timestamp.now()
        config.created = now
        if let createdBy {
            var entry = HistoryEntry(created: now, createdBy: createdBy, comment: "buildkit.dockerfile.v0")
            entry.emptyLayer = output.changes == nil ? true : nil
            config.history = (config.history ?? []) + [entry]
        }
        return try store.makeImage(parent: parent, changes: output.changes, as: output.source, config: config, lease: lease)
    }

    /// Why the cache had nothing for `key`, in one line, by comparing with the last time
    /// this step (same Dockerfile, stage and instruction text) was built.
    private func missReason(_ key: CacheKey, identity: String, contentKey: ContentKey?, state: StageState,
                            checksHistory: Bool) -> String {
        if request.noCache { return "--no-cache" }
        guard let last = cache.lastRecord(step: identity) else { return "first build of this step" }
        if last.parentImageID != key.parent {
            if let rebuilt = state.rebuilt { return "parent changed (\(rebuilt) was rebuilt)" }
            return "parent changed (the base image is now \(Self.short(key.parent)), was \(Self.short(last.parentImageID)))"
        }
        if let contentKey, let old = last.contentKey {
            let differences = contentKey.differences(from: old)
            if !differences.isEmpty { return differences.joined(separator: ", ") }
        }
        if checksHistory, let before = cache.image(of: last)?.config.history?.last?.createdBy, before != key.instruction {
            return "instruction changed (was \(before))"
        }
        if key.source != nil { return "what it copies changed" }  // a here-document's text
        return "settings changed (now \(key.settings.joined(separator: ", ")))"
    }

    private static func short(_ id: String) -> String {
        id.hasPrefix("sha256:") ? String(id.dropFirst(7).prefix(12)) : id
    }

    /// Tells the observer what the step made: a layer when the image has one more than
    /// its parent, the config fields that changed.
    private func report(_ step: Step, state: StageState, key: CacheKey, missReason: String?, output: StepOutput,
                        before: ImageConfiguration, layersBefore: Int, changes: [UnionChange]) {
        let image = state.image!
        let layer = image.manifest.layers.count > layersBefore ? image.manifest.layers.last : nil
        observer.stepFinished(StepReport(
            line: step.line, instruction: step.original, key: key, missReason: missReason,
            command: output.command, container: output.container, changes: changes, layer: layer,
            configChanges: ConfigChange.lines(from: before, to: state.config), image: image))
    }
}
