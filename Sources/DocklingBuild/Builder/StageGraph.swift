/// Which stages a build needs, and in which order: BuildKit solves only the stages the
/// target depends on — its `FROM` stage and the stages it copies from, and theirs — so a
/// stage nothing needs is never built. (The classic builder built every stage up to the
/// target.)
struct StageGraph {
    /// What a stage starts from.
    enum Base: Equatable {
        /// `FROM scratch`: nothing.
        case scratch
        /// `FROM <an earlier stage>`: that stage's result, its ARGs too.
        case stage(Int)
        /// An image reference, already expanded: looked up in the local store.
        case image(String)
    }

    let stages: [Stage]
    let bases: [Base]
    /// For each stage, the stages it needs: its base stage, `COPY --from` and
    /// `RUN --mount=…,from=` stages.
    let needs: [[Int]]

    /// `expandBase` expands a `FROM` word with the global ARGs.
    init(_ dockerfile: Dockerfile, expandBase: (String) throws -> String) throws {
        stages = dockerfile.stages
        var bases: [Base] = []
        for stage in stages {
            let name = try expandBase(stage.base)
            guard !name.isEmpty else {
                throw BuildFailure.at(stage.line, "base name (\(stage.base)) should not be blank")
            }
            // Only a stage defined above can be a base; anything else is an image name.
            let earlier = stages[..<stage.index].last { $0.name == name.lowercased() }
            bases.append(name == "scratch" ? .scratch : earlier.map { .stage($0.index) } ?? .image(name))
        }
        self.bases = bases
        needs = stages.map { stage in
            let base: [Int] = if case .stage(let index) = bases[stage.index] { [index] } else { [] }
            return base + stage.steps.flatMap { Self.sources(of: $0.instruction) }.compactMap { reference in
                Self.stage(named: reference, in: dockerfile.stages)
            }
        }
    }

    /// A stage by `--from` value: its name (any case) or its index.
    static func stage(named reference: String, in stages: [Stage]) -> Int? {
        if let index = Int(reference) { return stages.indices.contains(index) ? index : nil }
        return stages.first { $0.name == reference.lowercased() }?.index
    }

    /// The `--from` values an instruction reads from (an ONBUILD trigger reads nothing
    /// here: it runs in the stage built on this one).
    static func sources(of instruction: Instruction) -> [String] {
        switch instruction {
        case .copy(let copy): return copy.from.map { [$0] } ?? []
        case .run(let run): return run.mounts.compactMap(RunMountSource.from)
        default: return []
        }
    }

    /// The stage `--target` names (the last one without it).
    func target(_ name: String?) throws -> Int {
        guard let name else { return stages.count - 1 }
        guard let index = stages.firstIndex(where: { $0.name == name.lowercased() }) else {
            throw BuildFailure("target stage \"\(name)\" could not be found")
        }
        return index
    }

    /// The stages `target` needs, each after the ones it needs, `target` last. A stage
    /// that needs itself, directly or not, is BuildKit's `circular dependency detected`.
    func order(for target: Int) throws -> [Int] {
        var done: [Int] = []
        var visiting: [Int] = []
        func visit(_ index: Int) throws {
            if done.contains(index) { return }
            if visiting.contains(index) {
                throw BuildFailure.at(stages[index].line, "circular dependency detected on stage: \(displayName(index))")
            }
            visiting.append(index)
            for need in needs[index] { try visit(need) }
            visiting.removeLast()
            done.append(index)
        }
        try visit(target)
        return done
    }

    /// The name BuildKit gives a stage in messages: its `AS` name, else `stage-N`.
    func displayName(_ index: Int) -> String {
        stages[index].name ?? "stage-\(index)"
    }
}

/// The `from=` of a `RUN --mount` value (`type=bind,from=build,source=/out,target=/in`).
enum RunMountSource {
    static func from(_ mount: String) -> String? {
        mount.split(separator: ",").first { $0.hasPrefix("from=") }.map { String($0.dropFirst(5)) }
    }
}
