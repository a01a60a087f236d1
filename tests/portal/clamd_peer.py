"""A tiny clamd peer in a thread: speaks the real INSTREAM protocol over TCP.

It reads `zINSTREAM\\0` (or `nINSTREAM\\n`), then chunks prefixed by a 4-byte big-endian
length, until a zero length; it answers `stream: Eicar-Test-Signature FOUND` when the
EICAR test string is in the data, else `stream: OK`. PING answers PONG.
"""

import socketserver
import struct

from tests.threaded_server import ThreadedServer

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        command = self._read_command()
        end = b"\0" if command.startswith(b"z") else b"\n"
        if command[1:] == b"PING":
            self.request.sendall(b"PONG" + end)
            return
        data = b""
        while True:
            (size,) = struct.unpack("!L", self._read_exactly(4))
            if size == 0:
                break
            data += self._read_exactly(size)
        verdict = b"Eicar-Test-Signature FOUND" if EICAR in data else b"OK"
        self.server.scanned.append(len(data))
        self.request.sendall(b"stream: " + verdict + end)

    def _read_command(self):
        command = b""
        while not command.endswith((b"\0", b"\n")):
            command += self.request.recv(1)
        return command[:-1]

    def _read_exactly(self, size):
        data = b""
        while len(data) < size:
            chunk = self.request.recv(size - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data


class ClamdPeer(ThreadedServer):
    def __init__(self):
        super().__init__(_Handler)
        self.scanned = []

    @property
    def url(self):
        return f"tcp://127.0.0.1:{self.port}"
