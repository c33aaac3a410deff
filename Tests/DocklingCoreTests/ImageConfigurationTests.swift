import XCTest
@testable import DocklingCore

final class ImageConfigurationTests: XCTestCase {
    /// A config as podman writes it, with fields dockling does not model.
    private let podmanConfig = """
    {"created":"2026-11-22T08:32:22.505950942Z","architecture":"amd64","os":"linux","config":{"Cmd":["sh"],\
    "Env":["PATH=/bin"],"ExposedPorts":{"80/tcp":{}},"Labels":{"a":"b"},"Healthcheck":{"Test":["NONE"]}},\
    "container_config":{"Hostname":"x"},"rootfs":{"type":"layers","diff_ids":\
    ["sha256:b0de57aeef8f5d1cc3fcbf70fee3d1880343cae75d6dab5a77e21360f0b7ef27"]},"history":[{"created":\
    "2026-11-22T08:32:22.505950942Z","created_by":"/bin/sh -c #(nop) ADD file in /","comment":"imported",\
    "empty_layer":false}]}
    """

    func testDecodesConfigsOfOtherTools() throws {
        let config = try JSONCoding.decode(ImageConfiguration.self, from: Array(podmanConfig.utf8), what: "test")
        XCTAssertEqual(config.config?.cmd, ["sh"])
        XCTAssertEqual(config.config?.env, ["PATH=/bin"])
        XCTAssertEqual(config.config?.exposedPorts?.keys.sorted(), ["80/tcp"])
        XCTAssertEqual(config.config?.labels, ["a": "b"])
        XCTAssertEqual(config.rootfs.diffIDs.map(\.hex), ["b0de57aeef8f5d1cc3fcbf70fee3d1880343cae75d6dab5a77e21360f0b7ef27"])
        XCTAssertEqual(config.history?.first?.createdBy, "/bin/sh -c #(nop) ADD file in /")
        XCTAssertEqual(config.history?.first?.emptyLayer, false)
        XCTAssertEqual(config.created, "2026-11-22T08:32:22.505950942Z")
    }

    func testEncodingIsStableAndUsesTheSpecsKeys() throws {
        let config = ImageConfiguration(
            created: "2024-01-01T00:00:00Z",
            config: ExecutionConfig(env: ["A=1"], entrypoint: ["/bin/sh"], cmd: ["-c", "true"], workingDir: "/w"),
            rootfs: RootFS(diffIDs: [Digest.of([1])]),
            history: [HistoryEntry(created: "2024-01-01T00:00:00Z", createdBy: "me")])
        let first = try JSONCoding.encode(config)
        XCTAssertEqual(first, try JSONCoding.encode(config))
        let text = String(decoding: first, as: UTF8.self)
        for key in ["\"Cmd\"", "\"Entrypoint\"", "\"Env\"", "\"WorkingDir\"", "\"diff_ids\"", "\"created_by\"",
                    "\"rootfs\"", "\"architecture\""] {
            XCTAssertTrue(text.contains(key), key)
        }
        XCTAssertFalse(text.contains("null"), "absent fields are left out, not written as null")
        XCTAssertFalse(text.contains("\\/"), "slashes are not escaped")
    }

    func testSettingsSplitCommandsLikeAShell() throws {
        XCTAssertEqual(try ImageSettings.words("httpd -f  -p 8080"), ["httpd", "-f", "-p", "8080"])
        XCTAssertEqual(try ImageSettings.words(#"sh -c 'echo "hi there"' x\ y"#), ["sh", "-c", #"echo "hi there""#, "x y"])
        XCTAssertEqual(try ImageSettings.words(#"["sh", "-c", "echo a  b"]"#), ["sh", "-c", "echo a  b"])
        XCTAssertEqual(try ImageSettings.words("a ''"), ["a", ""])
        XCTAssertThrowsError(try ImageSettings.words("sh -c 'oops"))
    }

    func testSettingsValidateEnvAndWorkdir() throws {
        let settings = try ImageSettings(cmd: "sh", entrypoint: nil, env: ["A=1", "B="], workingDir: "/srv")
        XCTAssertEqual(settings.executionConfig.env, ["A=1", "B="])
        XCTAssertEqual(settings.executionConfig.cmd, ["sh"])
        XCTAssertThrowsError(try ImageSettings(cmd: nil, entrypoint: nil, env: ["A"], workingDir: nil))
        XCTAssertThrowsError(try ImageSettings(cmd: nil, entrypoint: nil, env: ["=1"], workingDir: nil))
        XCTAssertThrowsError(try ImageSettings(cmd: nil, entrypoint: nil, env: [], workingDir: "srv"))
    }

    /// U+0301 after the first slash joins it into one Swift Character; the path is still absolute.
    func testAWorkdirWhoseFirstNameStartsWithACombiningMarkIsAbsolute() throws {
        XCTAssertEqual(try ImageSettings(cmd: nil, entrypoint: nil, env: [], workingDir: "/\u{301}srv").workingDir, "/\u{301}srv")
    }
}
