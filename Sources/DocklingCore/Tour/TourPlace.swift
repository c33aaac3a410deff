import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a tour runs: a folder of its own under /tmp holding the steps' working folder
/// and a store of its own, so that nothing a lesson does — `system prune`, `rm -f`, a
/// mount it leaves when the learner quits — can touch the learner's own store. The
/// folder says which tour owns it (pid and start time), so that the next tour can
/// clean up after one that was killed.
public struct TourPlace {
    static let prefix = "/tmp/dockling-tour-"
    static let ownerFile = "tour.owner"

    public let path: String
    public var store: String { path + "/store" }
    public var work: String { path + "/work" }

    /// Makes a new place for this process's tour.
    public init() throws {
        var template = Array((Self.prefix + "XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            throw UsageError(step: "tour", "cannot create a scratch folder in /tmp")
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The store's files are read by containers' unprivileged users (--userns=remap).
        chmod(path, 0o755)
        let me = getpid()
        try AtomicFile.write(Array("\(me) \(ContainerLiveness.startTime(of: me) ?? 0)\n".utf8),
                             to: path + "/" + Self.ownerFile, durable: false)
        for folder in [store, work] { mkdir(folder, 0o755) }
    }

    private init(existing path: String) { self.path = path }

    /// The working folder of one lesson, new and empty: a lesson finds only the files it
    /// made itself (a build context must not hold an earlier lesson's leftovers).
    public func folder(for lesson: Lesson) throws -> String {
        let folder = work + "/lesson-\(lesson.number)"
        guard mkdir(folder, 0o755) == 0 else {
            throw UsageError(step: "tour", "cannot create the lesson's folder \(folder)")
        }
        return folder
    }

    /// Writes a lesson's file into its working folder, making the folders it is in.
    public static func write(_ file: LessonFile, into work: String) throws {
        var folder = work
        for part in file.path.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(folder, 0o755)
        }
        try AtomicFile.write(Array(file.content.utf8), to: work + "/" + file.path, durable: false)
    }

    /// Takes down everything the tour made — its containers (and with them their
    /// monitors, cgroups and mounts), volumes, whatever is still mounted in its folder —
    /// then the folder. `dockling` is the program that knows how to remove a container.
    public func remove(dockling: String) {
        let script = #"ids=$("$0" ps -a -q); [ -z "$ids" ] || "$0" rm -f $ids; "$0" system prune -f --volumes"#
        var environment = ProcessEnvironment.current
        for key in Tracer.Environment.all { environment[key] = nil }
        environment[StoreRoot.environmentVariable] = store
        if let child = try? Kernel.spawn(SpawnRequest(path: "/bin/sh", argv: ["sh", "-c", script, dockling],
                                                      environment: ProcessEnvironment.entries(environment),
                                                      descriptors: [-1, -1, -1]),
                                         note: "remove the tour's containers and volumes") {
            try? child.awaitExec(note: "the shell runs")
            _ = try? Kernel.wait(child.pid, note: "the tour's containers are gone")
        }
        unmountEverything()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Mounts the steps left in the folder (a union made by hand, when the learner quit
    /// before the lesson took it down): deepest first, detached.
    private func unmountEverything() {
        guard let table = try? MountTable.current() else { return }
        let inside = table.entries.map(\.mountPoint).filter { $0.hasPrefix(path + "/") }
        for point in inside.reversed() {
            try? Kernel.umount2(point, detach: true, note: "a mount the tour left in its folder")
        }
    }

    /// The places of earlier tours whose owner is gone (killed, or crashed): removed,
    /// as their owner would have removed them.
    public static func removeAbandoned(dockling: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for name in names where ("/tmp/" + name).hasPrefix(prefix) {
            let place = TourPlace(existing: "/tmp/" + name)
            // A folder without an owner file is not a tour's of this kind: leave it.
            guard let owner = try? Kernel.readFile(place.path + "/" + ownerFile) else { continue }
            let fields = owner.split(separator: " ").compactMap { UInt64($0.filter(\.isNumber)) }
            guard fields.count == 2 else { continue }
            let pid = pid_t(truncatingIfNeeded: fields[0])
            if ContainerLiveness.startTime(of: pid) != fields[1] { place.remove(dockling: dockling) }
        }
    }
}
