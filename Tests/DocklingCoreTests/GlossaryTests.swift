@testable import DocklingCore
import XCTest

/// The tour explains a linked word right under the paragraph that links it.
final class GlossaryTests: XCTestCase {
    private let glossary = Glossary(markdown: """
        # Glossary

        ## fork and exec

        How Unix starts a program: see [pidfd](#pidfd) too.

        ## SCM_RIGHTS

        Passing a descriptor over a unix socket.
        """)

    func testALinkedWordIsMarkedAndItsEntryFollowsOnceInPlainText() {
        let (text, notes) = glossary.annotate(
            "Between [fork and exec](glossary.md#fork-and-exec), with [SCM_RIGHTS](glossary.md#scm_rights) "
            + "and again [fork and exec](glossary.md#fork-and-exec); a [spec](https://example.org) stays a word.")
        XCTAssertEqual(text, "Between fork and exec°, with SCM_RIGHTS° and again fork and exec°; a spec stays a word.")
        XCTAssertEqual(notes, ["° fork and exec: How Unix starts a program: see pidfd too.",
                               "° SCM_RIGHTS: Passing a descriptor over a unix socket."])
    }

    func testAnAnchorIsSpeltAsGitHubSpellsIt() {
        XCTAssertEqual(Glossary.anchor("session and controlling terminal"), "session-and-controlling-terminal")
        XCTAssertEqual(Glossary.anchor("SCM_RIGHTS"), "scm_rights")
        XCTAssertEqual(Glossary.anchor("OOM killer"), "oom-killer")
    }

    /// Every link in the real lessons leads to an entry of the real glossary.
    func testEveryGlossaryLinkInTheLessonsHasItsEntry() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let library = LessonLibrary(directory: folder.path)
        let glossary = library.glossary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.first?.isNumber == true {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let links = text.components(separatedBy: "](glossary.md#").count - 1
            XCTAssertEqual(glossary.annotate(text).text.components(separatedBy: "°").count - 1, links,
                           "\(name): a link names no entry of glossary.md")
        }
    }
}
