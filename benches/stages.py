#!/usr/bin/env python3
"""Stage times of mosty's build at 1,000 and 10,000 entries, and how each scales.

Runs `mosty build` with MOSTY_TIMINGS=1 on the benchmark corpora that `run.py` generated
(target/bench/site-N-mosty), alternating the two sizes, and prints the median of each stage
with its 10k/1k ratio and what it adds beyond a 10.5x scaling.

    python3 benches/stages.py [--mosty target/release/mosty] [--runs 5] [--out /dev/shm/mosty-stages]
"""

import argparse
import os
import re
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SIZES = (1000, 10000)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mosty", default=os.path.join(REPO, "target", "release", "mosty"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default="/dev/shm/mosty-stages", help="output folder (one per size)")
    ap.add_argument("--work", default=os.path.join(REPO, "target", "bench"))
    a = ap.parse_args()
    times = {n: {} for n in SIZES}
    for _ in range(a.runs):
        for n in SIZES:
            site = os.path.join(a.work, "site-%d-mosty" % n)
            if not os.path.isdir(site):
                raise SystemExit("%s is missing: run benches/run.py once to generate it" % site)
            start = time.monotonic()
            p = subprocess.run([a.mosty, "build", "--root", site, "--output", "%s/%d" % (a.out, n)],
                               env=dict(os.environ, MOSTY_TIMINGS="1"), capture_output=True, text=True)
            wall = (time.monotonic() - start) * 1000
            if p.returncode != 0:
                raise SystemExit(p.stderr)
            for m in re.finditer(r"timing: (.+?)\s+([\d.]+) ms", p.stderr):
                times[n].setdefault(m.group(1).strip(), []).append(float(m.group(2)))
            times[n].setdefault("wall", []).append(wall)
    print("%-26s %10s %10s %7s %12s" % ("stage (median ms)", "1k", "10k", "x", "over 10.5x"))
    for stage, small in times[SIZES[0]].items():
        s, b = statistics.median(small), statistics.median(times[SIZES[1]].get(stage, [0]))
        print("%-26s %10.1f %10.1f %7.2f %12.1f" % (stage, s, b, b / s if s else 0, b - 10.5 * s))


if __name__ == "__main__":
    main()
