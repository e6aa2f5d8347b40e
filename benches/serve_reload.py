#!/usr/bin/env python3
"""Save → reload with `catalogc serve` (issue 17.4: goal <= 2 s on the sample), as a browser sees it.

    serve_reload.py BIN ROOT RUNS COMMIT   # prints one JSON line for benches/results/sample.jsonl

ROOT is a scratch copy of a catalog root (its files are edited). The script starts `BIN serve
--port 0 --root ROOT`, waits for the address, then RUNS times: asks the build generation, saves
the entry file with a new department name (one write, as an editor saves), and times
  - save → signal: until the long poll `/__catalogc/events?since=GEN` (the request the reload
    script of an open page makes) answers with the next generation;
  - save → page: the signal plus fetching the guide again and finding the new name in it (what a
    reloading browser waits for before it can paint).
The median of each is reported; the server is killed at the end, also on failure.
"""
import json
import re
import statistics
import subprocess
import sys
import time
import datetime
import urllib.request
from pathlib import Path

bin_path, root, runs, commit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ENTRY = root / "catalog/regions/440300/002000112001.yaml"
GUIDE = "portal/regions/440300/002000112001.html"
NAME = "name: 深圳市公安局\n"


def get(url, timeout=60):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


server = subprocess.Popen(
    [bin_path, "serve", "--port", "0", "--as-of", "2026-11-29", "--root", str(root)],
    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
)
try:
    line = server.stdout.readline()
    base = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
    original = ENTRY.read_text(encoding="utf-8")
    assert NAME in original, f"{ENTRY} has no {NAME!r}"
    signal, page = [], []
    for i in range(runs):
        new_name = f"深圳市公安局（第{i + 1}次保存）"
        generation = int(get(base + "__catalogc/events"))
        started = time.perf_counter()
        ENTRY.write_text(original.replace(NAME, f"name: {new_name}\n", 1), encoding="utf-8")
        now = generation
        while now == generation:
            now = int(get(f"{base}__catalogc/events?since={generation}"))
        signalled = time.perf_counter()
        html = get(base + GUIDE)
        fetched = time.perf_counter()
        assert new_name in html, f"run {i + 1}: the guide does not show {new_name}"
        signal.append(round(signalled - started, 3))
        page.append(round(fetched - started, 3))
        print(f"   save → reload run {i + 1}: signal {signal[-1]:.3f} s, page {page[-1]:.3f} s", file=sys.stderr)
        time.sleep(0.5)
    ENTRY.write_text(original, encoding="utf-8")
finally:
    server.kill()
    server.wait()

with open("/proc/loadavg") as f:
    load = float(f.read().split()[0])
print(json.dumps({
    "size": "sample", "tool": "catalogc serve: save → reload", "commit": commit,
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "runs_s": signal, "median_s": statistics.median(signal),
    "page_runs_s": page, "median_page_s": statistics.median(page),
    "loadavg_after": load,
}, ensure_ascii=False))
