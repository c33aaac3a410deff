import DocklingCLI

ConceptTools.dispatch(CommandLine.arguments)
ToolMain.run(Dockling.self, name: "dockling")
