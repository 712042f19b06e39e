"""A small LSP client over pipes, for testing `claimlint lsp`.

It frames messages with Content-Length, reads the server's messages on a
thread, answers the server's own requests (registrations) with null, and
lets a test wait for a response or a notification.
"""

import json
import queue
import subprocess
import threading
import time

TIMEOUT = 60  # seconds; generous for sanitizer builds


class ProtocolError(Exception):
    pass


class Client:
    def __init__(self, binary, args=("lsp", "--stdio"), cwd=None):
        self.proc = subprocess.Popen(
            [binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.pending = []  # messages read but not yet consumed
        self.server_requests = []
        self.stderr = b""
        self.frame_errors = []
        self.next_id = 1
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self.err_reader.start()

    # -- wire ---------------------------------------------------------------
    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr += line

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    self.messages.put(None)
                    return
                header += c
            length = None
            for line in header.decode("ascii").split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            if length is None:
                self.frame_errors.append(header)
                continue
            body = out.read(length)
            try:
                msg = json.loads(body)
            except ValueError:
                self.frame_errors.append(body)
                continue
            if "method" in msg and "id" in msg:
                # A request from the server: accept it.
                self.server_requests.append(msg)
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            self.messages.put(msg)

    def send_raw(self, data):
        with self.lock:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def request(self, method, params=None):
        rid = self.request_async(method, params)
        return self.response(rid)

    # -- waiting ------------------------------------------------------------
    def wait_for(self, pred, timeout=TIMEOUT, what="a message"):
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise ProtocolError("timed out waiting for " + what)
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                raise ProtocolError("timed out waiting for " + what)
            if m is None:
                self.messages.put(None)
                raise ProtocolError("the server closed its output while waiting for " + what
                                    + "; stderr: " + self.stderr.decode(errors="replace"))
            if pred(m):
                return m
            self.pending.append(m)

    def response(self, rid, timeout=TIMEOUT):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == rid, timeout,
                             "the response to %r" % (rid,))

    def diagnostics(self, uri, version=None, timeout=TIMEOUT):
        def pred(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait_for(pred, timeout, "diagnostics for %s v%s" % (uri, version))["params"]

    def drain(self, settle=0.3):
        """Everything that arrives within `settle` seconds of quiet."""
        got = list(self.pending)
        self.pending = []
        while True:
            try:
                m = self.messages.get(timeout=settle)
            except queue.Empty:
                return got
            if m is None:
                self.messages.put(None)
                return got
            got.append(m)

    # -- lifecycle ----------------------------------------------------------
    def initialize(self, capabilities=None, root_uri=None, init_options=None):
        params = {"processId": None, "capabilities": capabilities or {}, "rootUri": root_uri}
        if init_options is not None:
            params["initializationOptions"] = init_options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def close_input(self):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass

    def wait_exit(self, timeout=TIMEOUT):
        return self.proc.wait(timeout=timeout)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


# -- positions ----------------------------------------------------------------
def split_lines(text):
    """Lines as LSP counts them (LF, CRLF, CR end a line), without terminators."""
    lines, start, i = [], 0, 0
    while i < len(text):
        c = text[i]
        if c == "\n" or c == "\r":
            lines.append(text[start:i])
            if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    lines.append(text[start:])
    return lines


def units(s, encoding):
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


def char_index(line, character, encoding):
    """The Python index in `line` of an LSP character offset."""
    n = 0
    for i, ch in enumerate(line):
        if n >= character:
            return i
        n += units(ch, encoding)
    return len(line)


def position_of(text, index, encoding):
    """The LSP position of Python index `index` of `text`."""
    before = text[:index]
    lines = split_lines(before)
    return {"line": len(lines) - 1, "character": units(lines[-1], encoding)}


def offset_of(text, pos, encoding):
    """The Python index of an LSP position in `text`."""
    lines = split_lines(text)
    idx = 0
    # Walk to the line start.
    line = 0
    i = 0
    while line < pos["line"] and i < len(text):
        c = text[i]
        if c == "\n" or c == "\r":
            if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            line += 1
        i += 1
    idx = i
    return idx + char_index(lines[pos["line"]] if pos["line"] < len(lines) else "",
                            pos["character"], encoding)


def range_text(text, rng, encoding):
    return text[offset_of(text, rng["start"], encoding):offset_of(text, rng["end"], encoding)]


def apply_edits(text, edits, encoding):
    """Applies TextEdits (or SnippetTextEdits, placeholders filled with their
    default text) to `text`."""
    import re
    resolved = []
    for e in edits:
        if "snippet" in e:
            new = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", e["snippet"]["value"])
            new = re.sub(r"\\([$}\\])", r"\1", new)
        else:
            new = e["newText"]
        resolved.append((offset_of(text, e["range"]["start"], encoding),
                         offset_of(text, e["range"]["end"], encoding), new))
    for b, e, new in sorted(resolved, key=lambda x: x[0], reverse=True):
        text = text[:b] + new + text[e:]
    return text


def edits_for(workspace_edit, uri):
    """The edits a WorkspaceEdit makes to `uri` (changes or documentChanges)."""
    out = []
    for u, edits in (workspace_edit.get("changes") or {}).items():
        if u == uri:
            out.extend(edits)
    for dc in workspace_edit.get("documentChanges") or []:
        if "textDocument" in dc and dc["textDocument"]["uri"] == uri:
            out.extend(dc["edits"])
    return out
