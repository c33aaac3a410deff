import DocklingCLI
import DocklingCore

/// `-f/--format` of the inspect commands: docker's Go templates over the inspect JSON,
/// with docker's messages and exit codes (64 for a template that does not parse, 1 for
/// one that does not fit an object).
enum InspectFormat {
    /// The parsed template; nil for the indented JSON (no format, or `json`).
    static func template(_ format: String?) throws -> GoTemplate? {
        guard let format, !format.isEmpty, format != "json" else { return nil }
        do {
            return try GoTemplate(format)
        } catch {
            ToolMain.report("template parsing error: \(error)")
            throw ExitWith(64)
        }
    }

    /// One line per object (without a template: docker's JSON array); objects the template
    /// does not fit are reported after the others.
    static func show(_ objects: [any Encodable], through template: GoTemplate?) throws {
        guard let template else { return Output.line(try JSONCoding.pretty(InspectOutput(objects: objects))) }
        var failures: [String] = []
        for object in objects {
            do {
                Output.line(try template.render(TemplateValue(encoding: object)))
            } catch let error as TemplateError {
                failures.append("template parsing error: \(error)")
            }
        }
        failures.forEach(ToolMain.report)
        if !failures.isEmpty { throw ExitWith(1) }
    }
}
