#!/usr/bin/env python3
"""Helpers of bench/changes.sh (standard library only).

  changes.py read BASE TOKEN LIMIT            pages through GET /api/v1/changes from the start; prints events, pages, seconds
"""
import json
import sys
import time
import urllib.request


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


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "read":
        read(sys.argv[2], sys.argv[3], int(sys.argv[4]))
