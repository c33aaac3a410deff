#if canImport(Glibc)
import Glibc
#endif

/// What a cgroup driver asks of the kernel: the cgroup filesystem's directories and
/// files, and signals. `HostCgroupKernel` is the real thing; tests pass a fake cgroup
/// tree in a temporary directory that behaves the way the kernel's cgroupfs does.
public protocol CgroupKernel {
    func makeDirectory(_ path: String, note: String) throws(KernelError)
    func removeDirectory(_ path: String, note: String) throws(KernelError)
    /// One open, write and close: each cgroup file takes its value in a single write.
    func write(_ path: String, _ value: String, note: String) throws(KernelError)
    func read(_ path: String) throws(KernelError) -> String
    func exists(_ path: String, note: String) -> Bool
    func kill(_ pid: pid_t, _ signal: Int32, note: String) throws(KernelError)
    /// Gives the kernel a moment to finish something it does asynchronously.
    func pause(note: String) throws(KernelError)
}

/// The machine's own cgroup filesystem, every call traced through `Kernel`.
public struct HostCgroupKernel: CgroupKernel {
    public init() {}

    public func makeDirectory(_ path: String, note: String) throws(KernelError) {
        try Kernel.mkdir(path, note: note)
    }

    public func removeDirectory(_ path: String, note: String) throws(KernelError) {
        try Kernel.rmdir(path, note: note)
    }

    public func write(_ path: String, _ value: String, note: String) throws(KernelError) {
        try Kernel.writeFile(path, value, note: note)
    }

    public func read(_ path: String) throws(KernelError) -> String {
        try Kernel.readFile(path)
    }

    public func exists(_ path: String, note: String) -> Bool {
        (try? Kernel.access(path, .exists, note: note)) != nil
    }

    public func kill(_ pid: pid_t, _ signal: Int32, note: String) throws(KernelError) {
        try Kernel.kill(pid, signal, note: note)
    }

    public func pause(note: String) throws(KernelError) {
        try Kernel.nanosleep(milliseconds: 10, note: note)
    }
}
