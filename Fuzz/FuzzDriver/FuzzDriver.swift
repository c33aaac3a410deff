#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver, entered from an ordinary Swift `main`: SwiftPM renames an
/// executable's entry point (`<Target>_main`), so libFuzzer's own `main` never runs.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// Hands `test` to libFuzzer with this process's arguments (`-max_total_time=N CORPUS`).
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
