import DocklingCLI

ConceptTools.dispatch(CommandLine.arguments)
EarlyMonitor.start(for: CommandLine.arguments)
ToolMain.run(Dockling.self, name: "dockling")
