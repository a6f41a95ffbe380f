// The thaw command: see ThawCommand for its subcommands.
ThawCommand.main()
