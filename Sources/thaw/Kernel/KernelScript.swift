/// The Jupyter kernel's Python half, written next to `kernel.json` by `thaw kernel install`.
///
/// It is the usual "wrapper kernel" (ipykernel's `Kernel` subclass): Jupyter speaks its wire
/// protocol to ipykernel, and this class turns each request into one line of JSON for
/// `thaw kernel serve` (see KernelServer.swift) and each line back into iopub messages. It
/// lives here, in one place, so that an installed `thaw` can write it wherever it installs.
enum KernelScript {
    static let fileName = "thaw_kernel.py"

    static let source = #"""
"""Thaw's Jupyter kernel: a wrapper on ipykernel around `thaw kernel serve`.

Written by `thaw kernel install`; see docs/jupyter.md in the Thaw repository. Each cell is
sent to one long-lived `thaw kernel serve` process as a JSON line; its JSON lines come back
as Jupyter outputs (nbformat output objects, published on iopub as they are).
"""
import json
import os
import signal
import subprocess
import sys

from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel

THAW = os.environ.get("THAW_BIN", "thaw")

# Whoever started Jupyter may have blocked SIGINT (a test runner, a service manager), and a
# blocked mask is inherited: interrupts must reach this kernel and the thaw process it starts.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class ThawKernel(Kernel):
    implementation = "thaw"
    implementation_version = "1.0"
    language = "thaw"
    language_version = "1.0"
    language_info = {
        "name": "thaw",
        "mimetype": "text/x-thaw",
        "file_extension": ".thaw",
        "pygments_lexer": "text",
    }
    banner = "Thaw: a hands-on course in fine-tuning. `help` lists the commands."

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.thaw = None
        self.pending = b""
        self.start_thaw()

    # The thaw process -----------------------------------------------------------------

    def start_thaw(self):
        # Its own session: Jupyter's interrupt signals this kernel's process group, and the
        # kernel forwards exactly one SIGINT per interrupt (see read_message).
        self.thaw = subprocess.Popen(
            [THAW, "kernel", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        self.pending = b""

    def send_request(self, request):
        if self.thaw.poll() is not None:
            self.start_thaw()
        self.thaw.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        self.thaw.stdin.flush()

    def read_message(self):
        """The next JSON line from thaw. An interrupt (SIGINT raises KeyboardInterrupt here
        while a cell runs) is passed on to thaw, which stops at its next step boundary and
        still answers; reading with os.read loses nothing when it is interrupted."""
        fd = self.thaw.stdout.fileno()
        while b"\n" not in self.pending:
            try:
                chunk = os.read(fd, 65536)
            except KeyboardInterrupt:
                self.thaw.send_signal(signal.SIGINT)
                continue
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return json.loads(line.decode("utf-8"))

    # Jupyter requests -----------------------------------------------------------------

    async def do_execute(self, code, silent, store_history=True, user_expressions=None,
                         allow_stdin=False, **kwargs):
        self.send_request({"type": "execute", "code": code})
        first_error = None
        while True:
            message = self.read_message()
            if message is None:
                first_error = first_error or {
                    "ename": "ThawEnded", "evalue": "the thaw process ended",
                    "traceback": ["the thaw process ended; the next cell starts a new session"]}
                break
            if message["type"] == "done":
                if message.get("ended"):
                    self.thaw.wait()
                    self.publish_text("The session ended; the next cell starts a new one.\n")
                if not message.get("failed"):
                    first_error = None
                break
            output = message["output"]
            if output["output_type"] == "error" and first_error is None:
                first_error = output
            if not silent:
                self.publish(output)
        if first_error is None:
            return {"status": "ok", "execution_count": self.execution_count,
                    "payload": [], "user_expressions": {}}
        return {"status": "error", "execution_count": self.execution_count,
                "ename": first_error["ename"], "evalue": first_error["evalue"],
                "traceback": first_error["traceback"]}

    def publish(self, output):
        kind = output["output_type"]
        if kind == "stream":
            self.send_response(self.iopub_socket, "stream",
                               {"name": output["name"], "text": "".join(output["text"])})
        elif kind == "display_data":
            data = {mime: "".join(v) if isinstance(v, list) else v for mime, v in output["data"].items()}
            self.send_response(self.iopub_socket, "display_data", {"data": data, "metadata": {}})
        elif kind == "error":
            self.send_response(self.iopub_socket, "error",
                               {"ename": output["ename"], "evalue": output["evalue"],
                                "traceback": output["traceback"]})

    def publish_text(self, text):
        self.send_response(self.iopub_socket, "stream", {"name": "stdout", "text": text})

    async def do_complete(self, code, cursor_pos):
        self.send_request({"type": "complete", "code": code, "cursor": cursor_pos})
        message = self.read_message() or {}
        return {"status": "ok", "matches": message.get("matches", []),
                "cursor_start": message.get("cursor_start", cursor_pos),
                "cursor_end": message.get("cursor_end", cursor_pos), "metadata": {}}

    async def do_shutdown(self, restart):
        if self.thaw is not None and self.thaw.poll() is None:
            try:
                self.send_request({"type": "shutdown"})
                self.thaw.wait(timeout=5)
            except Exception:
                self.thaw.kill()
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=ThawKernel)
"""#
}
