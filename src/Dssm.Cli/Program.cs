using Dssm.Cli;

// The `dssm` command: each subcommand parses its options and calls one library entry point.
return DssmApp.Run(args);
