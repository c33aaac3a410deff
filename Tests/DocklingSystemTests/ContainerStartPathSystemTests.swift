import DocklingCore
import Foundation
import XCTest

/// What `dockling run` does to start fast, checked from inside the container: the
/// container joins its cgroup itself and makes its cgroup namespace afterwards, exec'd
/// processes join the same way, and only --rm containers get a volatile overlay.
final class ContainerStartPathSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("start")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    /// Every hierarchy the container can name starts at its own cgroup, and that cgroup
    /// is the one the limits were written into.
    func testContainerJoinsItsCgroupBeforeItsCgroupNamespace() throws {
        let paths = try cli.run(["run", "--rm", "busybox", "sh", "-c", "cut -d: -f3 /proc/self/cgroup | sort -u"])
        XCTAssertEqual(paths.status, 0, paths.stderr)
        XCTAssertEqual(paths.stdout, "/\n")
        let arguments = ["run", "-d", "--name", "limited", "--pids-limit", "33", "busybox", "sleep", "30"]
        guard try cli.kernelEnforces("--pids-limit", refusing: arguments, in: self) else { return }
        let limited = try cli.run(arguments)
        XCTAssertEqual(limited.status, 0, limited.stderr)
        let pid = try XCTUnwrap(try cli.state("limited")["Pid"] as? Int)
        // The pids hierarchy of cgroup v1, else the unified one, wherever it is mounted.
        let lines = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).split(separator: "\n")
        let v1 = lines.first { $0.contains(":pids:") }
        let line = try XCTUnwrap(v1 ?? lines.first { $0.hasPrefix("0::") })
        // `0::/dockling-…` on cgroup v2: the empty controller field must stay a field.
        let cgroup = String(line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)[2])
        let hierarchy = v1 == nil ? try XCTUnwrap(KernelFeatures.cgroup2Mount) : "/sys/fs/cgroup/pids"
        let id = limited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(cgroup.hasSuffix("/dockling-" + id), cgroup)
        let max = try String(contentsOfFile: hierarchy + cgroup + "/pids.max", encoding: .utf8)
        XCTAssertEqual(max, "33\n")
        let exec = try cli.run(["exec", "limited", "sh", "-c", "cut -d: -f3 /proc/self/cgroup | sort -u"])
        XCTAssertEqual(exec.stdout, "/\n", "an exec'd process joins the container's cgroup: \(exec.stderr)")
    }

    /// With --init, PID 1 stays behind as a reaper and never execs: a detached run is
    /// started once the reaper's child has exec'd the command, not when the command ends.
    func testADetachedInitContainerIsStartedOnceItsCommandRuns() throws {
        let started = Date()
        let run = try cli.run(["run", "-d", "--init", "--name", "reaped", "busybox", "sleep", "30"], timeout: 25)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "run -d waited for the command to end")
        XCTAssertEqual(try cli.state("reaped")["Running"] as? Bool, true)
    }

    /// With --rm the monitor hands out the exit code first and only then cleans up, at
    /// SCHED_IDLE: the next container a lesson starts need not wait for a CPU.
    func testARemovedContainersCleanupYieldsTheCPUAfterTheExitCode() throws {
        let run = try cli.run(["run", "--rm", "--trace=json", "busybox", "true"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let events = run.stderr.split(separator: "\n").compactMap { try? JSONDecoder().decode(TraceEvent.self, from: Data($0.utf8)) }
        func index(_ call: String, _ matches: (String) -> Bool) -> Int? {
            events.firstIndex { $0.call == call && matches($0.args.joined(separator: " ")) }
        }
        let gone = try XCTUnwrap(index("rename") { $0.contains("/.gone-") }, "the container is renamed aside")
        let idle = try XCTUnwrap(index("sched_setscheduler") { $0.contains("SCHED_IDLE") }, "the monitor yields")
        let cgroupGone = try XCTUnwrap(index("rmdir") { $0.contains("/dockling-") }, "the cgroup is removed")
        XCTAssertLessThan(gone, idle)
        XCTAssertLessThan(idle, cgroupGone)
        XCTAssertEqual(events[gone].pid, events[idle].pid, "the monitor itself yields")
    }

    /// The monitor makes the network namespace ahead and goes back to the host's: the
    /// container has one of its own, with lo first, up; the monitor stays in the host's;
    /// --network host shares the host's; a user namespace gets one it owns (its root,
    /// given CAP_NET_ADMIN, can change it).
    func testTheNetworkNamespaceMadeAheadIsTheContainersAlone() throws {
        let host = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net")
        let script = "readlink /proc/self/ns/net; ls /sys/class/net; cat /sys/class/net/lo/flags"
        let own = try cli.run(["run", "--rm", "busybox", "sh", "-c", script])
        XCTAssertEqual(own.status, 0, own.stderr)
        let lines = own.stdout.split(separator: "\n").map(String.init)
        XCTAssertNotEqual(lines.first, host, "the container must not be in the host's network namespace")
        XCTAssertEqual(Array(lines.dropFirst().prefix(1)), ["lo"], own.stdout)
        let flags = try XCTUnwrap(lines.last.flatMap { Int($0.dropFirst(2), radix: 16) })
        XCTAssertEqual(flags & 1, 1, "lo is up (IFF_UP)")
        let shared = try cli.run(["run", "--rm", "--network", "host", "busybox", "readlink", "/proc/self/ns/net"])
        XCTAssertEqual(shared.stdout, host + "\n", shared.stderr)
        if try cli.remapRuns() {
            let remapped = try cli.run(["run", "--rm", "--userns=remap", "--cap-add", "NET_ADMIN", "busybox", "sh", "-c", "ip link set lo down && echo mine"])
            XCTAssertEqual(remapped.stdout, "mine\n", "root in the user namespace owns its network: \(remapped.stderr)")
        }
        let running = try cli.run(["run", "-d", "--name", "net", "busybox", "sleep", "30"])
        XCTAssertEqual(running.status, 0, running.stderr)
        // The container's PID 1 is the monitor's child.
        let monitor = try cli.monitor(of: "net")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(monitor)/ns/net"), host,
                       "the monitor made the namespace and came back to the host's")
    }

    func testOnlyRemovedContainersGetAVolatileOverlay() throws {
        let script = "grep ' / overlay ' /proc/mounts | grep -c volatile"
        let removed = try cli.run(["run", "--rm", "busybox", "sh", "-c", script])
        XCTAssertEqual(removed.stdout, "1\n", removed.stderr)
        let kept = try cli.run(["run", "--name", "kept", "busybox", "sh", "-c", script])
        XCTAssertEqual(kept.stdout, "0\n", "a container that may start again must sync its upper directory")
        let again = try cli.run(["start", "-a", "kept"])
        XCTAssertEqual(again.stdout, "0\n", "it starts again: \(again.stderr)")
    }

    /// docker run --rm removes a container that could not start; without --rm it stays
    /// Created. (dockling-init that cannot be exec'd is the simplest failure to start.)
    func testARemovedContainerThatCannotStartGoesToo() throws {
        var environment = root.environment
        environment["DOCKLING_INIT"] = "/nonexistent/dockling-init"
        let removed = try Tool.run("dockling", ["run", "--rm", "--name", "never", "busybox", "true"], environment: environment)
        XCTAssertEqual(removed.status, 125)
        XCTAssertTrue(removed.stderr.contains("/nonexistent/dockling-init"), removed.stderr)
        XCTAssertEqual(try cli.status("never"), "absent")
        let kept = try Tool.run("dockling", ["run", "--name", "kept", "busybox", "true"], environment: environment)
        XCTAssertEqual(kept.status, 125)
        XCTAssertTrue(kept.stderr.hasPrefix("dockling: launch: execve(\"/nonexistent/dockling-init\"): ENOENT"), kept.stderr)
        XCTAssertTrue(kept.stderr.contains("is /nonexistent/dockling-init built and executable?"), kept.stderr)
        XCTAssertEqual(try cli.status("kept"), "Created")
    }
}
