import DocklingCLI

ConceptTools.dispatch(CommandLine.arguments)
// dockling-init starts loading first: a `run` line's container is the one thing in a hurry.
EarlyMonitor.start(for: CommandLine.arguments)
CommandLineFront.handle(CommandLine.arguments)
ToolMain.run(Dockling.self, name: "dockling")
