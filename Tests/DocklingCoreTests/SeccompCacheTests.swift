@testable import DocklingCore
import FoundationEssentials
import XCTest

/// Compiled programs kept in the store: compiled once per filter, read back after, and
/// never trusted when they could not be a program.
final class SeccompCacheTests: XCTestCase {
    private var scratch: ScratchDirectory!
    private var cache: SeccompCache!
    private let filter = SeccompFilter(capabilities: .dockerDefault)

    override func setUpWithError() throws {
        scratch = try ScratchDirectory()
        cache = SeccompCache(root: StoreRoot(path: scratch.path + "/store"))
    }

    // XCTest keeps every test case object until the run ends: let go of the folder now.
    override func tearDown() { scratch = nil }

    private var keptPath: String { cache.directory + "/" + filter.fingerprint.hex + ".bpf" }

    private func kept() -> [UInt8]? { FileManager.default.contents(atPath: keptPath).map { [UInt8]($0) } }

    func testTheFirstStartCompilesAndKeepsTheProgram() throws {
        let compiled = try filter.compile()
        XCTAssertNil(kept())
        XCTAssertEqual(try cache.program(for: filter).bytes, compiled.bytes)
        XCTAssertEqual(kept(), compiled.bytes)
    }

    /// The next start reads the kept program instead of compiling: one planted in its
    /// place (another capability set's) is what comes back.
    func testTheNextStartReadsTheKeptProgram() throws {
        _ = try cache.program(for: filter)
        let planted = try SeccompFilter(capabilities: .all).compile().bytes
        XCTAssertNotEqual(planted, kept())
        try AtomicFile.write(planted, to: keptPath)
        XCTAssertEqual(try cache.program(for: filter).bytes, planted)
    }

    /// A kept file that is not whole instructions (cut short, empty, too long for the
    /// kernel) is compiled again, and the good program replaces it.
    func testAKeptFileThatCannotBeAProgramIsCompiledAgain() throws {
        let compiled = try filter.compile()
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        for bad in [Array(compiled.bytes.dropLast(3)), [],
                    [UInt8](repeating: 0, count: (SeccompProgram.maximumInstructions + 1) * SeccompProgram.instructionSize)] {
            try AtomicFile.write(bad, to: keptPath)
            XCTAssertEqual(try cache.program(for: filter).bytes, compiled.bytes)
            XCTAssertEqual(kept(), compiled.bytes)
        }
    }

    /// The fingerprint changes with the rules that apply, and only with them.
    func testTheFingerprintFollowsTheRulesThatApply() throws {
        let defaults = CapabilitySet.dockerDefault
        let netAdmin = try XCTUnwrap(Capability(named: "CAP_NET_ADMIN"))
        let sysTime = try XCTUnwrap(Capability(named: "CAP_SYS_TIME"))
        let plus = { (extra: Capability) in SeccompFilter(capabilities: CapabilitySet(defaults.members + [extra])) }
        XCTAssertEqual(plus(netAdmin).fingerprint, filter.fingerprint, "no rule names CAP_NET_ADMIN")
        XCTAssertNotEqual(plus(sysTime).fingerprint, filter.fingerprint, "CAP_SYS_TIME opens settimeofday…")
        XCTAssertNotEqual(SeccompFilter(capabilities: .all).fingerprint, filter.fingerprint)
    }

    /// A store the cache cannot write to costs a compile each time, not the start.
    func testAStoreThatCannotKeepTheProgramStillGetsOne() throws {
        let blocked = SeccompCache(root: StoreRoot(path: scratch.path + "/file"))
        try AtomicFile.write([1], to: scratch.path + "/file")
        XCTAssertEqual(try blocked.program(for: filter).bytes, try filter.compile().bytes)
    }
}
