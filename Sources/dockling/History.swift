import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling history`: the steps that made an image, newest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show how an image was made, layer by layer.")

    @Flag(help: "Show whole commands.") var noTrunc = false
    @Option(name: .long, help: ArgumentHelp(
        "A Go template for each row: .ID, .CreatedSince, .CreatedAt, .CreatedBy, .Size, .Comment.",
        valueName: "template")) var format: String?
    @Argument(help: "The image.") var image: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let image = try store.imageStore().image(image)
        let now = Double(time(nil))
        // docker's list formats read `\t` and `\n` as a tab and a newline.
        let format = format?.replacing("\\t", with: "\t").replacing("\\n", with: "\n")
        guard let template = try InspectFormat.template(format) else {
            return Output.write(ImageHistoryRow.table(image.history, now: now, truncate: !noTrunc), to: 1)
        }
        try InspectFormat.show(image.history.map { HistoryFields($0, now: now, truncate: !noTrunc) }, through: template)
    }
}

/// What docker's `history --format` templates see of one row.
private struct HistoryFields: Encodable {
    let ID: String, CreatedSince: String, CreatedAt: String, CreatedBy: String, Size: String, Comment: String

    init(_ row: ImageHistoryRow, now: Double, truncate: Bool) {
        ID = row.image
        CreatedSince = row.created.map { HumanUnits.duration(seconds: now - $0) + " ago" } ?? "N/A"
        CreatedAt = row.created.map { Timestamp.format(time_t($0)) } ?? "N/A"
        CreatedBy = ImageHistoryRow.command(row.createdBy, truncate: truncate)
        Size = HumanUnits.size(row.size)
        Comment = row.comment
    }
}
