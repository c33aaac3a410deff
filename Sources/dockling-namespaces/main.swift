import DocklingCLI
ToolMain.run(NamespacesTool.self, name: "dockling-namespaces")
