import DocklingCLI
ToolMain.run(Dockling.self, name: "dockling")
