extension ImageStore {
    /// `docker.io/library/busybox:latest`.
    static let busybox = ImageReference(domain: ImageReference.defaultDomain, path: "library/busybox",
                                        tag: ImageReference.defaultTag, digest: nil)

    /// dockling's offline stand-in for `docker pull busybox`: the image is made from
    /// the busybox root filesystem built from the host's static busybox.
    func makeBusybox() throws -> StoredImage {
        try withLock {
            // Another dockling may have made it while this one waited for the lock.
            if let image = try lookup(Self.busybox.description) { return image }
            Tracer.shared.say("busybox:latest is not in the store: making it from the busybox root filesystem "
                              + "(dockling's offline stand-in for pulling it from a registry)")
            let rootfs = try BusyboxRootfs.ensure(in: root)
            let settings = try ImageSettings(cmd: "sh", entrypoint: nil, env: [Self.defaultPath], workingDir: nil)
            _ = try snapshot(directory: rootfs, settings: settings, reference: Self.busybox,
                             createdBy: "dockling: busybox root filesystem from \(BusyboxRootfs.hostBinary)")
            return try image(Self.busybox.description)
        }
    }

    /// The PATH docker gives Linux images that set none.
    public static let defaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
}
