/// dockling's version, shown by `--version` and `dockling info`.
public enum DocklingVersion {
    public static let current = "0.1.0"
}
