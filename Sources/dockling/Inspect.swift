import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling inspect`: everything dockling knows about an object, as JSON, or through a
/// Go template (`-f '{{.State.Status}}'`) as docker's inspect offers.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show containers and images as JSON.")

    @Option(name: [.short, .customLong("format")],
            help: ArgumentHelp("Format output using a custom template: 'json', or a Go template such as '{{.State.Status}}'.",
                               valueName: "string"))
    var format: String?
    @Argument(help: "The containers or images.") var names: [String]
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        // As docker does: a template that does not parse is refused before anything is looked up.
        let template = try InspectFormat.template(format)
        Tracer.shared.step = "images"
        let images = store.imageStore()
        var objects: [any Encodable] = []
        var missing = false
        for name in names {
            // Containers first, then images, as docker looks them up.
            if let container = try? ContainerStore(root: images.root).find(name) {
                objects.append(ContainerInspection(container, root: images.root))
            } else if let image = try images.resolve(name) {
                objects.append(ImageInspection(image, layerDirectories: image.diffIDs.map(images.layerDirectory)))
            } else {
                ToolMain.report("dockling: no such object: \(name)")
                missing = true
            }
        }
        try InspectFormat.show(objects, through: template)
        if missing { throw ExitWith(125) }
    }
}

/// A JSON array of objects of different kinds.
struct InspectOutput: Encodable {
    let objects: [any Encodable]

    func encode(to encoder: Encoder) throws {
        var array = encoder.unkeyedContainer()
        for object in objects { try array.encode(object) }
    }
}
