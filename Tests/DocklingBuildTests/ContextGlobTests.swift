@testable import DocklingBuild
import XCTest

/// COPY wildcards are Go's `filepath.Match`: these are the cases of Go's own match_test.go.
final class ContextGlobTests: XCTestCase {
    /// nil: Go answers ErrBadPattern.
    private let cases: [(pattern: String, name: String, match: Bool?)] = [
        ("abc", "abc", true), ("*", "abc", true), ("*c", "abc", true), ("a*", "a", true), ("a*", "abc", true),
        ("a*", "ab/c", false), ("a*/b", "abc/b", true), ("a*/b", "a/c/b", false),
        ("a*b*c*d*e*/f", "axbxcxdxe/f", true), ("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
        ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false), ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
        ("a*b?c*x", "abxbbxdbxebxczzx", true), ("a*b?c*x", "abxbbxdbxebxczzy", false),
        ("ab[c]", "abc", true), ("ab[b-d]", "abc", true), ("ab[e-g]", "abc", false), ("ab[^c]", "abc", false),
        ("ab[^b-d]", "abc", false), ("ab[^e-g]", "abc", true), ("a\\*b", "a*b", true), ("a\\*b", "ab", false),
        ("a?b", "a☺b", true), ("a[^a]b", "a☺b", true), ("a???b", "a☺b", false), ("a[^a][^a][^a]b", "a☺b", false),
        ("[a-ζ]*", "α", true), ("*[a-ζ]", "A", false), ("a?b", "a/b", false), ("a*b", "a/b", false),
        ("[\\]a]", "]", true), ("[\\-]", "-", true), ("[x\\-]", "x", true), ("[x\\-]", "-", true),
        ("[x\\-]", "z", false), ("[\\-x]", "x", true), ("[\\-x]", "-", true), ("[\\-x]", "a", false),
        ("[]a]", "]", nil), ("[-]", "-", nil), ("[x-]", "x", nil), ("[x-]", "-", nil), ("[x-]", "z", nil),
        ("[-x]", "x", nil), ("[-x]", "-", nil), ("[-x]", "a", nil), ("\\", "a", nil), ("[a-b-c]", "a", nil),
        ("[", "a", nil), ("[^", "a", nil), ("[^bc", "a", nil), ("a[", "a", nil), ("a[", "ab", nil),
        ("a[", "x", nil), ("a/b[", "x", nil), ("*x", "xxx", true),
    ]

    func testGoFilepathMatchCases() {
        for (pattern, name, expected) in cases {
            let compiled = GlobPattern(go: pattern)
            if let expected {
                XCTAssertEqual(compiled?.matches(name), expected, "Match(\(pattern), \(name))")
            } else {
                XCTAssertNil(compiled, "\(pattern) is a bad pattern")
            }
        }
    }

    func testGoPathClean() {
        let cases = ["": ".", "abc": "abc", "a//c": "a/c", "a/./c": "a/c", "a/b/../c": "a/c", "../../x": "../../x",
                     "/../x": "/x", "/": "/", "a/..": ".", "abc/": "abc", "./": ".", "/abc/def/../../..": "/"]
        for (path, clean) in cases { XCTAssertEqual(GoPath.clean(path), clean, path) }
    }
}
