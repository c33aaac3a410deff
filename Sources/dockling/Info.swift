import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling info`: what this dockling sees of the machine and its store.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Display system-wide information.")

    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        let root = store.root
        let containers = try ContainerStore(root: root).all()
        let running = containers.filter { $0.state.status == .running }.count
        let images = (try? ImageStore(root: root).images().count) ?? 0
        let layout = try? CgroupLayout.detect()
        var name = utsname()
        uname(&name)
        let kernel = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let machine = withUnsafeBytes(of: name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        Output.write("""
        Client: dockling \(DocklingVersion.current)
        Server:
         Containers: \(containers.count)
          Running: \(running)
          Stopped: \(containers.count - running)
         Images: \(images)
         Storage Driver: overlay2
         Dockling Root Dir: \(root.path)
         Cgroup Driver: cgroupfs
         Cgroup Version: \(layout.map { $0.kind == .v2Only ? "2" : "1" } ?? "unknown") (\(layout?.kind.rawValue ?? "no cgroups found"))
         Kernel Version: \(kernel)
         Architecture: \(machine)
         CPUs: \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

        """, to: 1)
        LeftoverNotice.show(root: root, containers: containers)
    }
}
