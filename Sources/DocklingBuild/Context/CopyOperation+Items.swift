extension CopyOperation {
    /// One thing to copy: a here-document, or a path selected in a tree.
    enum Item {
        case heredoc(Heredoc)
        case path(LayeredTree, ContextSource, IgnoreRules)
    }

    /// The instruction's sources in order, each wildcard replaced by its matches and each
    /// heredoc name by its body.
    func items(from source: CopySource) throws(ContextError) -> [Item] {
        var heredocs = instruction.heredocs
        var items: [Item] = []
        for name in instruction.sources {
            if let index = heredocs.firstIndex(where: { $0.name == name }) {
                items.append(.heredoc(heredocs.remove(at: index)))
                continue
            }
            try refuseURL(name)
            switch source {
            case .context(let context):
                items += try context.select([name]).map { .path(context.tree, $0, context.ignore) }
            case .image(let tree):
                items += try tree.selectCopied([name]).map { .path(tree, $0, .none) }
            }
        }
        return items
    }

    /// Flags docker has that this COPY does not carry out, refused rather than ignored:
    /// `--parents` and `--exclude` would change which files land where. (`--link` needs
    /// nothing: the layer is written into an empty folder either way.)
    func refuseUnsupportedFlags() throws(ContextError) {
        if instruction.parents {
            throw ContextError("\(command) --parents is not supported by dockling yet",
                               hint: "copy each folder to its own destination instead")
        }
        if !instruction.excludes.isEmpty {
            throw ContextError("\(command) --exclude is not supported by dockling yet",
                               hint: "keep the files out of the context with .dockerignore, or copy narrower sources")
        }
        if instruction.checksum != nil {
            throw ContextError("checksum can't be specified for non-HTTP(S) sources",
                               hint: "--checksum checks a downloaded URL, and dockling does not fetch URLs")
        }
    }

    /// ADD would download a URL and COPY never does; dockling builds offline.
    private func refuseURL(_ source: String) throws(ContextError) {
        let lower = source.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("git@") else { return }
        guard instruction.isAdd else {
            throw ContextError("source can't be a URL for COPY", hint: "ADD fetches URLs; COPY reads the build context only")
        }
        throw ContextError("ADD from a URL needs the network: dockling does not fetch URLs yet (\(source))",
                           hint: "download the file into the build context and ADD or COPY it from there")
    }
}
