#!/usr/bin/env python3
"""A scripted incoming-webhook server for the slack delivery tests.

Listens on 127.0.0.1 (a free port, written to --port-file), answers each POST
with the next entry of --script ("200", "500", "400", "429:2" = 429 with
Retry-After: 2, "200/3000" = 200 after waiting 3000 ms), then 200 once the
script is spent, and appends one JSON line per request to --log as it
arrives: arrival time, path, X-Assay-Message-Id, status it will send, body
length and whether the body is JSON with "text" and "blocks". Requests are
served on threads of their own, so a slow answer holds up no other.
"""
import argparse
import http.server
import json
import os
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--script", default="")
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    script = [s for s in args.script.split(",") if s]
    turns = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            arrived = time.time()
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with turns:
                turn = script.pop(0) if script else "200"
            turn, _, delay_ms = turn.partition("/")
            status, _, retry_after = turn.partition(":")
            try:
                message = json.loads(body)
                slack_shaped = isinstance(message.get("text"), str) and isinstance(message.get("blocks"), list)
            except ValueError:
                slack_shaped = False
            with open(args.log, "a") as log:
                log.write(json.dumps({"t": arrived, "path": self.path,
                                      "id": self.headers.get("X-Assay-Message-Id", ""),
                                      "status": int(status), "bytes": len(body),
                                      "slack_shaped": slack_shaped}) + "\n")
            if delay_ms:
                time.sleep(int(delay_ms) / 1000)
            reply = b"ok" if status == "200" else b"no"
            self.send_response(int(status))
            if retry_after:
                self.send_header("Retry-After", retry_after)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *unused):
            pass  # the path is the secret: keep it off stderr

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    temp = args.port_file + ".tmp"
    with open(temp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(temp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
