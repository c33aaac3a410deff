/// The CLONE_NEW* flags of clone(2), unshare(2) and setns(2): one per namespace kind.
public struct CloneFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let newNS = CloneFlags(rawValue: 0x0002_0000)
    public static let newCgroup = CloneFlags(rawValue: 0x0200_0000)
    public static let newUTS = CloneFlags(rawValue: 0x0400_0000)
    public static let newIPC = CloneFlags(rawValue: 0x0800_0000)
    public static let newUser = CloneFlags(rawValue: 0x1000_0000)
    public static let newPID = CloneFlags(rawValue: 0x2000_0000)
    public static let newNet = CloneFlags(rawValue: 0x4000_0000)

    /// Names in bit order, as strace prints them.
    static let names: [(UInt64, String)] = [
        (0x0002_0000, "CLONE_NEWNS"), (0x0200_0000, "CLONE_NEWCGROUP"),
        (0x0400_0000, "CLONE_NEWUTS"), (0x0800_0000, "CLONE_NEWIPC"),
        (0x1000_0000, "CLONE_NEWUSER"), (0x2000_0000, "CLONE_NEWPID"),
        (0x4000_0000, "CLONE_NEWNET"),
    ]

    /// `CLONE_NEWNS|CLONE_NEWPID`, as strace prints it.
    public var straceDescription: String {
        StraceFormat.flags(UInt64(UInt32(bitPattern: rawValue)), Self.names)
    }
}
