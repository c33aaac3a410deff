extension RunInstruction {
    /// The heredoc when the shell-form command is nothing but one heredoc word (`RUN <<EOF`,
    /// `RUN <<-'EOF'`, `RUN 3<<EOF`), as BuildKit's `dispatchRun` tells it: then the body
    /// itself is the script (run by the shell, or as a file when it starts with `#!`).
    /// nil for `RUN <<EOF bash`, `RUN cat <<EOF`… — there the shell gets the command line
    /// with the bodies and delimiters after it and reads the heredocs itself.
    public var soleHeredoc: Heredoc? {
        guard case .shell(let text) = command, let first = heredocs.first, (try? HeredocWord(text)) != nil else { return nil }
        return first
    }
}
