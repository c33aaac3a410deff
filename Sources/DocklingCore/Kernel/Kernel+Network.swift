#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Brings a network interface up, as `ip link set lo up` does: an ioctl on any socket.
    /// The corresponding C functions are `socket` and `ioctl` (SIOCSIFFLAGS).
    public static func setLinkUp(_ name: String, note: String) throws(KernelError) {
        let sock = Int32(try traced("socket", ["AF_INET", "SOCK_DGRAM|SOCK_CLOEXEC", "IPPROTO_IP"],
                                    note: "any socket will do for interface ioctls") {
            Int(socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0))
        })
        defer { Glibc.close(sock) }
        try traced("ioctl", [String(sock), "SIOCSIFFLAGS",
                             "{ifr_name=\(StraceFormat.quote(name)), ifr_flags=IFF_UP|...}"],
                   note: note) {
            Int(dl_set_link_up(sock, name))
        }
    }
}
