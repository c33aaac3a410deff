/// A function that refused its arguments; Go prefixes most with `error calling NAME: `.
struct TemplateFunctionError: Error {
    let message: String

    init(_ name: String, _ message: String, calling: Bool = true) {
        self.message = calling ? "error calling \(name): \(message)" : message
    }
}
