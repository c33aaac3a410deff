#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// Runs `body` holding the store's lock (an flock on `<root>/images.lock`), so that
    /// only one dockling at a time changes index.json or removes content. The kernel
    /// releases the lock when the process ends, however it ends. Nested calls share it.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        if lockDepth == 0 {
            try prepareLayout()
            do throws(KernelError) {
                let fd = try Kernel.open(root.imagesLock, [.readWrite, .create, .closeOnExec],
                                         mode: 0o600, note: "open the image store's lock file")
                do {
                    try Kernel.flockExclusive(fd, note: "one dockling at a time may change the list of images")
                } catch {
                    Glibc.close(fd)
                    throw error
                }
                lockFD = fd
            } catch {
                throw StepError(step: "images", error)
            }
        }
        lockDepth += 1
        defer {
            lockDepth -= 1
            if lockDepth == 0 {
                try? Kernel.close(lockFD, note: "release the image store's lock")
                lockFD = -1
            }
        }
        return try body()
    }
}
