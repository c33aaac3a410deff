#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// A listening unix socket in the abstract namespace: no file to clean up, gone
    /// when its last descriptor closes — even after kill -9.
    /// The corresponding C functions are `socket`, `bind` and `listen`.
    public static func listenAbstract(_ name: String, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("bind", ["socket(AF_UNIX)", "{sa_family=AF_UNIX, sun_path=@\(StraceFormat.quote(name))}"],
                         note: note) { Int(dl_listen_abstract(name)) })
    }

    /// Connects to an abstract unix socket.
    /// The corresponding C functions are `socket` and `connect`.
    public static func connectAbstract(_ name: String, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("connect", ["socket(AF_UNIX)", "{sa_family=AF_UNIX, sun_path=@\(StraceFormat.quote(name))}"],
                         note: note) { Int(dl_connect_abstract(name)) })
    }

    /// Takes the next connection from a listening socket.
    /// The corresponding C function is `accept4`.
    public static func accept(_ fd: Int32, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("accept4", [String(fd), "NULL", "NULL", "SOCK_CLOEXEC"], note: note) {
            Int(dl_accept(fd))
        })
    }

    /// A connected pair of unix sockets.
    /// The corresponding C function is `socketpair`.
    public static func socketPair(note: String) throws(KernelError) -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        try traced("socketpair", ["AF_UNIX", "SOCK_STREAM|SOCK_CLOEXEC", "0", "[\(fds[0]), \(fds[1])]"], note: note) {
            Int(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds))
        }
        return (fds[0], fds[1])
    }

    /// Passes a descriptor to the process at the other end of a unix socket.
    /// The corresponding C function is `sendmsg` (with SCM_RIGHTS).
    public static func sendDescriptor(_ fd: Int32, over sock: Int32, note: String) throws(KernelError) {
        try traced("sendmsg", [String(sock), "{msg_control=[{cmsg_type=SCM_RIGHTS, cmsg_data=[\(fd)]}]}", "0"],
                   note: note) { Int(dl_send_fd(sock, fd)) }
    }

    /// Receives a descriptor passed with `sendDescriptor`.
    /// The corresponding C function is `recvmsg` (with SCM_RIGHTS).
    public static func receiveDescriptor(over sock: Int32, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("recvmsg", [String(sock), "{msg_control=[{cmsg_type=SCM_RIGHTS}]}", "MSG_CMSG_CLOEXEC"],
                         note: note) { Int(dl_receive_fd(sock)) })
    }

    /// The uid of the process at the other end of a unix socket. Not traced: it only reads.
    /// The corresponding C function is `getsockopt` (SO_PEERCRED).
    public static func peerUID(_ fd: Int32) -> Int { dl_peer_uid(fd) }
}
