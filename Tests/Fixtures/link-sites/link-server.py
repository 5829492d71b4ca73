#!/usr/bin/env python3
"""A local HTTP server for the external link checker's tests: never the internet.

Prints its port on the first line of stdout, then answers on 127.0.0.1 until its stdin closes
(so it dies with the test process that started it, however that ends).

  /ok                200             /moved         301 to /ok
  /missing           404             /gone          410
  /throttled         429             /error         500
  /nohead            405 to HEAD, 200 to GET
  /flaky?fail=N      500 to the first N requests (of that exact URL), then 200
  /slow?ms=N         waits N milliseconds, then 200
  /stats             JSON: requests per path (with query) and method, and the most requests
                     that were ever in progress at once
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

lock = threading.Lock()
counts = {}
in_progress = 0
most_in_progress = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        global in_progress, most_in_progress
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path == "/stats":
            with lock:
                payload = {"counts": counts, "most_in_progress": most_in_progress}
            return self.send(200, json.dumps(payload).encode(), body)
        with lock:
            key = self.command + " " + self.path
            counts[key] = counts.get(key, 0) + 1
            seen = sum(n for k, n in counts.items() if k.split(" ", 1)[1] == self.path)
            in_progress += 1
            most_in_progress = max(most_in_progress, in_progress)
        try:
            status, headers = self.route(url.path, query, seen)
            if status == 200 and "ms" in query:
                time.sleep(int(query["ms"][0]) / 1000)
            self.send(status, b"avance test server\n", body, headers)
        finally:
            with lock:
                in_progress -= 1

    def route(self, path, query, seen):
        if path == "/ok":
            return 200, {}
        if path == "/moved":
            return 301, {"Location": "/ok"}
        if path == "/missing":
            return 404, {}
        if path == "/gone":
            return 410, {}
        if path == "/throttled":
            return 429, {"Retry-After": "60"}
        if path == "/error":
            return 500, {}
        if path == "/nohead":
            return (405, {"Allow": "GET"}) if self.command == "HEAD" else (200, {})
        if path == "/flaky":
            return (500, {}) if seen <= int(query.get("fail", ["1"])[0]) else (200, {})
        if path == "/slow":
            return 200, {}
        return 404, {}

    def send(self, status, payload, body, headers=None):
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if body:
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the parent closes stdin or dies
    os._exit(0)


if __name__ == "__main__":
    main()
