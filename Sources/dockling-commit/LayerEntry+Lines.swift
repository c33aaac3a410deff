import DocklingCore

/// How the tool prints one file of the upper directory, before and after conversion.
extension LayerEntry {
    /// The file as the upper directory holds it, with what overlayfs means by it.
    var upperLine: String {
        switch kind {
        case .whiteout: "c 0:0  \(path)   (overlayfs whiteout: deleted)"
        case .opaqueDirectory: "d      \(path)   (trusted.overlay.opaque=y: made again, nothing below shows through)"
        case .directory: "d      \(path)"
        case .symlink: "l      \(path)"
        case .device: "c/b    \(path)"
        case .fifo: "p      \(path)"
        case .file, .hardlink: "-      \(path)"
        }
    }

    /// The tar entries written for it, whiteouts called out. (A directory's name ends in
    /// a slash, as tar writes it.)
    var tarLines: [String] {
        tarNames.enumerated().map { index, name in
            switch kind {
            case .whiteout: "\(name)   <- whiteout: /\(path) is deleted"
            case .opaqueDirectory where index > 0: "\(name)   <- opaque whiteout: hide what the layers below have in /\(path)"
            default: name
            }
        }
    }
}
