import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling namespaces …` runs `dockling-namespaces …`, git-style: the concept tools are
/// one word away from the main CLI. (Not `commit`: `dockling commit` is docker's command;
/// its concept tool is called by its full name, `dockling-commit`.)
enum ConceptTools {
    static let names = ["namespaces", "cgroups", "union", "snapshot", "stdio"]

    /// Replaces this process with the concept tool when the first argument names one.
    static func dispatch(_ arguments: [String]) {
        guard let first = arguments.dropFirst().first, names.contains(first) else { return }
        let tool = Path.parent(of: ContainerLauncher.initExecutable()) + "/dockling-" + first
        let argv = [tool] + arguments.dropFirst(2)
        let failure = Kernel.execve(tool, argv: argv, env: ProcessEnvironment.entries(),
                                    note: "dockling \(first) is dockling-\(first)")
        Output.errorLine("dockling: \(first): cannot run \(tool): \(failure.message)")
        exit(125)
    }
}
