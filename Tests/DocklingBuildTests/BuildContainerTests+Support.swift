import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// A store of its own for each RUN test, as root, with busybox made in it. The library
/// starts `dockling-init` as a child process, from beside the test bundle (where
/// `swift test` builds it) — exactly where `ContainerLauncher.initExecutable()` looks.
final class BuildTestStore {
    let path: String
    let root: StoreRoot
    let busybox: StoredImage

    init() throws {
        guard getuid() == 0 else { throw XCTSkip("RUN steps make containers: run the tests as root") }
        guard FileManager.default.isExecutableFile(atPath: BusyboxRootfs.hostBinary) else {
            throw XCTSkip("busybox-static is not installed (make setup installs it)")
        }
        let initPath = ContainerLauncher.initExecutable()
        guard FileManager.default.isExecutableFile(atPath: initPath) else {
            throw XCTSkip("\(initPath) is not built: run the tests with `swift test`, which builds it")
        }
        path = "/tmp/dockling-tests/build-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        root = StoreRoot(path: path)
        busybox = try ImageStore(root: root).image("busybox")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Runs `script` in busybox's shell as a RUN step would, collecting its lines. A step
    /// that is still running after `deadline` seconds ends the test run: a hang becomes
    /// a failure.
    func run(_ script: String, configure: (inout BuildContainer.Spec) -> Void = { _ in }, deadline: Int = 60,
             onLine: (String) -> Void = { _ in }) throws -> (result: BuildContainerResult, lines: [String]) {
        var spec = BuildContainer.Spec(image: busybox, argv: ["/bin/sh", "-c", script])
        configure(&spec)
        var lines: [String] = []
        let watchdog = DispatchWorkItem {
            FileHandle.standardError.write(Data("RUN \(script) did not end within \(deadline) s\n".utf8))
            exit(1)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(deadline), execute: watchdog)
        defer { watchdog.cancel() }
        let result = try BuildContainer(root: root).run(spec) { line in
            lines.append(line)
            onLine(line)
        }
        return (result, lines)
    }

    /// What a RUN step could leave behind: containers, the build's scratch in tmp/, mounts
    /// of the store on the host, and the cgroups of the container whose hostname (its id's
    /// first 12 digits) is `shortID` (nil: unknown — other tests' cgroups may sit beside).
    func leftovers(shortID: String?) throws -> [String] {
        let containers = (try? FileManager.default.contentsOfDirectory(atPath: root.containers)) ?? []
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: root.tmp)) ?? []
        let mounts = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
            .split(separator: "\n").filter { $0.contains(path) }.map { "mount \($0)" }
        let layout = try CgroupLayout.detect()
        let parents = Set(Array(layout.v1Directories.values) + [layout.v2Directory].compactMap { $0 })
        let cgroups = shortID.map { shortID in parents.flatMap { parent in
            ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
                .filter { $0.hasPrefix("dockling-" + shortID) }.map { "cgroup \(parent)/\($0)" }
        } } ?? []
        return containers.filter { $0 != ".lock" }.map { "container \($0)" }
            + scratch.filter { $0.hasPrefix("build-") }.map { "tmp/\($0)" } + mounts + cgroups
    }

    /// Runs one of the built executables (`dockling`) on this store.
    func dockling(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Path.parent(of: ContainerLauncher.initExecutable()) + "/dockling")
        process.arguments = arguments
        process.environment = ["DOCKLING_ROOT": path, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            XCTFail("dockling \(arguments) did not finish within 60 s")
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
