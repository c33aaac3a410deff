// The media types dockling reads and writes (OCI image-spec media-types.md, plus the
// docker schema 2 names that docker and podman archives still carry).

public enum MediaType {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let ociLayer = "application/vnd.oci.image.layer.v1.tar"
    public static let ociLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
    public static let ociLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd"

    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"

    /// Media types whose blob is a list of manifests rather than one image.
    public static let indexes: Set<String> = [ociIndex, dockerManifestList]
    /// Media types whose blob is one image's manifest.
    public static let manifests: Set<String> = [ociManifest, dockerManifest]
}
