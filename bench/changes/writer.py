#!/usr/bin/env python3
"""The writer of bench/changes.sh, run as ``python3 bench/changes/writer.py BASE TOKEN RATE SECONDS TEAM_IDS_FILE``.

Changes team readiness through ``POST /api/v1/teams/{id}/readiness`` at RATE changes/s for SECONDS seconds, the
teams in turn, each one alternating between two states, the requests started on a fixed schedule (request i due at
start + i/RATE; open loop: a slow answer does not slow the rate down, unless UNDER_WAY (16) requests are under way:
more would only queue for the database connections; nothing is started after SECONDS). The requests go over
persistent HTTP/1.1 connections (up to UNDER_WAY, opened once, one request at a time each; a closed one is reopened),
each with a 30 s timeout. Prints "written failed unsent": changes acknowledged (2xx), refused or unanswered, and not
started in time.

Standard library only, one thread, hand-written HTTP/1.1: the JDK HttpClient cost ~3.5 ms of CPU per request, as much
as the service under test.
"""
import asyncio
import sys
from urllib.parse import urlsplit

from http1 import read_chunked

STATES = ("UNAVAILABLE", "STANDBY")
UNDER_WAY = 16
TIMEOUT = 30.0
RECV = 16384


class Writer:

    def __init__(self, base, token):
        url = urlsplit(base)
        if url.scheme != "http":
            raise SystemExit("writer.py: only http:// is supported, not " + base)
        self.host = url.hostname
        self.port = url.port or 80
        self.prefix = url.path.rstrip("/")
        self.head = ("Host: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n"
                     % (url.netloc, token)).encode()
        self.idle = []  # connections not in use: (reader, writer)
        self.written = 0
        self.failed = 0
        self.tasks = set()

    def request(self, team, state):
        body = ('{"readiness":"%s","reason":"bench"}' % state).encode()
        return (b"POST %s/api/v1/teams/%s/readiness HTTP/1.1\r\n%sContent-Length: %d\r\n\r\n%s"
                % (self.prefix.encode(), team.encode(), self.head, len(body), body))

    async def send(self, request, slots):
        connection = None
        try:
            async with asyncio.timeout(TIMEOUT):
                while self.idle:
                    connection = self.idle.pop()
                    if not connection[0].at_eof() and not connection[1].is_closing():
                        break
                    connection[1].close()  # closed by the service while idle: reopened below
                    connection = None
                if connection is None:
                    connection = await asyncio.open_connection(self.host, self.port)
                    connection[1].transport.max_size = RECV  # not 256 KiB allocated (mmap) per read
                reader, writer = connection
                writer.write(request)
                status, keep = await read_response(reader)
            if keep:
                self.idle.append(connection)
            else:
                writer.close()
            connection = None
            if 200 <= status < 300:
                self.written += 1
            else:
                self.failed += 1
        except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            self.failed += 1
        finally:
            if connection is not None:
                connection[1].close()  # in an unknown state after a failure: not reused
            slots.release()

    async def run(self, rate, seconds, teams):
        loop = asyncio.get_running_loop()
        slots = asyncio.Semaphore(UNDER_WAY)
        requests = {}
        total = int(rate * seconds + 0.5)  # Math.round
        start = loop.time()
        end = start + seconds
        i = 0
        while i < total:
            wait = start + i / rate - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            now = loop.time()
            if now > end:
                break  # the service fell behind: what is left is not sent
            team = teams[i % len(teams)]
            state = STATES[(i // len(teams)) % 2]
            request = requests.get((team, state))
            if request is None:
                request = requests[(team, state)] = self.request(team, state)
            if slots.locked():
                try:
                    await asyncio.wait_for(slots.acquire(), max(0.0, end - now))
                except TimeoutError:
                    break
            else:
                await slots.acquire()
            task = loop.create_task(self.send(request, slots))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
            i += 1
        for _ in range(UNDER_WAY):
            await slots.acquire()
        for _, writer in self.idle:
            writer.close()
        print(self.written, self.failed, total - i)


async def read_response(reader):
    """Reads one response (status line, headers, body); answers its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    keep = b"\r\nconnection: close" not in lower and not head.startswith(b"HTTP/1.0")
    if b"\r\ntransfer-encoding: chunked" in lower:
        await read_chunked(reader)
        return status, keep
    at = lower.find(b"\r\ncontent-length:")
    if at >= 0:
        length = int(lower[at + 17:lower.index(b"\r\n", at + 17)])
        if length:
            await reader.readexactly(length)
    elif status >= 200 and status not in (204, 304):
        await reader.read()  # no length: the body ends with the connection
        keep = False
    return status, keep


def main():
    base, token, rate, seconds, teams_file = sys.argv[1:6]
    with open(teams_file) as f:
        teams = [line.strip() for line in f if line.strip()]
    asyncio.run(Writer(base, token).run(float(rate), float(seconds), teams))


if __name__ == "__main__":
    main()
