/// The container could not be set up or its command could not be started; the code
/// follows docker: 125 for set-up, 126 not executable, 127 not found.
public struct LaunchFailure: DocklingFailure {
    public let step: String
    public let what: String
    public let exitCode: Int32

    /// `message` is what the child reported, `step: what`.
    init(code: Int32, message: String) {
        exitCode = code
        if let colon = message.firstIndex(of: ":"), !message[..<colon].contains(" ") {
            step = String(message[..<colon])
            what = String(message[message.index(after: colon)...].drop { $0 == " " })
        } else {
            step = "container"
            what = message
        }
    }
}
