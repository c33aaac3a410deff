import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// docker's prompt before a prune: the warning, `Are you sure you want to continue?
/// [y/N]`, and a line read from standard input; only y or Y goes ahead.
enum Confirmation {
    static func ask(_ warning: String) -> Bool {
        Output.write("\(warning)\nAre you sure you want to continue? [y/N] ", to: 1)
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1, byte != UInt8(ascii: "\n") { answer.append(byte) }
        return answer.first == UInt8(ascii: "y") || answer.first == UInt8(ascii: "Y")
    }
}
