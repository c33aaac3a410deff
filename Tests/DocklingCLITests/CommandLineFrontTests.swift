import ArgumentParser
@testable import dockling
@testable import DocklingCLI
import XCTest

/// The answers given before ArgumentParser reads the line: docker's unknown-command
/// message, the not-built-yet table, and one help text for `help CMD` and `CMD --help`.
final class CommandLineFrontTests: XCTestCase {
    func testUnknownWordsAreDockersUnknownCommand() {
        XCTAssertEqual(CommandLineFront.answer(["foo", "bar"]),
                       .refuse("dockling: unknown command: dockling foo\n\nRun 'dockling --help' for more information"))
        XCTAssertEqual(CommandLineFront.answer(["image", "nope"]),
                       .refuse("dockling: unknown command: dockling image nope\n\nUsage:  dockling image\n\n"
                               + "Run 'dockling image --help' for more information"))
    }

    func testDockerCommandsNotBuiltYetSaySo() {
        guard case .refuse(let pull) = CommandLineFront.answer(["pull", "ubuntu"]) else { return XCTFail("pull is refused") }
        XCTAssertTrue(pull.hasPrefix("dockling: 'pull' is not built yet: it is issue 20's concept"), pull)
        guard case .refuse(let network) = CommandLineFront.answer(["network", "ls"]) else {
            return XCTFail("network is refused")
        }
        XCTAssertTrue(network.hasPrefix("dockling: 'network' is not built yet: it is issue 19's concept (bridges"), network)
        // No command in the table is one dockling has.
        let names = Set(Dockling.configuration.subcommands.compactMap { $0.configuration.commandName })
        XCTAssertTrue(names.isDisjoint(with: NotBuiltYet.commands.keys), "\(names.intersection(NotBuiltYet.commands.keys))")
    }

    func testOrdinaryLinesAndConceptToolsProceed() {
        for line in [["run", "--rm", "busybox", "sh", "--help"], ["ps", "-a"], ["container", "rm", "-f", "x"],
                     ["volume", "ls"], ["namespaces", "--", "true"], ["--version"], []] {
            XCTAssertEqual(CommandLineFront.answer(line), .proceed, "\(line)")
        }
    }

    func testHelpCommandAndHelpFlagGiveTheSameText() {
        XCTAssertEqual(CommandLineFront.answer(["help", "container", "ls"]), .help(["container", "ls"]))
        XCTAssertEqual(CommandLineFront.answer(["container", "ls", "-a", "--help"]), .help(["container", "ls"]))
        XCTAssertEqual(CommandLineFront.answer(["run", "--help"]), .help(["run"]))
        XCTAssertEqual(CommandLineFront.answer(["help"]), .help([]))
        XCTAssertEqual(CommandLineFront.answer(["help", "pull"]), .refuse("unknown help topic: pull"))
        XCTAssertTrue(CommandLineFront.helpText(["ps"]).contains("USAGE: dockling ps "))
        XCTAssertTrue(CommandLineFront.helpText(["image", "prune"]).contains("USAGE: dockling image prune "))
    }

    /// `container X` and `image X` are the short commands themselves, not copies.
    func testGroupedFormsAreTheSameCommands() throws {
        let container = ContainerCommand.configuration.subcommands.map { ObjectIdentifier($0) }
        for command: ParsableCommand.Type in [Attach.self, CommitCommand.self, Create.self, Diff.self, Exec.self, Inspect.self,
                                              Kill.self, Logs.self, Rm.self, Run.self, Start.self, Stop.self, Top.self] {
            XCTAssertTrue(container.contains(ObjectIdentifier(command)), "container \(command.configuration.commandName ?? "")")
        }
        let image = ImageCommand.configuration.subcommands.map { ObjectIdentifier($0) }
        for command: ParsableCommand.Type in [History.self, Import.self, Inspect.self, Load.self, Save.self, Tag.self] {
            XCTAssertTrue(image.contains(ObjectIdentifier(command)), "image \(command.configuration.commandName ?? "")")
        }
        let remove = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["image", "rm", "-f", "a", "b"]) as? ImageCommand.Remove)
        XCTAssertEqual(remove.options.images, ["a", "b"])
        XCTAssertTrue(remove.options.force)
        let rm = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["container", "rm", "-f", "x"]) as? Rm)
        XCTAssertEqual(rm.containers, ["x"])
    }

    func testNewCommandsParseDockersFlags() throws {
        let inspect = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["inspect", "-f", "{{.Id}}", "web"]) as? Inspect)
        XCTAssertEqual(inspect.format, "{{.Id}}")
        let prune = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["image", "prune", "-a", "-f"]) as? ImagePrune)
        XCTAssertTrue(prune.all && prune.force)
        XCTAssertNotNil(try TraceOption.parse(Dockling.self, ["container", "prune", "--force"]) as? ContainerPrune)
        let create = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["volume", "create", "--label", "a=b", "data"]) as? VolumeCreate)
        XCTAssertEqual(create.label, ["a=b"])
        XCTAssertEqual(create.name, "data")
        XCTAssertNotNil(try TraceOption.parse(Dockling.self, ["volume", "list", "-q"]) as? VolumeList)
        let volumePrune = try XCTUnwrap(try TraceOption.parse(Dockling.self, ["volume", "prune", "-a", "-f"]) as? VolumePrune)
        XCTAssertTrue(volumePrune.all)
    }
}
