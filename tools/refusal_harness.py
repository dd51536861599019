#!/usr/bin/env python3
"""Jetty issue #12939 harness (docs/DECISIONS.md, "A connector of our own"): requests Jetty refuses at the request
line, each with a large body the client goes on writing, then a GET /health on a fresh connection. A /health answer
that is not a clean 200 means the fresh connection parsed bytes it was never sent (a buffer shared with the refused
connection). Prints counts per kind of answer; exit 1 if any /health answer was foreign.

    tools/refusal_harness.py --url http://127.0.0.1:7070 --threads 4 --seconds 1800
"""
import argparse
import socket
import threading
import time
import urllib.parse
from collections import Counter

# What Jetty refuses before reading the body: an encoded NUL, a dot segment, an unknown version, headers too large.
REFUSALS = [
    b"POST /api/products/a%00b HTTP/1.1\r\n",
    b"POST /api/%2e%2e/health HTTP/1.1\r\n",
    b"POST /api/products HTTP/1.7\r\n",
    b"POST /api/products HTTP/1.1\r\nX-Big: " + b"h" * 70_000 + b"\r\n",
]
# A body that is a request of its own: if a fresh connection ever parses it, /health answers something else.
BODY = (b"GET /foreign-bytes-from-another-connection HTTP/1.1\r\nHost: x\r\n\r\n" * 2_000)[:131_072]


def refused(host, port, first_lines):
    s = socket.create_connection((host, port), timeout=10)
    try:
        s.sendall(first_lines + b"Host: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY))
        try:
            s.sendall(BODY)
        except OSError:
            return "reset while writing"
        s.settimeout(10)
        answer = s.recv(64)
        return "answered " + answer.split(b"\r\n", 1)[0].decode("latin-1")[:40] if answer else "closed without answer"
    except OSError as e:
        return "error " + type(e).__name__
    finally:
        s.close()


def health(host, port):
    s = socket.create_connection((host, port), timeout=10)
    try:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7070")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    host, port = url.hostname, url.port or 80
    refusals, answers = Counter(), Counter()
    foreign = []
    lock = threading.Lock()
    deadline = time.time() + args.seconds

    def work(seed):
        i = seed
        while time.time() < deadline:
            outcome = refused(host, port, REFUSALS[i % len(REFUSALS)])
            try:
                data = health(host, port)
                ok = data.startswith(b"HTTP/1.1 200") and b"foreign" not in data
                kind = "200" if ok else "FOREIGN " + data.split(b"\r\n", 1)[0].decode("latin-1")[:40]
            except OSError as e:
                data, ok, kind = b"", False, "health error " + type(e).__name__
            with lock:
                refusals[outcome] += 1
                answers[kind] += 1
                if not ok:
                    foreign.append(data[:300])
            i += 1

    threads = [threading.Thread(target=work, args=(t,)) for t in range(args.threads)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(answers.values())
    print(f"{total} refusals, each followed by GET /health on a new connection, {args.threads} threads, {time.time() - started:.0f} s")
    print("refused requests:", dict(refusals))
    print("/health answers:", dict(answers))
    for sample in foreign[:5]:
        print("not a clean 200:", sample)
    return 1 if foreign else 0


if __name__ == "__main__":
    raise SystemExit(main())
