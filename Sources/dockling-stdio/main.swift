import DocklingCLI
ToolMain.run(StdioTool.self, name: "dockling-stdio")
