extension ContainerConfig {
    /// How the container was started, as `docker commit` keeps it for the new image:
    /// the image's settings, with the container's Env, Entrypoint, Cmd, WorkingDir and
    /// User over them — run a committed image without a command and it does what the
    /// container did. (A container made before dockling kept its Env commits the image's.)
    public func execution(over image: ExecutionConfig) -> ExecutionConfig {
        var execution = image
        if let configEnvironment { execution.env = configEnvironment.nilIfEmpty }
        execution.entrypoint = entrypoint
        execution.cmd = cmd
        // "/" is where a container of an image without WorkingDir starts anyway.
        if workingDirectory != "/" || image.workingDir?.isEmpty == false { execution.workingDir = workingDirectory }
        execution.user = user
        return execution
    }
}
