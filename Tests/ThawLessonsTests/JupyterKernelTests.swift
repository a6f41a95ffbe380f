import Foundation
import Testing
import TestSupport

/// The Jupyter kernel, checked with Jupyter's own client libraries: `thaw kernel install`
/// writes a kernelspec that `jupyter_client` starts; cells run in one live session, tables and
/// plots arrive as HTML and SVG, a mistyped command as an error with its caret, Tab completes
/// names, an interrupt stops a long run with its state kept, a restart starts afresh; and an
/// exported lesson notebook re-runs under `nbclient` with every check holding.
/// (`make test` installs ipykernel, jupyter_client and nbclient; without them these skip.)
@Suite("Jupyter kernel", .serialized)
struct JupyterKernelTests {
    static let available = PythonCheck.has("ipykernel") && PythonCheck.has("jupyter_client") && PythonCheck.has("nbclient")

    /// A temporary prefix with the kernel installed under share/jupyter.
    func installedKernel() throws -> String {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-kernel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        let install = try ThawBinary.run(["kernel", "install", "--prefix", prefix], stdout: .file(prefix + "/install.txt"), in: prefix)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = try String(contentsOfFile: prefix + "/install.txt", encoding: .utf8)
        #expect(installed.contains("installed the Thaw kernel in \(prefix)/share/jupyter/kernels/thaw"))
        return prefix
    }

    @Test(.enabled(if: available, "needs ipykernel, jupyter_client and nbclient (make test installs them)"))
    func aLiveSessionThroughJupyterClient() throws {
        let prefix = try installedKernel()
        let out = try PythonCheck.run("""
            import os, time
            os.environ["JUPYTER_PATH"] = "\(prefix)/share/jupyter"
            from jupyter_client.manager import start_new_kernel
            km, kc = start_new_kernel(kernel_name="thaw", startup_timeout=60)
            def reply_to(msg_id):
                while True:
                    m = kc.get_shell_msg(timeout=120)
                    if m["parent_header"].get("msg_id") == msg_id: return m["content"]
            def run(code):
                msg_id = kc.execute(code)
                outs = []
                while True:
                    m = kc.get_iopub_msg(timeout=120)
                    if m["parent_header"].get("msg_id") != msg_id: continue
                    if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle": break
                    if m["msg_type"] in ("stream", "display_data", "error"): outs.append((m["msg_type"], m["content"]))
                return reply_to(msg_id), outs
            try:
                reply, outs = run("digits = load digits\\nnet = mlp 64 32 10\\nr = train net on digits epochs 2")
                assert reply["status"] == "ok", reply
                assert outs[0][0] == "stream" and "trained net for 2 epochs" in outs[0][1]["text"], outs
                reply, outs = run("show net")
                assert any(t == "display_data" and "<table>" in c["data"]["text/html"] for t, c in outs), outs
                reply, outs = run("plot loss of r")
                assert outs[0][0] == "display_data" and "<svg" in outs[0][1]["data"]["image/svg+xml"], outs
                reply, outs = run("frez net")
                assert reply["status"] == "error" and "unknown command `frez`" in reply["evalue"], reply
                assert any("^~~~" in line for line in reply["traceback"]), reply["traceback"]
                done = reply_to(kc.complete("freeze ne", 9))
                assert done["matches"] == ["net"] and done["cursor_start"] == 7 and done["cursor_end"] == 9, done
                done = reply_to(kc.complete("digits = load digits\\nfreeze ne", 30))
                assert done["matches"] == ["net"] and done["cursor_start"] == 28, done
                # An interrupt stops a long run at a step boundary; the session lives on.
                long_run = kc.execute("train net on digits epochs 5000")
                time.sleep(1.5)
                started = time.time()
                km.interrupt_kernel()
                reply = reply_to(long_run)
                assert time.time() - started < 10, "the interrupt took too long"
                reply, outs = run("print steps(net)")
                steps = int(outs[0][1]["text"].split("=")[1])
                assert 114 < steps < 5000 * 57, steps
                km.restart_kernel(now=True)
                kc.wait_for_ready(timeout=60)
                reply, outs = run("show net")
                assert reply["status"] == "error" and "no `net`" in reply["evalue"], reply
                print("ok")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            """)
        #expect(out.hasSuffix("ok\n"), "\(out)")
    }

    @Test(.enabled(if: available, "needs ipykernel, jupyter_client and nbclient (make test installs them)"))
    func anExportedLessonNotebookRerunsInJupyter() throws {
        let prefix = try installedKernel()
        let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/01-freezing.md").path
        let export = try ThawBinary.run(["run", lesson, "--notebook", prefix + "/lesson.ipynb"], stdout: .file(prefix + "/run.txt"), in: prefix)
        #expect(export.status == 0, "\(export.stderr)")
        let out = try PythonCheck.run("""
            import os
            os.environ["JUPYTER_PATH"] = "\(prefix)/share/jupyter"
            import nbformat, nbclient
            nb = nbformat.read("\(prefix)/lesson.ipynb", as_version=4)
            assert nb.metadata.kernelspec.name == "thaw"
            for cell in nb.cells:
                if cell.cell_type == "code": cell.outputs = []
            nbclient.NotebookClient(nb, timeout=300, kernel_name="thaw").execute()  # raises on an error output
            codes = [c for c in nb.cells if c.cell_type == "code"]
            text = "".join("".join(o.get("text", "")) for c in codes for o in c.outputs)
            print(text.count("✓ expect"), "checks held")
            """)
        let held = Int(out.split(separator: " ").first ?? "") ?? 0
        #expect(held >= 5, "\(out)")
    }
}
