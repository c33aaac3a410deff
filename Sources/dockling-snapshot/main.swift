import DocklingCLI
ToolMain.run(SnapshotTool.self, name: "dockling-snapshot")
