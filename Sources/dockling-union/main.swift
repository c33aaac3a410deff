import DocklingCLI
ToolMain.run(UnionTool.self, name: "dockling-union")
