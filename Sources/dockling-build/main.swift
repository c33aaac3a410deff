import DocklingCLI
ToolMain.run(BuildTool.self, name: "dockling-build")
