#!/usr/bin/env python3
"""Helpers of bench/changes.sh (standard library only).

  changes.py read BASE TOKEN LIMIT            pages through GET /api/v1/changes from the start; prints events, pages, seconds
  changes.py receive PORT SECONDS OUT          a webhook receiver: records, per delivery, the change time (epoch s) and
                                                now - CloudEvents time (ms)
  changes.py write BASE TOKEN RATE SECONDS TEAM_IDS_FILE
                                                changes team readiness at RATE changes/s (alternating two states)
"""
import json
import sys
import threading
import time
import urllib.request
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def read(base, token, limit):
    events = pages = 0
    started = time.perf_counter()
    url = f"{base}/api/v1/changes?limit={limit}"
    while True:
        page = get(url, token)
        pages += 1
        events += len(page["items"])
        if not page["hasMore"]:
            break
        url = f"{base}/api/v1/changes?limit={limit}&after={page['next']}"
    print(events, pages, round(time.perf_counter() - started, 3))


def receive(port, seconds, out):
    delays = []
    seen = set()

    class Receiver(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a production receiver behind a proxy answers

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            arrived = time.time()
            event = json.loads(body)
            if self.headers.get("webhook-id") not in seen:
                seen.add(self.headers.get("webhook-id"))
                occurred = datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()
                delays.append((occurred, (arrived - occurred) * 1000))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    time.sleep(seconds)
    server.shutdown()
    with open(out, "w") as f:
        f.write("\n".join(f"{t:.3f} {d:.1f}" for t, d in delays))


def write(base, token, rate, seconds, teams_file):
    teams = [line.strip() for line in open(teams_file) if line.strip()]
    states = ["UNAVAILABLE", "STANDBY"]
    done = [0]
    errors = [0]
    lock = threading.Lock()
    threads = 16
    interval = threads / rate
    end = time.time() + seconds

    def worker(n):
        i = n
        next_at = time.time()
        while time.time() < end:
            team = teams[i % len(teams)]
            state = states[(i // len(teams)) % 2]
            body = json.dumps({"readiness": state, "reason": "bench"}).encode()
            request = urllib.request.Request(f"{base}/api/v1/teams/{team}/readiness", data=body, method="POST",
                                             headers={"Authorization": "Bearer " + token,
                                                      "Content-Type": "application/json"})
            try:
                urllib.request.urlopen(request, timeout=30).read()
                with lock:
                    done[0] += 1
            except Exception:
                with lock:
                    errors[0] += 1
            i += threads
            next_at += interval
            time.sleep(max(0.0, next_at - time.time()))

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(done[0], errors[0])


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "read":
        read(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "receive":
        receive(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4])
    elif command == "write":
        write(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
