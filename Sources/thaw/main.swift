import Glibc  // exit
// Stand-in entry point for the shell branch; the real CLI replaces it (see Shell/ShellEntry.swift).
exit(runInteractiveShell(backend: DemoBackend()))
