import DocklingCLI
import DocklingCore

/// One line on standard error when interrupted commands have left something in the
/// store, so that a learner hears of it from the next ordinary command and not only
/// from a prune.
///
/// The commands that list or change what is stored say it (ps, images, info, rm, rmi,
/// load, commit); the start path (run, create, start, exec) does not, since every
/// container start would pay for the look.
enum LeftoverNotice {
    /// `containers`: the records the command has read anyway, whose cgroups are then
    /// looked at too.
    static func show(root: StoreRoot, containers: [ContainerRecord] = []) {
        let found = LeftoverScan(root: root).run(containers: containers)
        guard !found.isEmpty else { return }
        ToolMain.report("dockling: found leftovers of interrupted commands (\(found.summary)); "
                        + "run 'dockling system prune' to remove them")
    }
}
