#!/usr/bin/env python3
"""Edit -> served latency of `mosty serve` (stdlib only).

The same protocol as ../shared/bench/serve_latency.py uses for `hugo server` and
`zola serve` (which has no mosty mode): start the server on 127.0.0.1, wait until the
target page is served, then RUNS times: wait --settle seconds, append one sentence with a
unique marker to the page's source file, poll the page's URL every --poll-ms until the
served HTML contains the marker (that is the latency), then wait for the server's
"rebuilt N pages in X ms" log line before the next edit.  Reports the latencies (median,
min, max), the server-reported rebuild times, the start-up time and the server's peak RSS
(VmHWM).  The source file is restored and the server stopped by its PID at the end, also
on error or ^C.

Usage:
  serve_mosty.py --bin MOSTY --site SITE --file content/projects/p/index.ru.md \
                 --path /ru/projects/p/ [--port 18400] [--runs 5] [--json OUT.jsonl]
                 [--edit append|title]
"""

import argparse
import http.client
import json
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REBUILT = re.compile(r"rebuilt (?:\d+ of )?(\d+) pages in (\d+) ms")


def get(port, path, timeout=5.0):
    """Body of http://127.0.0.1:port/path, '' on any failure (one connection per request)."""
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request("GET", path, headers={"Host": "127.0.0.1:%d" % port})
        r = c.getresponse()
        body = r.read().decode("utf-8", "replace")
        c.close()
        return body if r.status == 200 else ""
    except (OSError, http.client.HTTPException):
        return ""


def vm_hwm_mib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the mosty binary")
    ap.add_argument("--site", required=True)
    ap.add_argument("--file", required=True, help="content file to edit, relative to --site")
    ap.add_argument("--path", required=True, help="URL path of the page built from --file")
    ap.add_argument("--port", type=int, default=18400)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--poll-ms", type=float, default=5.0)
    ap.add_argument("--settle", type=float, default=2.0)
    ap.add_argument("--start-timeout", type=float, default=900.0)
    ap.add_argument("--edit-timeout", type=float, default=120.0)
    ap.add_argument("--label", default="mosty serve")
    ap.add_argument("--json", default=None, help="append the result as one JSON line here")
    ap.add_argument("--edit", choices=("append", "title"), default="append",
                    help="append a sentence (a body edit, the default) or change the title")
    a = ap.parse_args(argv)
    site = os.path.abspath(a.site)
    src = os.path.join(site, a.file)
    with open(src, "rb") as f:
        original = f.read()
    cmd = [a.bin, "serve", "--root", site, "--port", str(a.port), "--bind", "127.0.0.1"]
    print("[%s] %s" % (a.label, " ".join(shlex.quote(c) for c in cmd)), flush=True)
    log = tempfile.NamedTemporaryFile(prefix="serve-mosty-", suffix=".log", delete=False)
    t_launch = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    result, ok = {}, False
    try:
        deadline = t_launch + a.start_timeout
        while "</html>" not in get(a.port, a.path):
            if proc.poll() is not None:
                raise RuntimeError("mosty serve exited with %s; log: %s" % (proc.returncode, log.name))
            if time.monotonic() > deadline:
                raise RuntimeError("page not served within %.0f s" % a.start_timeout)
            time.sleep(0.02)
        startup = time.monotonic() - t_launch
        print("[%s] first response after %.2f s" % (a.label, startup), flush=True)
        nonce = "%x" % (int(time.time() * 1000) & 0xFFFFFF)
        lat, done, reported = [], [], []
        for k in range(a.runs):
            time.sleep(a.settle)
            log.flush()
            before = os.path.getsize(log.name)
            marker = "mostymarker%d%s" % (k, nonce)
            if a.edit == "title":
                # A frontmatter edit: every page may show the title, so a full rebuild.
                text = re.sub(r'^title = "', 'title = "%s ' % marker,
                              original.decode("utf-8"), count=1, flags=re.M)
                with open(src, "w", encoding="utf-8") as f:
                    f.write(text)
            else:
                with open(src, "a", encoding="utf-8") as f:
                    f.write("\nAppended sentence number %d %s.\n" % (k, marker))
            t0 = time.monotonic()
            deadline = t0 + a.edit_timeout
            polls = 0
            while True:
                polls += 1
                if marker in get(a.port, a.path):
                    t_seen = time.monotonic()
                    break
                if proc.poll() is not None:
                    raise RuntimeError("mosty serve exited during edit %d; log: %s" % (k, log.name))
                if time.monotonic() > deadline:
                    raise RuntimeError("edit %d not served within %.0f s" % (k, a.edit_timeout))
                time.sleep(a.poll_ms / 1000.0)
            lat.append((t_seen - t0) * 1000.0)
            rb, t_done = [], None
            while time.monotonic() < deadline:
                with open(log.name, "rb") as lf:
                    lf.seek(before)
                    rb = [int(m.group(2)) for m in REBUILT.finditer(lf.read().decode("utf-8", "replace"))]
                if rb:
                    t_done = time.monotonic()
                    break
                time.sleep(0.01)
            done.append(round((t_done - t0) * 1000.0, 1) if t_done else None)
            reported.append(rb)
            print("[%s] edit %d: served after %.0f ms; server-reported rebuild %s ms; %d polls"
                  % (a.label, k, lat[-1], "/".join(map(str, rb)) or "?", polls), flush=True)
        result = {
            "label": a.label, "tool": "mosty", "cmd": cmd, "site": site, "file": a.file,
            "path": a.path, "client": "python http.client", "poll_ms": a.poll_ms,
            "startup_s": round(startup, 3), "latency_ms": [round(x, 1) for x in lat],
            "median_ms": round(statistics.median(lat), 1),
            "min_ms": round(min(lat), 1), "max_ms": round(max(lat), 1),
            "done_ms": done, "server_rebuild_ms": reported,
            "server_peak_rss_mib": vm_hwm_mib(proc.pid),
        }
        print("[%s] served: median %.0f ms (min %.0f, max %.0f) over %d edits; start-up %.1f s; "
              "server peak RSS %s MiB" % (a.label, result["median_ms"], result["min_ms"],
                                          result["max_ms"], len(lat), startup,
                                          "%.0f" % result["server_peak_rss_mib"]
                                          if result["server_peak_rss_mib"] else "?"), flush=True)
        ok = True
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
        with open(src, "wb") as f:
            f.write(original)
        if ok:
            os.unlink(log.name)
        else:
            print("serve_mosty: server log kept at %s" % log.name, file=sys.stderr)
    if a.json and result:
        with open(a.json, "a", encoding="utf-8") as f:
            f.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
