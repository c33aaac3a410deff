/// The annotation keys that name an image in an index (OCI image-spec annotations.md,
/// and containerd's key, which docker writes too).
public enum Annotation {
    /// The full reference: `docker.io/library/busybox:latest`.
    public static let imageName = "io.containerd.image.name"
    /// The tag (`latest`); some tools write a full reference here instead.
    public static let refName = "org.opencontainers.image.ref.name"
}
