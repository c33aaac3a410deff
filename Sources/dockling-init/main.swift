import DocklingCore
ContainerInit.main()
