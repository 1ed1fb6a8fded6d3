"""A minimal client of the YAML language server an editor runs (the VS Code YAML extension's): it
speaks LSP over the server's standard input and output, as the editor does."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVER = HERE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "schemaStore": {"enable": False}, "schemas": {}}}   # only the file's $schema line


class LanguageServer:
    def __init__(self, root: Path):
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {
            "workspace": {"configuration": True}, "textDocument": {"publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def diagnostics(self, path: Path, timeout: float = 30) -> list[dict]:
        """What the editor underlines in the file, as the server publishes it after opening."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}})
        message = self._wait(timeout, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        sent = self.next_id
        self._send({"jsonrpc": "2.0", "id": sent, "method": method, "params": params})
        return self._wait(30, lambda m: m.get("id") == sent and "method" not in m)

    def notify(self, method: str, params) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:   # noqa: BLE001 - whatever state it is in, it must not outlive the test
            self.process.kill()
            self.process.wait()

    def _wait(self, timeout: float, wanted) -> dict:
        while True:
            message = self.messages.get(timeout=timeout)
            if message.get("method") == "workspace/configuration":   # the server asks for the editor's settings
                self._send({"jsonrpc": "2.0", "id": message["id"],
                            "result": [SETTINGS.get(item.get("section", ""), SETTINGS) for item in message["params"]["items"]]})
            elif "id" in message and "method" in message:   # any other request of the server: acknowledged
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif wanted(message):
                return message

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))
