// The thaw command: see Commands/ThawCommand.swift for its subcommands.
ThawCommand.main()
