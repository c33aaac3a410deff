import DocklingCore

extension LayeredTree {
    /// The uid and gid `COPY --chown=spec` gives, looked up in this tree's `/etc/passwd`
    /// and `/etc/group` as BuildKit looks them up:
    ///
    /// - `name` → that user's uid and primary gid (from its passwd line);
    /// - `1000` → uid 1000, gid 1000 (a number is taken as both, unseen by any file);
    /// - `name:group`, `1000:50`, `name:50`, `1000:group` → the group named or numbered.
    ///
    /// A name the files do not have is an error here; BuildKit quietly uses 0 instead,
    /// which a learner would only notice much later.
    public func lookUpUser(_ spec: String) throws(ContextError) -> (uid: UInt32, gid: UInt32) {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let user = parts[0], group = parts.count > 1 ? parts[1] : nil
        guard !user.isEmpty || group?.isEmpty == false else {
            throw ContextError("--chown=\(spec): no user given", hint: "write --chown=USER[:GROUP], by name or number")
        }
        var ids: (uid: UInt32, gid: UInt32) = (0, 0)
        if let number = UInt32(user) {
            ids = (number, number)
        } else if !user.isEmpty {
            guard let line = try databaseLine("/etc/passwd", named: user) else {
                throw ContextError("unable to find user \(user): no matching entries in passwd file",
                                   hint: "--chown names are looked up in the image's /etc/passwd; add the user in an earlier RUN, or use a number")
            }
            guard line.count > 3, let uid = UInt32(line[2]), let gid = UInt32(line[3]) else {
                throw ContextError("the image's /etc/passwd has a broken line for \(user)")
            }
            ids = (uid, gid)
        }
        if let group, !group.isEmpty {
            if let number = UInt32(group) {
                ids.gid = number
            } else {
                guard let line = try databaseLine("/etc/group", named: group) else {
                    throw ContextError("unable to find group \(group): no matching entries in group file",
                                       hint: "--chown groups are looked up in the image's /etc/group; add the group in an earlier RUN, or use a number")
                }
                guard line.count > 2, let gid = UInt32(line[2]) else {
                    throw ContextError("the image's /etc/group has a broken line for \(group)")
                }
                ids.gid = gid
            }
        }
        return ids
    }

    /// The colon-separated fields of the first line of `file` (in the tree) whose first
    /// field is `name`; nil when the file or the line is missing.
    private func databaseLine(_ file: String, named name: String) throws(ContextError) -> [String]? {
        guard let found = entry(try resolve(file)), found.isRegularFile else { return nil }
        let text: String
        do {
            text = try Kernel.readFile(found.host)
        } catch {
            throw ContextError("cannot read the image's \(file): \(error)")
        }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if fields.first.map({ $0.utf8.elementsEqual(name.utf8) }) == true { return fields }
        }
        return nil
    }
}
