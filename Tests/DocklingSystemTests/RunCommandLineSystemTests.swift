import Foundation
import XCTest

/// `dockling run`'s command line read as docker reads it: a `--trace` after the image is
/// the container's, `-1` is a limit (none), and `--entrypoint` drops the image's Cmd.
final class RunCommandLineSystemTests: XCTestCase {
    private var store: SystemStore!
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("cmdline")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testATraceAfterTheImageIsTheContainersOwn() throws {
        let plain = try cli.run(["run", "--rm", "busybox", "echo", "--trace"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stdout, "--trace\n", "echo got --trace as typed")
        XCTAssertEqual(plain.stderr, "", "dockling did not trace")
        let traced = try cli.run(["run", "--rm", "--name", "traced", "--trace", "busybox", "echo", "--trace"])
        XCTAssertEqual(traced.stdout, "--trace\n")
        XCTAssertTrue(traced.stderr.contains("pivot_root("), "dockling's own --trace still traces: \(traced.stderr)")
        XCTAssertEqual(try cli.run(["create", "--name", "made", "busybox", "echo", "--trace"]).status, 0)
        XCTAssertEqual(try cli.run(["start", "-a", "made"]).stdout, "--trace\n")
    }

    func testExecAndTheListingsOfARunningContainer() throws {
        let started = try cli.run(["run", "-d", "--name", "sleeper", "busybox", "sleep", "30"])
        XCTAssertEqual(started.status, 0, started.stderr)
        XCTAssertEqual(try cli.run(["exec", "sleeper", "echo", "--trace"]).stdout, "--trace\n")
        // Every command takes --trace, even those that make no traced kernel call.
        for command in [["ps"], ["info"], ["top", "sleeper"], ["logs", "sleeper"]] {
            let listed = try cli.run(command + ["--trace"])
            XCTAssertEqual(listed.status, 0, "\(command): \(listed.stderr)")
        }
        XCTAssertTrue(try cli.run(["ps", "--trace"]).stdout.contains(" sleeper\n"))
    }

    func testMinusOneMeansNoLimitAsInDocker() throws {
        for (flag, value) in [("--pids-limit", "-1"), ("--memory", "64m")] {
            guard try cli.kernelEnforces(flag, refusing: ["run", "--rm", flag, value, "busybox", "true"], in: self) else { return }
        }
        let quick = try cli.run(["run", "--rm", "--pids-limit", "-1", "busybox", "true"])
        XCTAssertEqual(quick.status, 0, quick.stderr)
        // --memory-swap -1 asks for unlimited swap, which only a kernel that accounts swap can do.
        let swap = try cli.kernelEnforces("--memory-swap", refusing: ["run", "--rm", "--memory", "64m", "--memory-swap", "-1",
                                                                      "busybox", "true"], in: self)
        let started = try cli.run(["run", "-d", "--name", "unlimited", "--pids-limit", "-1", "--memory", "64m"]
                                  + (swap ? ["--memory-swap", "-1"] : []) + ["busybox", "sleep", "30"])
        XCTAssertEqual(started.status, 0, started.stderr)
        let hostConfig = try XCTUnwrap(try cli.inspect("unlimited")["HostConfig"] as? [String: Any])
        XCTAssertEqual(hostConfig["Memory"] as? Int, 67_108_864)
        XCTAssertEqual(hostConfig["MemorySwap"] as? Int, swap ? -1 : 134_217_728)
        XCTAssertTrue(hostConfig["PidsLimit"] is NSNull, "-1 is no limit: docker shows null")
        // What the kernel enforces, read from the host.
        let id = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var limits: [String: String] = [:]
        for dir in try cli.cgroupDirectories(of: id) {
            for file in ["pids.max", "memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.max", "memory.swap.max"] {
                if let value = try? String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8) {
                    limits[file] = value.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
        }
        XCTAssertEqual(limits["pids.max"], "max", "\(limits)")
        XCTAssertEqual(limits["memory.limit_in_bytes"] ?? limits["memory.max"], "67108864", "\(limits)")
        // v1 shows an unlimited counter as its largest page-aligned value.
        guard swap else { return }
        XCTAssertEqual(limits["memory.memsw.limit_in_bytes"] ?? limits["memory.swap.max"],
                       limits["memory.memsw.limit_in_bytes"] == nil ? "max" : "9223372036854771712", "\(limits)")
    }

    func testEntrypointWithoutACommandRunsItAloneAndShowsNoCmd() throws {
        let bare = try cli.run(["run", "--name", "bare", "--entrypoint", "echo", "busybox"])
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertEqual(bare.stdout, "\n", "echo ran with no arguments, not with the image's Cmd (sh)")
        let inspected = try cli.inspect("bare")
        let config = try XCTUnwrap(inspected["Config"] as? [String: Any])
        XCTAssertEqual(config["Entrypoint"] as? [String], ["echo"])
        XCTAssertNil(config["Cmd"] as? [String], "docker shows Cmd null: the image's Cmd was dropped")
        XCTAssertEqual(inspected["Path"] as? String, "echo")
        XCTAssertEqual(inspected["Args"] as? [String], [])
        XCTAssertEqual(try cli.run(["run", "--name", "given", "--entrypoint", "echo", "busybox", "hi"]).stdout, "hi\n")
        XCTAssertEqual((try cli.inspect("given")["Config"] as? [String: Any])?["Cmd"] as? [String], ["hi"])
    }
}
