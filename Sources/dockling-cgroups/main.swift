import DocklingCLI

ToolMain.run(CgroupsTool.self, name: "dockling-cgroups")
