import DocklingCore

/// One stage while it is built: the image the last step made, the config the next step
/// starts from, the ARGs in scope, and what the progress lines need to number its steps.
struct StageState {
    let index: Int
    /// The name in `[name 2/5]`; nil when the Dockerfile has one stage.
    let label: String?
    /// The last step's image; nil on `FROM scratch` before any step.
    var image: StoredImage?
    /// What the next step starts from: the image's config, plus what `FROM` adds (a
    /// default PATH, no ONBUILD triggers).
    var config: ImageConfiguration
    var args: ArgScope
    /// A CMD was given in this stage: a later ENTRYPOINT keeps it (else it resets it).
    var cmdSet = false
    /// The step this build had to run last in this stage (`step 2`, `ENV A=2 on line 4`):
    /// why the steps after it cannot come from the cache either.
    var rebuilt: String?
    /// BuildKit numbers only the steps that make a layer (FROM an image, RUN, COPY, ADD,
    /// WORKDIR; every ONBUILD trigger counts too).
    private(set) var vertexIndex = 0
    let vertexTotal: Int

    init(index: Int, label: String?, image: StoredImage?, config: ImageConfiguration, args: ArgScope, vertexTotal: Int) {
        self.index = index
        self.label = label
        self.image = image
        self.config = config
        self.args = args
        self.vertexTotal = vertexTotal
    }

    var execution: ExecutionConfig {
        get { config.config ?? ExecutionConfig() }
        set { config.config = newValue }
    }

    /// A variable as the next instruction sees it: an ENV of the name wins over an ARG.
    func lookup(_ name: String) -> String? {
        for entry in execution.env ?? [] where entry.prefix(while: { $0 != "=" }) == name {
            return String(entry.dropFirst(name.count + 1))
        }
        return args.value(name)
    }

    /// The parent's id, or `scratch`: the first part of every cache key.
    var parentID: String { image?.id.description ?? "scratch" }

    /// BuildKit's step name: `[build 2/5] RUN make` (the number right-aligned to the
    /// total's width), `[2/5] …` in a one-stage Dockerfile, `ONBUILD ` before a trigger.
    mutating func vertexName(_ text: String, trigger: Bool = false) -> String {
        vertexIndex += 1
        let total = String(vertexTotal), number = String(vertexIndex)
        let padded = String(repeating: " ", count: max(0, total.count - number.count)) + number
        let prefix = (label.map { $0 + " " } ?? "") + padded + "/" + total
        return "[\(prefix)] " + (trigger ? "ONBUILD " : "") + text
    }

    /// How many of `steps` BuildKit gives a progress line, plus one for `FROM` an image.
    /// A WORKDIR that leads to `/` makes no folder and so no line: it is left out when
    /// the Dockerfile's own words say so (`WORKDIR /`, `WORKDIR /app` then `WORKDIR ..`);
    /// one decided by a variable or the image's WORKDIR is counted.
    static func vertexCount(_ steps: [Step], fromImage: Bool) -> Int {
        var count = fromImage ? 1 : 0
        var cwd: String?  // nil: not known before the build
        for step in steps {
            switch step.instruction {
            case .run, .copy:
                count += 1
            case .workdir(let path):
                cwd = path.contains("$") ? nil
                    : path.hasPrefix("/") ? GoPath.clean(path) : cwd.map { GoPath.clean($0 + "/" + path) }
                if cwd != "/" { count += 1 }
            default:
                break
            }
        }
        return count
    }
}
