import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The processes of a running container: every process in its PID namespace, found by
/// the namespace's inode in /proc/PID/ns/pid — the kernel's own record of membership.
public enum ContainerProcesses {
    public struct Process: Sendable {
        public let uid: String
        public let pid: Int32
        public let ppid: Int32
        public let command: String
    }

    public static func list(_ record: ContainerRecord) -> [Process] {
        guard record.state.status == .running, let first = record.state.pid,
              let namespace = NamespaceIdentity.inode(of: .pid, pid: String(first)) else { return [] }
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.compactMap { Int32($0) }.sorted().compactMap { pid in
            guard NamespaceIdentity.inode(of: .pid, pid: String(pid)) == namespace,
                  let status = try? Kernel.readFile("/proc/\(pid)/status"),
                  let cmdline = try? Kernel.readFile("/proc/\(pid)/cmdline") else { return nil }
            func field(_ name: String) -> String { ProcStatus.field(name, in: status).map(String.init) ?? "?" }
            let command = cmdline.split(separator: "\0").joined(separator: " ")
            return Process(uid: field("Uid"), pid: pid, ppid: Int32(field("PPid")) ?? 0, command: command)
        }
    }
}
