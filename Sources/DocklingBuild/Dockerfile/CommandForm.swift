/// How RUN, CMD, ENTRYPOINT and HEALTHCHECK give their command: a JSON array is run as it
/// is (exec form); anything else is one string handed to the stage's SHELL (shell form).
public enum CommandForm: Sendable, Equatable {
    case exec([String])
    case shell(String)
}
