#!/usr/bin/env python3
"""The webhook receiver of bench/changes.sh, run as ``python3 bench/changes/receiver.py PORT SECRET OUT``.

An asyncio HTTP/1.1 server on 127.0.0.1:PORT (keep-alive: the service's client sends several requests one after
another on a connection; bodies with Content-Length or chunked). Answers every POST /hook with 204 after verifying its
Standard Webhooks signature against SECRET ("whsec_" + base64 key; HMAC-SHA256 over "id.timestamp.body", the
webhook-signature header holding one or more space-separated "v1,<base64>" entries); a delivery whose signature does
not match is answered 401 and counted, not recorded. Records per delivery the webhook-id, the CloudEvents ``time``
(epoch ms) and the arrival time minus it (ms). ``GET /stats`` answers "deliveries distinct refused"; on SIGTERM it
writes OUT, one line per delivery: ``id time-epoch-s delay-ms repeat``, repeat 1 for a second or later delivery of
the same id, and exits 0.

Standard library only, one thread, no per-request logging: the harness must leave the cores to the service.
"""
import asyncio
import base64
import hmac
import signal
import sys
import time
from datetime import datetime, timedelta, timezone

from http1 import read_chunked

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MS = timedelta(milliseconds=1)
RECV = 65536

NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"
UNAUTHORIZED = b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
SERVER_ERROR = b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


class Receiver:

    def __init__(self, secret, out):
        self.key = base64.b64decode(secret[len("whsec_"):])
        self.out = out
        self.deliveries = []  # (id bytes, occurred ms, arrived ms, repeat)
        self.seen = set()
        self.refused = 0

    async def serve(self, reader, writer):
        writer.transport.max_size = RECV  # not 256 KiB allocated (mmap) per read
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except asyncio.IncompleteReadError:
                    return  # the client closed the connection between requests
                line_end = head.index(b"\r\n")
                parts = head[:line_end].split(b" ")
                if len(parts) != 3:
                    writer.write(BAD_REQUEST)
                    return
                method, target, version = parts
                headers = {}
                for line in head[line_end + 2:-4].split(b"\r\n"):
                    colon = line.find(b":")
                    if colon > 0:
                        name = line[:colon].strip().lower()
                        if name not in headers:  # the first value, like HttpServer's getFirst
                            headers[name] = line[colon + 1:].strip()
                if headers.get(b"expect", b"").lower() == b"100-continue":
                    writer.write(CONTINUE)
                encoding = headers.get(b"transfer-encoding")
                if encoding is not None and b"chunked" in encoding.lower():
                    body = await read_chunked(reader)
                else:
                    length = int(headers.get(b"content-length", b"0"))
                    body = await reader.readexactly(length) if length else b""
                connection = headers.get(b"connection", b"").lower()
                close = connection == b"close" or (version == b"HTTP/1.0" and connection != b"keep-alive")
                if target.startswith(b"/hook"):
                    writer.write(self.hook(headers, body))
                elif target.startswith(b"/stats"):
                    text = b"%d %d %d\n" % (len(self.deliveries), len(self.seen), self.refused)
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s"
                                 % (len(text), text))
                else:
                    writer.write(NOT_FOUND)
                if close:
                    await writer.drain()
                    return
                if writer.transport.get_write_buffer_size():
                    await writer.drain()
        except (ValueError, asyncio.LimitOverrunError, asyncio.IncompleteReadError, ConnectionError):
            return  # a malformed request or a connection lost mid-request: the connection is dropped
        except asyncio.CancelledError:
            return  # stopped (SIGTERM) while the connection was open: nothing to report
        finally:
            writer.close()

    def hook(self, headers, body):
        arrived = time.time_ns() // 1_000_000
        webhook_id = headers.get(b"webhook-id")
        timestamp = headers.get(b"webhook-timestamp")
        signatures = headers.get(b"webhook-signature")
        if webhook_id is None or timestamp is None or signatures is None \
                or not self.verified(webhook_id, timestamp, body, signatures):
            self.refused += 1
            return UNAUTHORIZED
        try:
            occurred = occurred_ms(body)
        except (ValueError, TypeError):  # no time, or one without an offset
            return SERVER_ERROR
        repeat = webhook_id in self.seen
        self.seen.add(webhook_id)
        self.deliveries.append((webhook_id, occurred, arrived, repeat))
        return NO_CONTENT

    def verified(self, webhook_id, timestamp, body, signatures):
        expected = base64.b64encode(hmac.digest(self.key, b"%s.%s.%s" % (webhook_id, timestamp, body), "sha256"))
        for signature in signatures.split(b" "):
            if signature.startswith(b"v1,") and hmac.compare_digest(expected, signature[3:]):
                return True
        return False

    def write(self):
        with open(self.out, "w") as out:
            for webhook_id, occurred, arrived, repeat in self.deliveries:
                out.write("%s %.3f %d %d\n" % (webhook_id.decode("utf-8", "replace"), occurred / 1000.0,
                                               arrived - occurred, 1 if repeat else 0))


def occurred_ms(body):
    """The CloudEvents ``time`` of the body (ISO-8601 with an offset) in epoch ms, found without parsing the rest."""
    at = body.find(b'"time":"')
    if at < 0:
        raise ValueError("no time")
    at += 8
    text = body[at:body.index(b'"', at)].decode("ascii")
    return (datetime.fromisoformat(text) - EPOCH) // MS


async def main():
    port, secret, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    receiver = Receiver(secret, out)
    server = await asyncio.start_server(receiver.serve, "127.0.0.1", port, backlog=256)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    await stopped.wait()
    server.close()
    receiver.write()


if __name__ == "__main__":
    asyncio.run(main())
