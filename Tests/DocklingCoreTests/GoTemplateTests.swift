@testable import DocklingCore
import XCTest

/// The Go-template forms `docker inspect -f` users write, and Go's words for templates
/// that do not parse or do not fit.
final class GoTemplateTests: XCTestCase {
    private let object: TemplateValue = .object([
        "Id": .string("abc123"),
        "State": .object(["Status": .string("running"), "Running": .bool(true), "Pid": .int(42)]),
        "Config": .object([
            "Cmd": .array([.string("sleep"), .string("60")]),
            "Labels": .object(["k": .string("v"), "a<b": .string("x&y")]),
            "Env": .array([.string("A=1"), .string("B=2")]),
        ]),
        "HostConfig": .object(["Memory": .int(67_108_864), "NanoCpus": .int(500_000_000), "PidsLimit": .null]),
        "Mounts": .array([.object(["Source": .string("/a")]), .object(["Source": .string("/b")])]),
    ])

    private func render(_ template: String) throws -> String {
        try GoTemplate(template).render(object)
    }

    private func failure(_ template: String) -> TemplateError? {
        do {
            _ = try render(template)
            return nil
        } catch let error as TemplateError {
            return error
        } catch {
            return nil
        }
    }

    func testFieldsChainsAndTheFormsPeopleUse() throws {
        XCTAssertEqual(try render("{{.State.Status}}"), "running")
        XCTAssertEqual(try render("{{.Id}}"), "abc123")
        XCTAssertEqual(try render("{{.HostConfig.Memory}}"), "67108864")
        XCTAssertEqual(try render("{{ .HostConfig.NanoCpus }} {{.HostConfig.PidsLimit}}"), "500000000 <nil>")
        XCTAssertEqual(try render("{{range .Mounts}}{{.Source}};{{end}}"), "/a;/b;")
        XCTAssertEqual(try render("{{index .Config.Labels \"k\"}}|{{index .Config.Labels \"missing\"}}"), "v|")
        XCTAssertEqual(try render("{{index .Config.Cmd 1}}"), "60")
        XCTAssertEqual(try render("{{json .Config.Cmd}}"), "[\"sleep\",\"60\"]")
        XCTAssertEqual(try render("{{json .Config.Labels}}"), "{\"a\\u003cb\":\"x\\u0026y\",\"k\":\"v\"}")
        XCTAssertEqual(try render("{{.Config.Cmd}} {{.Config.Labels}}"), "[sleep 60] map[a<b:x&y k:v]")
        XCTAssertEqual(try render("{{lower \"ABC\"}} {{upper .State.Status}} {{join .Config.Cmd \",\"}}"), "abc RUNNING sleep,60")
        XCTAssertEqual(try render("{{.State.Status | upper}} {{len .Mounts}}"), "RUNNING 2")
        XCTAssertEqual(try render("{{(index .Mounts 1).Source}}"), "/b")
        XCTAssertEqual(try render("{{$.Id}}{{with .State}} {{.Pid}}{{end}}"), "abc123 42")
    }

    func testControlStructuresAndVariables() throws {
        XCTAssertEqual(try render("{{if .State.Running}}up{{else}}down{{end}}"), "up")
        XCTAssertEqual(try render("{{if eq .State.Status \"exited\"}}gone{{else if .State.Running}}running{{end}}"), "running")
        XCTAssertEqual(try render("{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{end}}"), "0:A=1 1:B=2 ")
        XCTAssertEqual(try render("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}},{{end}}"), "a<b=x&y,k=v,")
        XCTAssertEqual(try render("{{range .HostConfig.PidsLimit}}x{{else}}none{{end}}"), "none")
        XCTAssertEqual(try render("a  {{- .Id -}}  b\n"), "aabc123b\n")
        XCTAssertEqual(try render("{{/* a comment */}}{{not .State.Running}}"), "false")
    }

    func testTemplatesThatDoNotParseAreRefusedWithGosWords() {
        let cases = [
            "{{.Foo": "template: :1: unclosed action",
            "{{.Foo | nosuch}}": "template: :1: function \"nosuch\" not defined",
            "{{range .Mounts}}": "template: :1: unexpected EOF",
            "{{end}}": "template: :1: unexpected {{end}}",
            "{{index .A}": "template: :1: bad character U+007D '}'",
            "line\n{{$x}}": "template: :2: undefined variable \"$x\"",
            "{{\"open}}": "template: :1: unterminated quoted string",
            "{{}}": "template: :1: missing value for command",
        ]
        for (template, message) in cases {
            let error = failure(template)
            XCTAssertEqual(error?.kind, .parse, template)
            XCTAssertEqual(error?.description, message, template)
        }
    }

    func testTemplatesThatDoNotFitTheObjectNameTheNode() {
        XCTAssertEqual(failure("{{.State.Foo}}"),
                       TemplateError(kind: .execution,
                                     description: "template: :1:8: executing \"\" at <.State.Foo>: map has no entry for key \"Foo\""))
        XCTAssertEqual(failure("{{.Nothing}}")?.description,
                       "template: :1:2: executing \"\" at <.Nothing>: map has no entry for key \"Nothing\"")
        XCTAssertEqual(failure("{{.Id.Foo}}")?.description,
                       "template: :1:5: executing \"\" at <.Id.Foo>: can't evaluate field Foo in type string")
        XCTAssertEqual(failure("{{index .Config.Cmd 5}}")?.description,
                       "template: :1:2: executing \"\" at <index>: error calling index: index out of range: 5")
        XCTAssertEqual(failure("{{join .Id}}")?.kind, .execution)
    }

    func testValuesDecodeFromJSONAsGoDecodesThem() throws {
        struct Sample: Encodable {
            let Memory: Int64
            let Ratio: Double
            let Name: String?
        }
        let value = try TemplateValue(encoding: Sample(Memory: 67_108_864, Ratio: 0.5, Name: nil))
        XCTAssertEqual(try GoTemplate("{{.Memory}} {{.Ratio}}").render(value), "67108864 0.5")
    }
}
