#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# A stand-in for `sluiced --devnet --data-dir D` for LocalStack's tests: prints progress lines like
# the node, writes D/devnet.json and answers eth_chainId over HTTP JSON-RPC until SIGTERM.
# FAKE_SLUICED_FAIL=1 makes it print an error and exit 3 instead; FAKE_SLUICED_FAIL=anvil prints, as the
# real node does when it finds no anvil, a last line without the word "error" and exits 1.
import json, os, signal, sys, threading
from http.server import BaseHTTPRequestHandler, HTTPServer

args = sys.argv[1:]
data_dir = args[args.index("--data-dir") + 1]
print("devnet: starting anvil", flush=True)
if os.environ.get("FAKE_SLUICED_FAIL") == "anvil":
    print("devnet: looking for anvil", file=sys.stderr, flush=True)
    print("sluiced: anvil (Foundry's local Ethereum node) was not found: not at /usr/lib/sluice-wallet/anvil",
          file=sys.stderr, flush=True)
    sys.exit(1)
if os.environ.get("FAKE_SLUICED_FAIL"):
    print("error: address 127.0.0.1:8545 already in use", file=sys.stderr, flush=True)
    sys.exit(3)

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        reply = json.dumps({"jsonrpc": "2.0", "id": body["id"], "result": "0x7a6a"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)
    def log_message(self, *a):
        pass

server = HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
os.makedirs(data_dir, exist_ok=True)
print("devnet: deploying the rollup contract", flush=True)
manifest = {
    "l1": {"rpcUrl": "http://127.0.0.1:%d" % port, "chainId": 31337},
    "l2": {"rpcUrl": "http://127.0.0.1:%d" % port, "chainId": 31338},
    "rollup": "0x5fbdb2315678afecb367f032d93f642f64180aa3", "deployBlock": 1, "challengePeriod": 60,
    "devAccounts": []}
with open(os.path.join(data_dir, "devnet.json.tmp"), "w") as f:
    json.dump(manifest, f)
os.replace(os.path.join(data_dir, "devnet.json.tmp"), os.path.join(data_dir, "devnet.json"))

def stop(signum, frame):
    print("devnet: stopping", flush=True)
    threading.Thread(target=server.shutdown).start()
signal.signal(signal.SIGTERM, stop)
print("devnet: L2 JSON-RPC on 127.0.0.1:%d" % port, flush=True)
server.serve_forever()
sys.exit(0)
