import Foundation
import XCTest

/// `--userns=remap`: container root is host uid 100000, the image still looks owned by
/// root inside, what the container writes in a bind mount belongs to 100000 on the
/// host, and what it writes in its own layer is committed as root's — with the usual
/// walls, limits, exec, and nothing left behind.
final class UsernsSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }
    /// A host folder to bind-mount, open to everyone: container root is not host root.
    /// Removed with the test case, as the store is.
    private var sharedFolder: TemporaryRoot!
    private var shared: String { sharedFolder.path }

    override func setUpWithError() throws {
        store = try SystemStore("userns")
        sharedFolder = try TemporaryRoot("userns-shared")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared)
    }

    /// On a kernel before 6.15 `--userns=remap` is refused, saying what it needs; on a
    /// newer one it runs.
    func testAnOlderKernelRefusesRemapWithItsHint() throws {
        guard try cli.remapRuns() else { return }
        XCTAssertEqual(try cli.succeed(["run", "--rm", "--userns=remap", "busybox", "echo", "remapped"]), "remapped\n")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    private func owner(_ path: String) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.ownerAccountID] as? Int)
    }

    func testRootInsideIsHostUID100000AndOwnsTheImage() throws {
        guard try cli.remapRuns() else { return }
        let seen = try cli.succeed(["run", "--rm", "--userns=remap", "busybox", "sh", "-c",
                                 "id -u; awk '{print $1, $2, $3}' /proc/self/uid_map; stat -c %u /bin/busybox /etc/passwd; "
                                 + "touch /newfile && echo x > /etc/hostname && echo lesson:x:1000:1000::/:/bin/sh >> /etc/passwd "
                                 + "&& mkdir -p /usr/local/new && echo wrote"])
        XCTAssertEqual(seen, "0\n0 100000 65536\n0\n0\nwrote\n",
                       "root inside, mapped to 100000; the image's files are root's, and root may change them")
        XCTAssertEqual(try cli.succeed(["run", "--rm", "busybox", "awk", "{print $1, $2, $3}", "/proc/self/uid_map"]),
                       "0 0 4294967295\n", "without --userns there is no user namespace")
    }

    func testFilesInABindMountBelongToHostUID100000() throws {
        guard try cli.remapRuns() else { return }
        try cli.succeed(["run", "--rm", "--userns=remap", "-v", shared + ":/data", "busybox", "sh", "-c",
                      "echo hi > /data/remapped && mkdir /data/dir"])
        XCTAssertEqual(try owner(shared + "/remapped"), 100_000)
        XCTAssertEqual(try owner(shared + "/dir"), 100_000)
        try cli.succeed(["run", "--rm", "-v", shared + ":/data", "busybox", "touch", "/data/default"])
        XCTAssertEqual(try owner(shared + "/default"), 0, "without --userns, container root is host root")
    }

    /// `:ro` remounts the bind read-only and must repeat the flags of the mount it
    /// shows: in a user namespace the kernel refuses to clear them (EPERM), and without
    /// one leaving them out would quietly give the container a setuid-capable mount.
    func testAReadOnlyBindKeepsTheSourcesNosuidNodevNoexec() throws {
        guard try cli.remapRuns() else { return }
        let locked = shared + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        let mounted = try Tool.exec("/bin/mount", ["-t", "tmpfs", "-o", "nosuid,nodev,noexec,mode=755", "tmpfs", locked])
        XCTAssertEqual(mounted.status, 0, mounted.stderr)
        defer { _ = try? Tool.exec("/bin/umount", [locked]) }
        for userns in [[], ["--userns=remap"]] {
            let options = try cli.succeed(["run", "--rm"] + userns + ["-v", locked + ":/x:ro", "busybox", "sh", "-c",
                                       "grep ' /x ' /proc/mounts | cut -d' ' -f4"])
            let flags = Set(options.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ","))
            XCTAssertTrue(flags.isSuperset(of: ["ro", "nosuid", "nodev", "noexec"]), "\(userns): \(options)")
        }
    }

    func testCommitGivesALayerOwnedByRoot() throws {
        guard try cli.remapRuns() else { return }
        try cli.succeed(["run", "--name", "remapped", "--userns=remap", "busybox", "sh", "-c",
                      "echo hello > /greeting && echo lesson:x:1000: >> /etc/group && mkdir /made"])
        let upper = try XCTUnwrap(((try cli.inspect("remapped")["GraphDriver"] as? [String: Any])?["Data"]
                                   as? [String: String])?["UpperDir"])
        XCTAssertEqual(try owner(upper + "/greeting"), 0, "the upper directory holds on-disk owner 0")
        try cli.succeed(["commit", "remapped", "shifted:1"])
        let archive = root.path + "/shifted.tar"
        try cli.succeed(["save", "-o", archive, "shifted:1"])
        let unpacked = root.path + "/unpacked"
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        XCTAssertEqual(try Tool.exec("/bin/tar", ["-xf", archive, "-C", unpacked]).status, 0)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: unpacked + "/manifest.json")))
        let layer = try XCTUnwrap(((manifest as? [[String: Any]])?.first?["Layers"] as? [String])?.last)
        let listing = try Tool.exec("/bin/tar", ["--numeric-owner", "-tvf", unpacked + "/" + layer]).stdout
            .split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertEqual(Set(listing.compactMap { $0.count > 5 ? String($0[5]) : nil }),
                       ["etc/", "etc/group", "greeting", "made/"])
        XCTAssertEqual(Set(listing.map { String($0[1]) }), ["0/0"], "every entry of the new layer is root's")
        XCTAssertEqual(try cli.succeed(["run", "--rm", "shifted:1", "stat", "-c", "%u %n", "/greeting", "/made"]),
                       "0 /greeting\n0 /made\n")
    }

    func testExecJoinsTheUserNamespaceAndTheWallsStand() throws {
        guard try cli.remapRuns() else { return }
        try cli.succeed(["run", "-d", "--name", "walled", "--userns=remap", "--pids-limit", "8", "busybox", "sleep", "300"])
        XCTAssertEqual(try cli.succeed(["exec", "walled", "sh", "-c",
                                     "id -u; awk '{print $1, $2, $3}' /proc/self/uid_map; touch /from-exec && stat -c %u /from-exec"]),
                       "0\n0 100000 65536\n0\n")
        XCTAssertEqual(try cli.succeed(["exec", "walled", "awk", "/^(CapEff|Seccomp):/ {print $2}", "/proc/1/status"]),
                       "00000000a80425fb\n2\n", "docker's capabilities and seccomp, as without --userns")
        let refused = try cli.run(["exec", "walled", "sh", "-c",
                                   "mount -t tmpfs x /mnt || echo no mount; cat /proc/kcore || echo no kcore; "
                                   + "for i in 1 2 3 4 5 6 7 8 9; do sleep 1 & done; wait"])
        XCTAssertTrue(refused.stdout.contains("no mount\nno kcore\n"), refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("can't fork"), "the pids limit applies: \(refused.stderr)")
        try cli.succeed(["rm", "-f", "walled"])
    }

    func testACreatedContainerKeepsItsUserNamespace() throws {
        guard try cli.remapRuns() else { return }
        try cli.succeed(["create", "--name", "later", "--userns=remap", "busybox", "awk", "{print $2}", "/proc/self/uid_map"])
        XCTAssertEqual((try cli.inspect("later")["HostConfig"] as? [String: Any])?["UsernsMode"] as? String, "remap")
        XCTAssertEqual(try cli.succeed(["start", "-a", "later"]), "100000\n")
        XCTAssertEqual(try cli.succeed(["start", "-a", "later"]), "100000\n", "and again: the union mounts again")
        let bad = try cli.run(["run", "--rm", "--userns=elsewhere", "busybox", "true"])
        XCTAssertEqual(bad.status, 125)
        XCTAssertTrue(bad.stderr.contains("--userns"), bad.stderr)
    }

    /// The new mount API calls that build the union appear in `strace -ff` as traced.
    func testTheUnionIsTracedTruly() throws {
        guard try cli.remapRuns() else { return }
        try Tool.requireProgram("strace", package: "strace")
        let calls: Set<String> = ["open_tree", "mount_setattr", "fsopen", "fsconfig", "fsmount", "move_mount",
                                  "setfsuid", "setfsgid"]
        try cli.succeed(["images"])
        let run = try StracedRun("dockling", ["run", "--rm", "--userns=remap", "busybox", "true"], calls: calls, root: root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        XCTAssertEqual(Set(run.events.map(\.call)), calls)
        run.checkEveryEventIsInStrace()
    }

    /// The idmapped layers and the union are never attached on the host; the
    /// container's mounts and cgroups go with it. (Only this test's containers count:
    /// other dockling runs on the machine may have cgroups of their own.)
    func testNothingIsLeftBehind() throws {
        guard try cli.remapRuns() else { return }
        try cli.succeed(["images"])
        let before = try leftovers(of: [])
        var ids: [String] = []
        func create(_ arguments: [String]) throws -> String {
            let id = try cli.succeed(["create", "--userns=remap"] + arguments).trimmingCharacters(in: .whitespacesAndNewlines)
            ids.append(id)
            return id
        }
        try cli.succeed(["start", "-a", try create(["--rm", "-v", shared + ":/data", "busybox", "touch", "/data/f"])])
        let running = try create(["--memory", "64m", "busybox", "sleep", "300"])
        try cli.succeed(["start", running])
        XCTAssertFalse(try Tool.mountTable().contains { $0.contains("idmapped") }, "no idmapped mount on the host")
        XCTAssertTrue(try leftovers(of: ids).contains { $0.hasPrefix("cgroup ") }, "the running container's cgroups are seen")
        try cli.succeed(["rm", "-f", running])
        let ended = try create(["busybox", "true"])
        try cli.succeed(["start", "-a", ended])
        try cli.succeed(["rm", ended])
        // The --rm container's monitor lets go of its cgroups and mounts after it has
        // reported the exit code, at SCHED_IDLE: wait for that before comparing.
        _ = HostProcesses.waitFor { (try? self.leftovers(of: ids)) == before }
        XCTAssertEqual(try leftovers(of: ids), before)
    }

    /// Mounts and monitors of this store, idmapped mounts, and the cgroups of `ids`.
    private func leftovers(of ids: [String]) throws -> [String] {
        try HostLeftovers.snapshot(root: root.path).filter { item in
            !item.hasPrefix("cgroup ") || ids.contains { item.hasSuffix("dockling-" + $0) }
        } + Tool.mountTable().filter { $0.contains("idmapped") }
    }
}
