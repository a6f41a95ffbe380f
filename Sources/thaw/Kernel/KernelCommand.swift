import ArgumentParser
import Foundation
import ThawData

/// `thaw kernel`: Thaw as a Jupyter kernel. `install` registers it; `serve` is what it runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Use Thaw from Jupyter: `thaw kernel install`, then pick the \"Thaw\" kernel.",
        subcommands: [KernelInstallCommand.self, KernelServeCommand.self])
}

/// `thaw kernel install`: writes the kernelspec (kernel.json and the Python wrapper).
struct KernelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Register the Thaw kernel with Jupyter (JupyterLab, Notebook, VS Code).",
        discussion: """
            Writes kernels/thaw/ (kernel.json and thaw_kernel.py) into your Jupyter data folder
            ($JUPYTER_DATA_DIR, or ~/.local/share/jupyter), or under --prefix. The kernel runs this
            thaw binary; its Python half needs ipykernel (pip install ipykernel).
            """)

    @Option(help: "Install under PREFIX/share/jupyter/kernels instead of your own Jupyter data folder.")
    var prefix: String?

    @Option(help: "The Python that runs the kernel (it needs ipykernel); default: python3 on the PATH.")
    var python: String?

    func run() throws {
        let spec = try KernelSpec(python: python)
        let folder = KernelSpec.folder(prefix: prefix)
        try spec.write(to: folder)
        print("installed the Thaw kernel in \(folder.path)")
        if !spec.pythonHasIPykernel {
            print("note: \(spec.python) cannot import ipykernel; install it first: \(spec.python) -m pip install ipykernel")
        }
    }
}

/// `thaw kernel serve`: the machine-readable session the kernel drives (see KernelServer).
struct KernelServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a session over JSON lines on stdin/stdout (what the Jupyter kernel drives).")

    func run() throws {
        let code = KernelServer().run()
        if code != 0 { throw ExitCode(code) }
    }
}

/// What `thaw kernel install` writes: a Jupyter kernelspec whose `argv` runs the wrapper with
/// a chosen Python, and whose `env` names this thaw binary.
struct KernelSpec {
    static let name = "thaw"
    let python: String
    let thaw: String

    init(python: String?) throws {
        guard let thaw = InstalledShare.binaryPath else {
            throw ValidationError("cannot find this thaw binary (/proc/self/exe)")
        }
        self.thaw = thaw
        if let python {
            self.python = python
        } else if let found = Self.onPath("python3") {
            self.python = found
        } else {
            throw ValidationError("no python3 on the PATH: pass --python /path/to/python (it needs ipykernel)")
        }
    }

    /// `PREFIX/share/jupyter/kernels/thaw`, or `kernels/thaw` in the user's Jupyter data folder.
    static func folder(prefix: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let prefix {
            base = URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter")
        } else if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
            base = URL(fileURLWithPath: data)
        } else {
            let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
            base = URL(fileURLWithPath: dataHome).appendingPathComponent("jupyter")
        }
        return base.appendingPathComponent("kernels").appendingPathComponent(name)
    }

    /// kernel.json: Jupyter starts `python thaw_kernel.py -f CONNECTION_FILE`.
    func kernelJSON(in folder: URL) throws -> Data {
        let spec: [String: Any] = [
            "argv": [python, folder.appendingPathComponent(KernelScript.fileName).path, "-f", "{connection_file}"],
            "display_name": "Thaw",
            "language": "thaw",
            "interrupt_mode": "signal",
            "env": ["THAW_BIN": thaw],
            "metadata": ["debugger": false],
        ]
        return try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SafeWrite.write(String(decoding: kernelJSON(in: folder), as: UTF8.self) + "\n",
                            to: folder.appendingPathComponent("kernel.json"))
        try SafeWrite.write(KernelScript.source, to: folder.appendingPathComponent(KernelScript.fileName))
    }

    var pythonHasIPykernel: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.contains("/") ? python : (Self.onPath(python) ?? python))
        process.arguments = ["-c", "import ipykernel"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func onPath(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
