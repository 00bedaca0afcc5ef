#!/usr/bin/env python3
"""Stage times of mosty's build by site size, and how each stage scales.

Runs `mosty build` with MOSTY_TIMINGS=1 on the benchmark corpora (target/bench/site-N-mosty,
generated here when `run.py` has not made them yet), taking the sizes in turn, and prints:

- for every size, the median wall time and the time per 1,000 entries, so that a cost which
  grows faster than the site shows as a rising column;
- for the smallest and the largest size, the median of each stage, its ratio, and what it
  adds beyond a 10.5x scaling (the target of the 1k -> 10k benchmark).

Given several binaries (`--mosty old,new`), it alternates them run by run, so that a change's
effect is measured against the code before it under the same load, and prints the tables of
each binary.

    python3 benches/stages.py [--sizes 1000,10000] [--runs 5] [--mosty target/release/mosty[,OTHER]]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def corpus(work, n):
    site = os.path.join(work, "site-%d-mosty" % n)
    if not os.path.isdir(site):
        sys.path.insert(0, HERE)
        import run  # the benchmark's own corpus generation and adaptation

        run.prepare_mosty(run.gen(work, n, "mosty"))
    return site


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mosty", default=os.path.join(REPO, "target", "release", "mosty"))
    ap.add_argument("--sizes", default="1000,10000", help="entries per site, comma-separated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default="/dev/shm/mosty-stages", help="output folder (one per size)")
    ap.add_argument("--work", default=os.path.join(REPO, "target", "bench"))
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    binaries = a.mosty.split(",")
    sites = {n: corpus(a.work, n) for n in sizes}
    times = {(b, n): {} for b in binaries for n in sizes}
    for _ in range(a.runs):
        for k, binary in enumerate(binaries):
            for n in sizes:
                start = time.monotonic()
                out = "%s/%d-%d" % (a.out, k, n)
                p = subprocess.run([binary, "build", "--root", sites[n], "--output", out],
                                   env=dict(os.environ, MOSTY_TIMINGS="1"), capture_output=True, text=True)
                wall = (time.monotonic() - start) * 1000
                if p.returncode != 0:
                    raise SystemExit(p.stderr)
                for m in re.finditer(r"timing: (.+?)\s+([\d.]+) ms", p.stderr):
                    times[binary, n].setdefault(m.group(1).strip(), []).append(float(m.group(2)))
                times[binary, n].setdefault("wall", []).append(wall)
    for binary in binaries:
        if len(binaries) > 1:
            print("== %s" % binary)
        report(sizes, {n: times[binary, n] for n in sizes})
        print()


def report(sizes, times):
    print("%-8s %10s %16s" % ("entries", "wall ms", "ms per 1,000"))
    for n in sizes:
        w = statistics.median(times[n]["wall"])
        print("%-8d %10.1f %16.1f" % (n, w, w * 1000 / n))
    if len(sizes) < 2:
        return
    lo, hi = sizes[0], sizes[-1]
    print()
    print("%-26s %10s %10s %7s %12s" % ("stage (median ms)", lo, hi, "x", "over 10.5x"))
    for stage, small in times[lo].items():
        s, b = statistics.median(small), statistics.median(times[hi].get(stage, [0]))
        print("%-26s %10.1f %10.1f %7.2f %12.1f" % (stage, s, b, b / s if s else 0, b - 10.5 * s))

if __name__ == "__main__":
    main()
