import Foundation
import XCTest

/// docker's walls, tried from inside a container: capabilities, masked and read-only
/// kernel files, the standard devices, seccomp — and `--privileged`, which takes them down.
final class SecuritySystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("security")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    /// `dockling run --rm [flags] busybox sh -c script`, which must succeed.
    private func inside(_ flags: [String] = [], _ script: String, line: UInt = #line) throws -> String {
        let result = try cli.run(["run", "--rm"] + flags + ["busybox", "sh", "-c", script])
        XCTAssertEqual(result.status, 0, result.stderr, line: line)
        return result.stdout + result.stderr
    }

    private func statusField(_ name: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    func testPID1HoldsExactlyDockersDefaultCapabilities() throws {
        let status = try inside([], "cat /proc/1/status")
        XCTAssertEqual(statusField("CapEff", in: status), "00000000a80425fb")
        XCTAssertEqual(statusField("CapPrm", in: status), "00000000a80425fb")
        XCTAssertEqual(statusField("CapBnd", in: status), "00000000a80425fb", "the bounding set is dropped too")
        XCTAssertEqual(statusField("CapInh", in: status), "0000000000000000")
        XCTAssertEqual(statusField("CapAmb", in: status), "0000000000000000")
        XCTAssertEqual(statusField("Seccomp", in: status), "2", "a seccomp filter is loaded")
    }

    func testMountProcSysAndKcoreAreRefused() throws {
        let output = try inside([], """
            mount -t tmpfs scratch /mnt; echo mount=$?
            echo evil > /proc/sys/kernel/hostname; echo sysctl=$?
            if [ -e /proc/kcore ]; then echo kcore=$(wc -c < /proc/kcore); else echo kcore=absent; fi
            wc -c < /proc/keys; ls /sys/firmware | wc -l
            """)
        XCTAssertTrue(output.contains("mount=1"), output)
        XCTAssertTrue(output.contains("sysctl=1"), output)
        XCTAssertTrue(output.contains("Read-only file system"), output)
        // Masked as docker masks it: /dev/null over it, so it reads nothing (a kernel
        // built without /proc/kcore has nothing to mask).
        XCTAssertTrue(output.contains("kcore=0\n") || output.contains("kcore=absent"), output)
        XCTAssertTrue(output.hasPrefix("0\n0\n") || output.contains("\n0\n0\n"),
                      "/proc/keys reads as /dev/null and /sys/firmware is empty: \(output)")
    }

    func testDevHoldsOnlyTheStandardNodes() throws {
        let listing = try inside([], "ls /dev")
        XCTAssertEqual(listing.split(separator: "\n"),
                       ["fd", "full", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin", "stdout", "tty",
                        "urandom", "zero"])
    }

    /// unshare -U needs no capability at all: only seccomp stands in its way, so it
    /// shows the filter working on its own.
    func testSeccompRefusesUnshareUnlessUnconfined() throws {
        let confined = try inside([], "unshare -U true; echo unshare=$?")
        XCTAssertTrue(confined.contains("unshare=1") && confined.contains("Operation not permitted"), confined)
        let unconfined = try inside(["--security-opt", "seccomp=unconfined"], "unshare -U true; echo unshare=$?")
        XCTAssertTrue(unconfined.contains("unshare=0"), unconfined)
        XCTAssertEqual(statusField("Seccomp", in: try inside(["--security-opt", "seccomp=unconfined"],
                                                             "cat /proc/self/status")), "0")
    }

    /// The first container compiles the filter and the store keeps it; the next one (and
    /// an exec, confined alike) runs under the kept program, which still refuses.
    func testTheKeptProgramConfinesTheNextContainer() throws {
        let kept = root.path + "/cache/seccomp"
        XCTAssertNil(try? FileManager.default.contentsOfDirectory(atPath: kept))
        XCTAssertEqual(statusField("Seccomp", in: try inside([], "cat /proc/self/status")), "2")
        let programs = try FileManager.default.contentsOfDirectory(atPath: kept)
        XCTAssertEqual(programs.count, 1, "\(programs)")
        XCTAssertTrue(programs.allSatisfy { $0.hasSuffix(".bpf") }, "\(programs)")
        let confined = try inside([], "unshare -U true; echo unshare=$?")
        XCTAssertTrue(confined.contains("unshare=1") && confined.contains("Operation not permitted"), confined)
        XCTAssertEqual(try cli.run(["run", "-d", "--name", "kept", "busybox", "sleep", "30"]).status, 0)
        let exec = try cli.run(["exec", "kept", "sh", "-c", "unshare -U true; echo unshare=$?"])
        XCTAssertTrue(exec.stdout.contains("unshare=1"), exec.stdout + exec.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kept), programs)
        XCTAssertEqual(try cli.run(["rm", "-f", "kept"]).status, 0)
    }

    /// busybox has no keyctl: a ten-line static C program makes the call.
    func testSeccompRefusesKeyctl() throws {
        try Tool.requireProgram("gcc", package: "gcc (and libc6-dev for -static)")
        let probe = root.path + "/probe"
        try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        try """
        #include <errno.h>
        #include <stdio.h>
        #include <string.h>
        #include <sys/syscall.h>
        #include <unistd.h>
        int main(void) {
            long r = syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -4 /* user keyring */, 0);
            printf("keyctl: %s\\n", r < 0 ? strerror(errno) : "ok");
            return 0;
        }
        """.write(toFile: probe + "/keyctl.c", atomically: true, encoding: .utf8)
        let compiled = try Tool.exec("/usr/bin/gcc", ["-static", "-o", probe + "/keyctl", probe + "/keyctl.c"])
        guard compiled.status == 0 else { throw XCTSkip("gcc -static failed: \(compiled.stderr)") }
        let volume = ["-v", "\(probe):/probe:ro"]
        XCTAssertEqual(try inside(volume, "/probe/keyctl"), "keyctl: Operation not permitted\n")
        let unconfined = try inside(volume + ["--security-opt", "seccomp=unconfined"], "/probe/keyctl")
        XCTAssertFalse(unconfined.contains("Operation not permitted"), unconfined)
    }

    func testPrivilegedCrossesEveryWall() throws {
        let own = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let status = try inside(["--privileged"], "cat /proc/1/status")
        XCTAssertEqual(statusField("CapEff", in: status), statusField("CapEff", in: own), "every capability dockling has")
        XCTAssertEqual(statusField("Seccomp", in: status), "0")
        let output = try inside(["--privileged"], "mount -t tmpfs scratch /mnt && echo mounted; unshare -U true && echo unshared; ls /dev | wc -l")
        XCTAssertTrue(output.contains("mounted\n") && output.contains("unshared\n"), output)
        let devices = Int(output.split(separator: "\n").last ?? "") ?? 0
        XCTAssertGreaterThan(devices, 13, "the host's devices are there too")
    }

    func testCapAddAndCapDropChangeTheSet() throws {
        let status = try inside(["--cap-add", "SYS_ADMIN", "--cap-drop", "cap_net_raw"], "cat /proc/1/status; mount -t tmpfs t /mnt && echo mounted")
        XCTAssertEqual(statusField("CapEff", in: status), "00000000a82405fb")
        XCTAssertTrue(status.contains("mounted"), "SYS_ADMIN opens mount in seccomp too: \(status)")
        XCTAssertEqual(statusField("CapEff", in: try inside(["--cap-drop", "ALL"], "cat /proc/1/status")), "0000000000000000")
    }

    func testNoNewPrivilegesAndOtherUsersKeepNothing() throws {
        let status = try inside(["--security-opt", "no-new-privileges", "-u", "1000"], "cat /proc/self/status")
        XCTAssertEqual(statusField("NoNewPrivs", in: status), "1")
        XCTAssertEqual(statusField("CapEff", in: status), "0000000000000000")
        XCTAssertEqual(statusField("CapBnd", in: status), "00000000a80425fb")
        XCTAssertEqual(statusField("Seccomp", in: status), "2")
    }

    func testExecdProcessesAreConfinedLikePID1() throws {
        XCTAssertEqual(try cli.run(["run", "-d", "--name", "walled", "busybox", "sleep", "60"]).status, 0)
        let status = try cli.run(["exec", "walled", "cat", "/proc/self/status"]).stdout
        XCTAssertEqual(statusField("CapEff", in: status), "00000000a80425fb")
        XCTAssertEqual(statusField("Seccomp", in: status), "2")
        let unshare = try cli.run(["exec", "walled", "unshare", "-U", "true"])
        XCTAssertNotEqual(unshare.status, 0)
        XCTAssertTrue(unshare.stderr.contains("Operation not permitted"), unshare.stderr)
        try cli.run(["rm", "-f", "walled"])
    }

    func testFlagsAreCheckedBeforeAnythingIsCreatedAndShownByInspect() throws {
        let bad = try cli.run(["run", "--cap-add", "FLY", "busybox", "true"])
        XCTAssertEqual(bad.status, 125)
        XCTAssertTrue(bad.stderr.contains("invalid --cap-add: unknown capability: \"CAP_FLY\""), bad.stderr)
        XCTAssertEqual(try cli.run(["run", "--security-opt", "seccomp=x.json", "busybox", "true"]).status, 125)
        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "")

        XCTAssertEqual(try cli.run(["create", "--name", "flagged", "--cap-add", "NET_ADMIN", "--cap-drop", "MKNOD",
                                    "--security-opt", "no-new-privileges", "busybox", "true"]).status, 0)
        let host = try XCTUnwrap(try cli.inspect("flagged")["HostConfig"] as? [String: Any])
        XCTAssertEqual(host["CapAdd"] as? [String], ["NET_ADMIN"])
        XCTAssertEqual(host["CapDrop"] as? [String], ["MKNOD"])
        XCTAssertEqual(host["SecurityOpt"] as? [String], ["no-new-privileges"])
        XCTAssertEqual(host["Privileged"] as? Bool, false)
    }
}
