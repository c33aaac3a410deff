import DocklingCore

/// What a step changed in the image's config, one line per field, for `dockling-build`:
///
///     Env: + GREETING=hello
///     Cmd: ["sh"] → ["/hello"]
enum ConfigChange {
    static func lines(from old: ImageConfiguration, to new: ImageConfiguration) -> [String] {
        let before = old.config ?? ExecutionConfig(), after = new.config ?? ExecutionConfig()
        var lines: [String] = []
        func field(_ name: String, _ a: String?, _ b: String?) {
            if a != b { lines.append("\(name): \(a ?? "(none)") → \(b ?? "(none)")") }
        }
        func list(_ name: String, _ a: [String]?, _ b: [String]?) {
            let added = (b ?? []).filter { !(a ?? []).contains($0) }, removed = (a ?? []).filter { !(b ?? []).contains($0) }
            if !added.isEmpty || !removed.isEmpty {
                lines.append("\(name):" + removed.map { " - " + $0 }.joined() + added.map { " + " + $0 }.joined())
            }
        }
        list("Env", before.env, after.env)
        field("Entrypoint", before.entrypoint.map(GoQuote.list), after.entrypoint.map(GoQuote.list))
        field("Cmd", before.cmd.map(GoQuote.list), after.cmd.map(GoQuote.list))
        field("WorkingDir", before.workingDir, after.workingDir)
        field("User", before.user, after.user)
        list("ExposedPorts", before.exposedPorts.map { $0.keys.sorted() }, after.exposedPorts.map { $0.keys.sorted() })
        list("Volumes", before.volumes.map { $0.keys.sorted() }, after.volumes.map { $0.keys.sorted() })
        list("Labels", before.labels.map(pairs), after.labels.map(pairs))
        field("StopSignal", before.stopSignal, after.stopSignal)
        field("Shell", before.shell.map(GoQuote.list), after.shell.map(GoQuote.list))
        field("Healthcheck", before.healthcheck.map(Builder.goStruct), after.healthcheck.map(Builder.goStruct))
        list("OnBuild", before.onBuild, after.onBuild)
        field("Author", old.author, new.author)
        return lines
    }

    private static func pairs(_ labels: [String: String]) -> [String] {
        labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }
    }
}
