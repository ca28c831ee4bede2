#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# ws_subscribe.py PORT STREAM FILTER COUNT: subscribes over a raw WebSocket (RFC 6455, no library)
# with eth_subscribe(STREAM, FILTER), prints "subscribed" once the node accepted, then prints the
# params.result of the next COUNT notifications, one JSON object per line, and exits.
import base64, json, os, socket, struct, sys

port, stream, flt, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
s = socket.create_connection(("127.0.0.1", port))
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
buf = b""
while b"\r\n\r\n" not in buf:
    buf += s.recv(4096)
head, buf = buf.split(b"\r\n\r\n", 1)
if b" 101 " not in head.split(b"\r\n")[0]:
    sys.exit("no WebSocket upgrade: " + head.decode(errors="replace"))

def send(text):
    data, mask = text.encode(), os.urandom(4)
    n = len(data)
    header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
    s.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

def recv():
    global buf
    while True:
        while len(buf) < 2:
            buf += s.recv(4096)
        n, off = buf[1] & 0x7F, 2
        if n == 126:
            while len(buf) < 4: buf += s.recv(4096)
            n, off = struct.unpack(">H", buf[2:4])[0], 4
        elif n == 127:
            while len(buf) < 10: buf += s.recv(4096)
            n, off = struct.unpack(">Q", buf[2:10])[0], 10
        while len(buf) < off + n:
            buf += s.recv(65536)
        opcode, payload, buf = buf[0] & 0x0F, buf[off:off + n], buf[off + n:]
        if opcode == 1:
            return json.loads(payload)
        if opcode == 9:  # ping: answer, keep reading
            mask = os.urandom(4)
            s.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_subscribe", "params": [stream, flt]}))
answer = recv()
if "result" not in answer:
    sys.exit("subscription refused: " + json.dumps(answer))
print("subscribed", flush=True)
for _ in range(count):
    print(json.dumps(recv()["params"]["result"]), flush=True)
