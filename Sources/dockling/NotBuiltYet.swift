/// docker's commands that dockling does not have yet, and where each will come from:
/// a learner who types one hears that it is planned, not that it is a typo.
enum NotBuiltYet {
    /// Command name → the concept (and issue) that brings it; nil for a docker command
    /// no concept plans yet.
    static let commands: [String: String?] = [
        "buildx": nil,
        "network": "it is issue 19's concept (bridges, veth pairs, NAT, published ports)",
        "port": "it is issue 19's concept (bridges, veth pairs, NAT, published ports)",
        "pull": "it is issue 20's concept (registries: pull, push, login)",
        "push": "it is issue 20's concept (registries: pull, push, login)",
        "login": "it is issue 20's concept (registries: pull, push, login)",
        "logout": "it is issue 20's concept (registries: pull, push, login)",
        "search": "it is issue 20's concept (registries: pull, push, login)",
        "context": "it is issue 21's concept (client/server: the Docker Engine API)",
        "version": "it is issue 21's concept (client/server: the Docker Engine API); dockling --version says the version",
        "events": "it is issue 21's concept (client/server: the Docker Engine API)",
        "compose": "it is issue 22's concept (several containers from one file)",
        "cp": nil, "export": nil, "pause": nil, "unpause": nil, "rename": nil, "restart": nil, "stats": nil,
        "update": nil, "wait": nil, "plugin": nil, "swarm": nil, "service": nil, "stack": nil, "secret": nil,
        "config": nil, "node": nil, "trust": nil, "manifest": nil, "checkpoint": nil, "init": nil,
    ]

    /// The line for a command docker has and dockling lacks; nil for any other word.
    static func message(for name: String) -> String? {
        guard let plan = commands[name] else { return nil }
        return "dockling: '\(name)' is not built yet: " + (plan ?? "no lesson plans it yet")
    }
}
