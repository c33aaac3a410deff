import DocklingCLI
ToolMain.run(CommitTool.self, name: "dockling-commit")
